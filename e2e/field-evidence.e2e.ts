import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

// evidence from the phone (issue #25, decision 0039): a photo straight from the camera lands in the record's
// attachments with when and where it was taken
const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 20_000 };
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64');
// 天安门 as the phone's position
const HERE = { latitude: 39.9087243, longitude: 116.3974812, accuracy: 12 };

interface Attachment {
  name: string;
  kind: string;
  capturedAt: string | null;
  place: { lat: number; lng: number; accuracy: number | null } | null;
}

/** opens a mediation case of the clerk's town and answers its id */
async function openCase(page: Page, nth: number): Promise<number> {
  await login(page, demo.server.baseUrl, 'clerk');
  const id = await page.evaluate(async (n) => ((await (await fetch(`/api/ledgers/mediation.case?pageSize=5`, { headers: { accept: 'application/json' } })).json()) as { items: Array<{ id: number }> }).items[n]?.id ?? 0, nth);
  await page.goto(`${demo.server.baseUrl}/ledgers/mediation.case/${id}`);
  await page.getByTestId('attachments').waitFor(WAIT);
  return id;
}
const attachments = (page: Page, id: number): Promise<Attachment[]> =>
  page.evaluate(async (i) => ((await (await fetch(`/api/ledgers/mediation.case/${i}`, { headers: { accept: 'application/json' } })).json()) as { attachments: Attachment[] }).attachments, id);

describe('evidence from the phone camera', () => {
  it('puts a photo taken with 拍照取证 into the attachments with the time and the position, at phone width', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        const id = await openCase(page, 0);
        const card = page.getByTestId('attachments');
        const button = card.getByRole('button', { name: /拍照取证/ });
        await button.waitFor(WAIT);
        expect(await card.getByRole('button', { name: /录像取证/ }).isVisible()).toBe(true);
        // the button opens the camera: its input asks for an image from the back camera
        const input = page.getByTestId('capture-photo');
        expect(await input.getAttribute('accept')).toBe('image/*');
        expect(await input.getAttribute('capture')).toBe('environment');
        const chooser = page.waitForEvent('filechooser');
        await button.click();
        await (await chooser).setFiles({ name: '现场-占道经营.jpg', mimeType: 'image/jpeg', buffer: JPEG });

        const listed = card.locator('.ant-list-item', { hasText: '现场-占道经营.jpg' });
        await listed.waitFor(WAIT);
        const info = listed.getByTestId('capture-info');
        await expect.poll(async () => (await info.textContent()) ?? '', WAIT).toContain('位置 39.90872, 116.39748 ±12 m');
        expect(await info.textContent()).toMatch(/拍摄时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
        expect(await listed.textContent()).toContain('现场照片');

        const stored = (await attachments(page, id)).find((a) => a.name === '现场-占道经营.jpg');
        expect(stored?.place).toEqual({ lat: HERE.latitude, lng: HERE.longitude, accuracy: HERE.accuracy });
        expect(Math.abs(Date.now() - new Date(stored?.capturedAt ?? 0).getTime())).toBeLessThan(5 * 60_000);

        // nothing in the card runs past the phone's width
        const box = await card.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
        const infoBox = await info.boundingBox();
        expect((infoBox?.x ?? 0) + (infoBox?.width ?? 0)).toBeLessThanOrEqual(390);
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('field-evidence-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      { ...PHONE, geolocation: HERE, permissions: ['geolocation'] },
    );
  });

  it('still takes the photo when the position is refused, and says 未获取位置', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        const id = await openCase(page, 1);
        const card = page.getByTestId('attachments');
        await card.getByRole('button', { name: /拍照取证/ }).waitFor(WAIT);
        await page.getByTestId('capture-photo').setInputFiles({ name: '现场-无定位.jpg', mimeType: 'image/jpeg', buffer: JPEG });
        const listed = card.locator('.ant-list-item', { hasText: '现场-无定位.jpg' });
        await listed.waitFor(WAIT);
        const text = (await listed.getByTestId('capture-info').textContent()) ?? '';
        expect(text).toContain('未获取位置');
        expect(text).toContain('拍摄时间');
        const stored = (await attachments(page, id)).find((a) => a.name === '现场-无定位.jpg');
        expect(stored?.place).toBeNull();
        expect(stored?.capturedAt).not.toBeNull();
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('field-evidence-desktop'), fullPage: false });
        expect(errors).toEqual([]);
      },
      // no permission granted: the page's request for the position is refused
      DESKTOP,
    );
  });
});
