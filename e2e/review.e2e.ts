import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

// 报告数字审查: each finding shows the relation it checked, the figures with their quotes and the arithmetic

const demo = setupDemo();
const WAIT = { timeout: 30_000 };

const REPORT = [
  '青石镇2024年法治政府建设工作报告',
  '一、推进法治政府建设的主要举措和成效',
  '全年受理劳动争议调解申请45件，调解成功38件，调解成功率86%。',
  '全乡共调处矛盾纠纷58件，其中婚姻家庭纠纷21件、邻里纠纷17件、土地纠纷12件、其他纠纷6件。',
  '全镇16个村（居）全年法律顾问到村坐班384次，平均每个村（居）30次。',
  '全年共办理行政处罚案件87件，其中简易程序52件、普通程序35件。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记带头学法12次。',
  '三、存在的不足和原因',
  '基层执法力量薄弱，全年镇综合行政执法队办理行政处罚案件78件，案卷质量仍有差距。',
  '四、2025年工作安排',
  '加强执法队伍建设。',
].join('\n');

describe('报告数字审查', () => {
  for (const [name, options] of [['desktop', undefined], ['phone', PHONE]] as const) {
    it(`shows relation, figures with quotes and arithmetic (${name})`, async () => {
      await withPage(demo.browser, async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}/review`);
        await page.locator('input[type=file]').setInputFiles({ name: '青石镇.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) });
        await page.getByRole('button', { name: /开始审查/ }).click();
        const findings = page.getByTestId('review-findings');
        await findings.getByTestId('finding-arithmetic').first().waitFor(WAIT);
        const text = (await findings.textContent()) ?? '';
        // the rate: stated 86%, computed 38 ÷ 45
        expect(text).toContain('核算结果：38 ÷ 45 × 100% ≈ 84.4% ≠ 86%');
        expect(text).toContain('文中写明：全年受理劳动争议调解申请45件，调解成功38件，调解成功率86%。');
        // the list with a catch-all that falls short of its total
        expect(text).toContain('核算结果：21 + 17 + 12 + 6 = 56 < 58');
        // the average: 384 shared out over 16 villages, shown with its own label
        expect(text).toContain('平均数与数字不符');
        expect(text).toContain('平均数 = 全年法律顾问到村坐班 ÷ 村数');
        expect(text).toContain('核算结果：384次 ÷ 16个 ≈ 24次 ≠ 30次');
        // the same figure restated in the 不足 part with two digits swapped
        expect(text).toContain('两位数字前后颠倒');
        expect(text).toContain('核算结果：87件 ≠ 78件');
        expect(await findings.getByTestId('finding-relation').count()).toBe(4);
        // both passages of the figure stated twice are marked in the report's text
        expect(await page.locator('mark.fz-review-mark', { hasText: '全年镇综合行政执法队办理行政处罚案件78件' }).count()).toBe(1);
        expect(await page.locator('mark.fz-review-mark', { hasText: '全年共办理行政处罚案件87件' }).count()).toBe(1);
        await page.screenshot({ path: screenshotPath(`review-findings-${name}`), fullPage: true });
        expect(errors).toEqual([]);
      }, options);
    }, 120_000);
  }
});
