import { z } from 'zod';
import type { ScoreLine, SheetItem, SupervisionSheet } from '../../../common/supervision.types.ts';

/**
 * the 案卷评查 scoring sheet: versioned data, never code. Each item has its points; a reviewer deducts from them with
 * a reason; an item marked veto (主体不合法 …) makes the file 不合格 whatever the total; the grade follows the
 * sheet's thresholds. Provinces publish their own 评查标准: a county enters its province's as a new version.
 */

export const sheetItem = z.object({
  code: z.string().trim().regex(/^[A-Z][0-9]{1,2}$/, '须为一个大写字母加数字，如 E1'),
  category: z.string().trim().min(1, '不能为空').max(10, '不能超过10个字'),
  label: z.string().trim().min(2, '不能少于2个字').max(120, '不能超过120个字'),
  points: z.number().int('须为整数').min(1, '须大于0').max(100, '不能超过100'),
  veto: z.boolean().optional(),
});

export const sheetInput = z.object({
  title: z.string().trim().min(2, '不能少于2个字').max(80, '不能超过80个字'),
  items: z.array(sheetItem).min(1, '至少一项').max(60, '不能超过60项'),
  thresholds: z.object({ excellent: z.number().min(1).max(1000), pass: z.number().min(1).max(1000) }),
});
export type SheetInput = z.infer<typeof sheetInput>;
export const SHEET_LABELS = { title: '评查标准名称', items: '评查项目', code: '项目编号', category: '类别', label: '评查内容', points: '分值', veto: '否决项', thresholds: '等次分数线', excellent: '优秀分数线', pass: '合格分数线' };

/** why a sheet cannot be used, as field errors, or none: unique codes, thresholds inside the total and in order */
export function sheetProblems(s: SheetInput): Array<{ path: string; label: string; message: string }> {
  const out: Array<{ path: string; label: string; message: string }> = [];
  const total = s.items.reduce((n, i) => n + i.points, 0);
  const seen = new Set<string>();
  s.items.forEach((i, n) => {
    if (seen.has(i.code)) out.push({ path: `items.${n}.code`, label: '项目编号', message: `项目编号：${i.code}重复` });
    seen.add(i.code);
  });
  if (s.thresholds.pass >= s.thresholds.excellent) out.push({ path: 'thresholds.pass', label: '合格分数线', message: '合格分数线：须低于优秀分数线' });
  if (s.thresholds.excellent > total) out.push({ path: 'thresholds.excellent', label: '优秀分数线', message: `优秀分数线：不能高于总分${total}` });
  return out;
}

export const sheetTotal = (items: readonly SheetItem[]): number => items.reduce((n, i) => n + i.points, 0);

export const scoreInput = z.object({
  lines: z.array(z.object({ code: z.string().max(4), deduct: z.number().min(0, '不能为负数').max(100), note: z.string().trim().max(300, '不能超过300个字').optional() })).max(60),
  vetoes: z.array(z.string().max(4)).max(60).default([]),
  comment: z.string().trim().max(1000, '不能超过1000个字').optional(),
});
export type ScoreInput = z.infer<typeof scoreInput>;
export const SCORE_LABELS = { lines: '扣分', code: '项目编号', deduct: '扣分', note: '扣分理由', vetoes: '否决项', comment: '评查意见' };

export type Grade = '优秀' | '合格' | '不合格';

/** the grade a total earns on a sheet: a veto finding is 不合格 whatever the points */
export function gradeOf(sheet: Pick<SupervisionSheet, 'thresholds'>, total: number, vetoed: boolean): Grade {
  if (vetoed) return '不合格';
  if (total >= sheet.thresholds.excellent) return '优秀';
  return total >= sheet.thresholds.pass ? '合格' : '不合格';
}

/**
 * checks a reviewer's score against the sheet and totals it: every code on the sheet, a deduction in half points
 * no larger than the item's points, a reason for every deduction, vetoes only on veto items
 */
export function scoreCase(sheet: Pick<SupervisionSheet, 'items' | 'thresholds'>, input: ScoreInput): { lines: ScoreLine[]; vetoes: string[]; total: number; grade: Grade; errors: Array<{ path: string; label: string; message: string }> } {
  const byCode = new Map(sheet.items.map((i) => [i.code, i]));
  const errors: Array<{ path: string; label: string; message: string }> = [];
  const seen = new Set<string>();
  const lines: ScoreLine[] = [];
  input.lines.forEach((l, n) => {
    const item = byCode.get(l.code);
    if (!item) return errors.push({ path: `lines.${n}.code`, label: '项目编号', message: `项目编号：评查标准中没有${l.code}` });
    if (seen.has(l.code)) return errors.push({ path: `lines.${n}.code`, label: '项目编号', message: `项目编号：${l.code}重复` });
    seen.add(l.code);
    if (Math.round(l.deduct * 2) !== l.deduct * 2) errors.push({ path: `lines.${n}.deduct`, label: '扣分', message: `扣分：${item.label}的扣分以0.5分为单位` });
    if (l.deduct > item.points) errors.push({ path: `lines.${n}.deduct`, label: '扣分', message: `扣分：${item.label}最多扣${item.points}分` });
    if (l.deduct > 0 && !l.note) errors.push({ path: `lines.${n}.note`, label: '扣分理由', message: `扣分理由：${item.label}扣分须写明理由` });
    if (l.deduct > 0) lines.push({ code: l.code, deduct: l.deduct, note: l.note ?? '' });
    return undefined;
  });
  const vetoes = [...new Set(input.vetoes)];
  for (const v of vetoes) if (!byCode.get(v)?.veto) errors.push({ path: 'vetoes', label: '否决项', message: `否决项：${v}不是评查标准中的否决项` });
  const total = sheetTotal(sheet.items) - lines.reduce((n, l) => n + l.deduct, 0);
  return { lines, vetoes, total, grade: gradeOf(sheet, total, vetoes.length > 0), errors };
}

/**
 * the sheet a new instance starts with, modelled on provinces' 行政执法案卷评查标准 (实体、程序、文书、归档, 100 points,
 * 90 优秀, 70 合格); a county replaces it with its province's own as a new version
 */
export const DEFAULT_SHEET: SheetInput = {
  title: '行政处罚案卷评查标准（通用）',
  items: [
    { code: 'E1', category: '实体', label: '执法主体合法，承办人员具备行政执法资格，未超越职权', points: 10, veto: true },
    { code: 'E2', category: '实体', label: '违法事实清楚，证据确凿充分，证据之间能够相互印证', points: 15 },
    { code: 'E3', category: '实体', label: '适用法律、法规、规章正确，引用条款具体到条、款、项', points: 10 },
    { code: 'E4', category: '实体', label: '处罚种类和幅度适当，符合裁量基准，偏离基准的说明理由', points: 5 },
    { code: 'P1', category: '程序', label: '立案、调查取证程序合法，执法人员不少于两人并出示执法证件', points: 10 },
    { code: 'P2', category: '程序', label: '依法告知陈述、申辩（听证）权利，听取并复核当事人意见', points: 10 },
    { code: 'P3', category: '程序', label: '重大执法决定经法制审核和集体讨论', points: 5 },
    { code: 'P4', category: '程序', label: '在法定期限内办结，文书依法送达', points: 5 },
    { code: 'D1', category: '文书', label: '执法文书齐全，使用规范文书格式', points: 8 },
    { code: 'D2', category: '文书', label: '文书内容完整、表述准确，文号、日期、签章规范', points: 7 },
    { code: 'D3', category: '文书', label: '决定书载明救济途径和期限', points: 5 },
    { code: 'A1', category: '归档', label: '一案一卷，卷内目录清楚，材料排列有序', points: 5 },
    { code: 'A2', category: '归档', label: '结案后按期立卷归档，材料齐全', points: 5 },
  ],
  thresholds: { excellent: 90, pass: 70 },
};
