import { describe, expect, it } from 'vitest';
import { buildDocx, buildPdf } from './fixtures/documents.ts';
import { compareFigures, reviewBuffer } from './review.service.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reviewBuffer', () => {
  it('reviews a DOCX upload whatever its name', async () => {
    const docx = await buildDocx([['录入案件516宗，其中行政处罚案件18宗（11宗已办结，', '6宗正在办理）、行政检查案件498宗。']]);
    const review = await reviewBuffer('报告.pdf', docx);
    expect(review.file).toBe('报告.pdf');
    expect(review.findings).toMatchObject([{ kind: 'parts_sum_mismatch', expected: '18宗', actual: '17宗' }]);
  });

  it('reviews a PDF with a text layer', async () => {
    const pdf = buildPdf(['收到调解申请582宗，成功调处553宗，调解成功率90%。']);
    const review = await reviewBuffer('report.pdf', pdf);
    expect(review.figures.map((f) => f.raw)).toEqual(['582宗', '553宗', '90%']);
    expect(review.findings).toMatchObject([{ kind: 'rate_mismatch', expected: '95%', actual: '90%' }]);
  });

  it('reviews a traditional Chinese report and quotes it as written', async () => {
    const review = await reviewBuffer('報告.txt', utf8('開展普法活動二十余次，化解矛盾糾紛３１件，其中婚姻家庭糾紛１２件、鄰里糾紛２０件。'));
    expect(review.figures[0]).toMatchObject({ label: '普法活动', value: 20, unit: '次', approximate: true, raw: '二十余次' });
    expect(review.findings).toEqual([
      expect.objectContaining({
        kind: 'parts_sum_mismatch',
        text: '開展普法活動二十余次，化解矛盾糾紛３１件，其中婚姻家庭糾紛１２件、鄰里糾紛２０件。',
        expected: '３１件',
        actual: '32件',
      }),
    ]);
  });

  it('turns an unreadable file into a finding instead of an error', async () => {
    const review = await reviewBuffer('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(review).toMatchObject({ file: 'old.doc', figures: [], findings: [{ kind: 'unreadable', actual: 'unsupported_format' }] });
  });
});

describe('compareFigures', () => {
  it('puts the figures of several reports side by side by label', async () => {
    const a = await reviewBuffer('甲镇.txt', utf8('化解矛盾纠纷331余件，开展普法活动20余次。'));
    const b = await reviewBuffer('乙镇.txt', utf8('调处各类矛盾纠纷46宗，培育法律明白人187名。'));
    const table = compareFigures({ files: [a, b] });
    expect(table.files).toEqual(['甲镇.txt', '乙镇.txt']);
    expect(table.rows.map((r) => [r.label, r.cells.map((c) => c.map((x) => x.raw))])).toEqual([
      ['矛盾纠纷', [['331余件'], ['46宗']]],
      ['普法活动', [['20余次'], []]],
      ['法律明白人', [[], ['187名']]],
    ]);
  });

  it('keeps a label measured in different units on separate rows', async () => {
    const a = await reviewBuffer('a.txt', utf8('开展普法活动20次，普法活动覆盖群众5000人次。'));
    const table = compareFigures([a]);
    expect(table.rows.map((r) => [r.label, r.unit])).toEqual([
      ['普法活动', '次'],
      ['群众', '人次'],
    ]);
  });
});
