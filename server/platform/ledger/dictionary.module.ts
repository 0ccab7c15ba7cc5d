import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { audit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { isCleanText } from '../http/validate.ts';
import { defineModule } from '../module.ts';
import { getSetting, setSetting } from '../settings.ts';
import { loadFieldOptions } from './field-options.ts';
import { ledgerDb } from './ledger.query.ts';
import type { FieldDef, LedgerDef } from './ledger.types.ts';

const tags = ['数据字典'];
const SETTING_KEY = /^[a-z][a-z0-9_.]*$/;

export interface DictionaryEntry {
  ledger: string;
  ledgerLabel: string;
  field: string;
  label: string;
  /** the values the declaration gives (the statute's, or the national standard's): not editable here */
  declared: string[];
  /** declared values no longer offered for new records */
  retired: string[];
  /** the setting holding the values this instance adds; null: the list is fixed */
  setting: string | null;
  added: Array<{ value: string; records: number | null }>;
}

/** the option lists of every ledger the user may manage, with the local values and how many records use each */
async function listDictionaries(ctx: Ctx, ledgers: readonly LedgerDef[]): Promise<{ items: DictionaryEntry[] }> {
  const items: DictionaryEntry[] = [];
  for (const l of ledgers) {
    await loadFieldOptions(ctx.tx as unknown as Kysely<Database>, l);
    for (const f of l.fields) {
      if ((f.type !== 'dict' && f.type !== 'dicts') || !f.options?.length) continue;
      const added = f.optionsSetting ? await addedValues(ctx, f.optionsSetting) : [];
      items.push({
        ledger: l.name,
        ledgerLabel: l.label,
        field: f.name,
        label: f.label,
        declared: [...f.options],
        retired: [...(f.retired?.options ?? [])],
        setting: f.optionsSetting ?? null,
        added: await Promise.all(added.map(async (value) => ({ value, records: f.type === 'dict' ? await usage(ctx, l, f, value) : null }))),
      });
    }
  }
  return { items };
}

async function addedValues(ctx: Ctx, key: string): Promise<string[]> {
  const v = await getSetting<unknown>(ctx.tx as unknown as Kysely<Database>, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** active records in the user's scope filed under the value (a value in use stays valid on them if it is removed) */
async function usage(ctx: Ctx, l: LedgerDef, f: FieldDef, value: string): Promise<number> {
  const row = await ledgerDb(ctx)
    .selectFrom(l.table)
    .select(sql<number>`count(*)::int`.as('n'))
    .where(f.name, '=', value)
    .where('status', '=', 'active')
    .where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : [''])
    .executeTakeFirst();
  return Number((row as { n?: number } | undefined)?.n ?? 0);
}

/** the local values of one setting: checked as a whole, saved and audited with what they were */
async function saveDictionary(ctx: Ctx, ledgers: readonly LedgerDef[], key: string, values: readonly string[]): Promise<{ items: DictionaryEntry[] }> {
  const fields = ledgers.flatMap((l) => l.fields.filter((f) => f.optionsSetting === key));
  if (!fields.length) throw notFound('数据字典');
  const declared = new Set(fields.flatMap((f) => f.options ?? []));
  const problems: Array<{ path: string; label: string; message: string }> = [];
  const seen = new Set<string>();
  values.forEach((raw, i) => {
    const v = raw.trim();
    const label = `第${i + 1}项`;
    const bad = (message: string): void => void problems.push({ path: `values.${i}`, label, message: `${label}：${message}` });
    if (!v) bad('不能为空');
    else if (v.length > 40) bad('不能超过40个字');
    else if (!isCleanText(v) || /[、,，\n]/.test(v)) bad('不能含顿号、逗号、换行或控制字符（多选时以顿号分隔）');
    else if (declared.has(v)) bad(`“${v}”已是规定的选项，无需增加`);
    else if (seen.has(v)) bad(`“${v}”重复`);
    seen.add(v);
  });
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('；'), problems);
  const before = await addedValues(ctx, key);
  const after = values.map((v) => v.trim());
  await setSetting(ctx.tx as unknown as Kysely<Database>, key, after);
  await audit(ctx, { entity: 'dictionary', entityId: key, action: 'update', orgCode: ctx.scope.root, diff: { [key]: { from: before, to: after } } });
  return listDictionaries(ctx, ledgers.filter((l) => l.fields.some((f) => f.optionsSetting === key)));
}

/**
 * 数据字典: the option lists of the ledgers, read by the county administrator; where a declaration lets a list be
 * local (FieldDef.optionsSetting, decision 0026) the administrator adds and removes the local values here
 */
export const dictionaryModule = defineModule({
  name: 'dictionaries',
  label: '数据字典',
  permissions: [{ code: 'dictionary.manage', label: '维护数据字典（允许本地增加的选项）', roles: ['county_admin'] }],
  nav: [{ path: '/admin/dictionaries', label: '数据字典', permission: 'dictionary.manage', group: '业务设置', icon: 'tags', order: 898 }],
  routes: (api, platform) => {
    api.route({ method: 'GET', url: '/api/dictionaries', access: 'dictionary.manage', summary: '数据字典：各台账的选项，及本地增加的选项与使用数', tags, handler: (ctx) => listDictionaries(ctx, platform.ledgers.all()) });
    api.route({
      method: 'PUT',
      url: '/api/dictionaries/:setting',
      access: 'dictionary.manage',
      write: true,
      summary: '保存本地增加的选项（整张列表；规定的选项不在此修改；已用的选项删除后，原记录仍保留该值）',
      tags,
      params: z.object({ setting: z.string().max(80, '不能超过80个字').regex(SETTING_KEY, '数据字典名称有误') }),
      body: z.object({ values: z.array(z.string().max(200, '不能超过200个字')).max(200, '本地选项最多200项') }),
      labels: { setting: '数据字典', values: '本地选项' },
      handler: (ctx, { params, body }) => saveDictionary(ctx, platform.ledgers.all(), params.setting, body.values),
    });
  },
});
