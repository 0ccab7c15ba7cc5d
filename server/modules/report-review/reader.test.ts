import { describe, expect, it } from 'vitest';
import { buildDocx, buildPdf } from './fixtures/documents.ts';
import { cleanLines, detectFormat, joinBrokenLines, readReport, ReportReadError } from './reader.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

const NOISY_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>兴隆镇2024年法治政府建设工作报告</title>
<style>.zoom { font-size: 16px }</style><script>var visits = 12345; document.write('访问');</script></head>
<body>
<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/fzzf">法治政府</a></li></ul></div>
<div class="location">首页 &gt;&gt; 政务公开 &gt;&gt; 法治政府工作报告</div>
<div class="info">发布时间：2025-02-10 09:30 信息来源：党政办 访问次数：1024</div>
<div>【字体：大 中 小】</div>
<div id="zoom">
<p style="text-indent:2em">一、主要举措和成效</p>
<p>全年共调解(tiáo jiě)矛盾纠纷46宗，其中劳动争议35宗、合同纠纷4宗、其他7宗，协议涉及金额1140余万元。</p>
<p>开展普法（pǔ fǎ）活动20余次，惠及群众5万人次&nbsp;。</p>
</div>
<div class="share">扫一扫在手机打开当前页</div>
<div>分享到：微信 微博 QQ空间</div>
<div>【打印本页】【关闭窗口】</div>
<footer>版权所有：兴隆镇人民政府 渝ICP备12345678号</footer>
</body></html>`;

describe('format detection', () => {
  it('tells formats by content, not by name', async () => {
    expect(detectFormat(await buildDocx([['正文']]))).toBe('docx');
    expect(detectFormat(buildPdf(['1']))).toBe('pdf');
    expect(detectFormat(utf8('  <html><body>正文</body></html>'))).toBe('html');
    expect(detectFormat(utf8('一、主要举措和成效'))).toBe('text');
  });

  it('refuses an old binary Word file with a Chinese explanation', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readReport(doc)).rejects.toThrow(/另存为 \.docx/);
  });

  it('reports an empty file as having no text', async () => {
    const error = await readReport(utf8('  \n ')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportReadError);
    expect((error as ReportReadError).code).toBe('no_text');
  });
});

describe('text files', () => {
  it('decodes GB18030 files as well as UTF-8', async () => {
    // "调解30起" in GBK
    const gbk = new Uint8Array([0xb5, 0xf7, 0xbd, 0xe2, 0x33, 0x30, 0xc6, 0xf0]);
    expect((await readReport(gbk)).paragraphs).toEqual(['调解30起']);
  });

  it('joins a paragraph broken in the middle of a sentence', () => {
    const lines = ['明确了以镇党委书记任组长，党委副书记任副组长，各站所负责人为成员的法治建设工作领导小组，形成以镇', '', '党委书记为首的工作局面。', '二、主要举措和成效', '正文。'];
    expect(joinBrokenLines(lines, false)).toEqual([
      '明确了以镇党委书记任组长，党委副书记任副组长，各站所负责人为成员的法治建设工作领导小组，形成以镇党委书记为首的工作局面。',
      '二、主要举措和成效',
      '正文。',
    ]);
  });

  it('joins a PDF line broken inside a decimal: "合格率9" + "4.4%。" is no heading "4."', () => {
    const lines = ['11月组织乡村干部参加全县学法考试，参考36人，合格35人，合格率9', '4.4%。', '2. 继续落实森林防火“五个一律”。'];
    expect(joinBrokenLines(lines, true)).toEqual(['11月组织乡村干部参加全县学法考试，参考36人，合格35人，合格率94.4%。', '2. 继续落实森林防火“五个一律”。']);
  });

  it('runs a PDF line that fills the page to its last character on past a full stop, but never into a heading', () => {
    const lines = ['全年受理环境信访投诉418件，较2024年的465件下降10.1%。', '从来源看，12345热线转办263件，12369环保举', '报热线97件。', '（二）依法审批服务发展'];
    expect(joinBrokenLines(lines, true)).toEqual(['全年受理环境信访投诉418件，较2024年的465件下降10.1%。从来源看，12345热线转办263件，12369环保举报热线97件。', '（二）依法审批服务发展']);
    // a shorter line that ends a sentence ends its paragraph
    expect(joinBrokenLines(['全年受理投诉418件，较上年下降10.1%。', '从来源看，12345热线转办263件，12369环保举', '报热线97件。'], true)).toHaveLength(2);
  });

  it('drops page furniture and metadata lines of a saved web page', () => {
    const lines = ['首页', '>> 政务公开 >> 法治政府工作报告', '  • 信息索引号:', '', '    1133070373602550XG/2021-45834', '江东镇2020年度法治政府建设工作报告', '发布时间: 2021-02-05 17:44 信息来源: 党政办 访问次数: 字体:[ ]', '扫一扫手机查看当前页面', '正文**加粗**。'];
    expect(cleanLines(lines).filter((l) => l !== '')).toEqual(['江东镇2020年度法治政府建设工作报告', '正文加粗。']);
  });
});

describe('HTML pages', () => {
  it('keeps paragraphs and removes scripts, menus, pinyin and furniture', async () => {
    const report = await readReport(utf8(NOISY_PAGE));
    expect(report.format).toBe('html');
    expect(report.paragraphs).toEqual([
      '一、主要举措和成效',
      '全年共调解矛盾纠纷46宗，其中劳动争议35宗、合同纠纷4宗、其他7宗，协议涉及金额1140余万元。',
      '开展普法活动20余次，惠及群众5万人次 。',
    ]);
  });
});

describe('DOCX', () => {
  it('reads paragraphs whose numbers are split across runs', async () => {
    const docx = await buildDocx([['一、主要举措和成效'], ['收到调解申请', '582', '宗，成功调处553宗，', '调解成功率95%。'], ['A&B <测试>']]);
    const report = await readReport(docx);
    expect(report).toEqual({
      format: 'docx',
      paragraphs: ['一、主要举措和成效', '收到调解申请582宗，成功调处553宗，调解成功率95%。', 'A&B <测试>'],
    });
  });

  it('reports a zip without a Word body as unsupported', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip().file('hello.txt', 'hi');
    await expect(readReport(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/不是 \.docx 文档/);
  });
});

describe('PDF', () => {
  it('reads the text layer and joins lines that run full', async () => {
    const pdf = buildPdf(['一、主要举措和成效', '录入案件516宗，其中行政处罚案件18宗、行政', '检查案件498宗。调解成功率95%。', '— 1 —']);
    const report = await readReport(pdf);
    expect(report.format).toBe('pdf');
    expect(report.paragraphs).toEqual(['一、主要举措和成效', '录入案件516宗，其中行政处罚案件18宗、行政检查案件498宗。调解成功率95%。']);
  });

  it('reports a broken PDF as corrupt', async () => {
    await expect(readReport(utf8('%PDF-1.4\nnot really'))).rejects.toMatchObject({ code: 'corrupt_file' });
  });
});
