import JSZip from 'jszip';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { listAttachments, readAttachment } from '../../platform/files/attachment.service.ts';
import { activeInScope } from '../../platform/ledger/ledger.query.ts';
import { getRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import type { Block } from '../../platform/reports/blocks.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { lastSpeakerWarning, missingProcedures, PROCEDURES } from './decisions.rules.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

const str = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** 档案化管理 (713 art. 40): the whole file of one decision as one ZIP: a DOCX summary, the comments and every attachment */
export async function decisionArchive(ctx: Ctx, platform: Platform, id: number): Promise<{ name: string; bytes: Buffer }> {
  const l = platform.ledgers.get('decisions.decision');
  const cl = platform.ledgers.get('decisions.comment');
  if (!l || !cl) throw new Error('decisions ledgers are not registered');
  const rec = await getRecord(ctx, l, id, platform.ledgers);
  const v = rec.values;
  const comments = (await activeInScope(ctx, cl).selectAll().where('decision', '=', id).orderBy('submitted_on').orderBy('id').execute()) as Array<Record<string, unknown>>;
  const attachments = await listAttachments(ctx, { entity: l.name, id });

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '一、基本情况' },
    { kind: 'table', header: [['项目', '内容']], rows: [['决策事项', str(v['title'])], ['承办单位', str(v['proposing_unit'])], ['事项类别', str(v['kind'])], ['启动日期', str(v['started_on'])], ['决定日期', str(v['decided_on'])], ['决定结果', str(v['decision_result'])], ['文号', str(v['doc_no'])], ['公布日期', str(v['published_on'])], ['归档日期', str(v['archived_on'])]], widths: [30, 70] },
    { kind: 'para', text: str(v['summary']), indent: true },
    { kind: 'heading', level: 1, text: '二、法定程序履行情况' },
    {
      kind: 'table',
      header: [['程序', '情况', '日期', '材料摘要或不适用理由']],
      rows: PROCEDURES.map((p) =>
        p.key === 'cd'
          ? [p.label, v['cd_date'] ? '已完成' : '未记录', str(v['cd_date']), `${str(v['cd_meeting'])}；参会人员：${str(v['participants'])}；发言顺序：${str(v['speaking_order'])}；${str(v['cd_evidence'])}`]
          : [p.label, p.key === 'lr' ? (v['lr_date'] ? '已完成' : '未记录') : str(v[`${p.key}_result`]), str(v[`${p.key}_date`]), v[`${p.key}_result`] === '依法不适用' ? str(v[`${p.key}_skip_reason`]) : str(v[`${p.key}_evidence`])],
      ),
      widths: [16, 14, 18, 52],
    },
    ...(v['comment_from'] ? [{ kind: 'para' as const, text: `公开征求意见期限：${str(v['comment_from'])}至${str(v['comment_to'])}${v['comment_short_reason'] ? `（期限缩短理由：${str(v['comment_short_reason'])}）` : ''}。`, indent: true }] : []),
    ...missingProcedures(v).map((m) => ({ kind: 'para' as const, text: `提示：${m.message}。`, indent: true })),
    ...[lastSpeakerWarning(v)].filter((w): w is string => w !== null).map((w) => ({ kind: 'para' as const, text: `提示：${w}。`, indent: true })),
    { kind: 'heading', level: 1, text: '三、公众意见及处理情况' },
    comments.length
      ? { kind: 'table', header: [['序号', '提出日期', '意见', '采纳情况', '处理说明']], rows: comments.map((c, i) => [String(i + 1), str(c['submitted_on']), str(c['content']), str(c['handling']), str(c['answer'])]), widths: [8, 16, 34, 12, 30] }
      : { kind: 'para', text: '未收到公众意见。', indent: true },
    { kind: 'heading', level: 1, text: '四、决策后评估' },
    { kind: 'para', text: v['evaluated_on'] ? `${str(v['evaluated_on'])}：${str(v['evaluation'])}` : '尚未开展决策后评估。', indent: true },
    { kind: 'heading', level: 1, text: '五、附件目录' },
    attachments.length ? { kind: 'table', header: [['序号', '材料类别', '文件名', '大小（字节）']], rows: attachments.map((a, i) => [String(i + 1), a.kind, a.name, String(a.size)]), widths: [10, 25, 45, 20] } : { kind: 'para', text: '无附件。', indent: true },
    { kind: 'signature', org: rec.orgName, date: chinaDate(ctx.now) },
  ];
  const title = `${str(v['title'])}决策档案`;
  const zip = new JSZip();
  zip.file(`${title}.docx`, await renderDocx({ title, blocks, ...(v['doc_no'] ? { docNumber: String(v['doc_no']) } : {}) }));
  zip.file('公众意见及处理情况.csv', `\uFEFF序号,提出日期,渠道,意见,采纳情况,处理说明,答复日期,是否公开\r\n${comments.map((c, i) => [i + 1, str(c['submitted_on']), str(c['channel']), str(c['content']), str(c['handling']), str(c['answer']), str(c['answered_on']), c['answer_published'] ? '是' : '否'].map(csv).join(',')).join('\r\n')}\r\n`);
  const names = new Set<string>();
  for (const a of attachments) {
    const { bytes } = await readAttachment(ctx, platform.blobs, { entity: l.name, id }, a.id);
    let name = `附件/${a.kind}-${a.name}`;
    for (let n = 2; names.has(name); n++) name = `附件/${a.kind}-${n}-${a.name}`;
    names.add(name);
    zip.file(name, bytes);
  }
  await audit(ctx, { entity: l.name, entityId: id, action: 'archive_download', orgCode: String(rec.orgCode), diff: { attachments: attachments.length, comments: comments.length } });
  return { name: `${title}.zip`, bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}

const csv = (v: unknown): string => `"${String(v).replace(/"/g, '""')}"`;
