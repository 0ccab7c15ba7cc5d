import { DownOutlined, FilterOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { activeFilterCount, listParam, withParams } from '../../platform/ledger/ledger-query.ts';
import type { LedgerField } from '../../platform/ledger/ledger-types.ts';
import { RefSelect } from '../../platform/ledger/RefSelect.tsx';
import { orgTreeOptions } from '../../platform/org-tree.ts';
import type { OrgRef } from '../../platform/session.ts';
import { useIsMobile } from '../../platform/use-is-mobile.ts';

interface Props {
  fields: LedgerField[];
  /** the workflow's states: a 办理状态 filter when the ledger has a workflow */
  states?: Array<{ value: string; label: string }> | null;
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
  orgs: OrgRef[];
  refTitles: Record<string, string>;
}

const STATUS_OPTIONS = [
  { value: 'active', label: '有效' },
  { value: 'withdrawn', label: '已撤销' },
  { value: 'all', label: '全部' },
];

/** how many field filters a wide screen shows before 更多筛选 */
const FIRST_FILTERS = 4;

/** the filter bar of a ledger list, generated from the fields marked filter; every control writes the URL query */
export function LedgerFilters({ fields, states, params, onChange, orgs, refTitles }: Props) {
  const treeData = useMemo(() => orgTreeOptions(orgs), [orgs]);
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  const set = (changes: Record<string, string | string[] | null>): void => onChange(withParams(params, changes));
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const width = { width: mobile ? '100%' : 200 };
  const count = activeFilterCount(params) - (params.get('q') ? 1 : 0);
  // on a wide screen the first few filters show; the rest fold under 更多筛选 (unfolded while one of them is set)
  const shown = fields.filter((f) => f.type !== 'int' && f.type !== 'decimal');
  const hidden = shown.slice(FIRST_FILTERS);
  const hiddenSet = hidden.filter((f) => [...params.keys()].some((k) => k === `f.${f.name}` || k.startsWith(`f.${f.name}.`))).length;
  const [more, setMore] = useState(false);
  const unfolded = mobile || more || hiddenSet > 0;
  const visible = unfolded ? shown : shown.slice(0, FIRST_FILTERS);
  return (
    <Flex wrap gap={8} vertical={mobile && open} style={{ marginBottom: 16 }} data-testid="ledger-filters" className={mobile ? 'fz-ledger-filters-mobile' : undefined}>
      <Input.Search
        aria-label="全文检索"
        placeholder="全文检索：多个词用空格分隔"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() })}
        enterButton={<SearchOutlined />}
        style={{ width: mobile ? 'calc(100% - 96px)' : 280 }}
      />
      {mobile ? (
        <Button icon={<FilterOutlined />} onClick={() => setOpen(!open)} style={{ width: 88 }}>
          {count ? `筛选 ${count}` : '筛选'}
        </Button>
      ) : null}
      {mobile && !open ? null : (
        <>
      {orgs.length > 1 ? (
        <TreeSelect
          aria-label="单位"
          style={width}
          placeholder="单位"
          allowClear
          treeData={treeData}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          value={params.get('org') ?? undefined}
          onChange={(v: string | undefined) => set({ org: v ?? null })}
        />
      ) : null}
      {states ? (
        <Select aria-label="办理状态" mode="multiple" allowClear maxTagCount="responsive" placeholder="办理状态" style={width} options={states} value={listParam(params, 'state')} onChange={(v: string[]) => set({ state: v })} />
      ) : null}
      {visible.map((f) => (
        <FieldFilter key={f.name} field={f} params={params} set={set} refTitle={refTitles[f.name]} />
      ))}
      <Select aria-label="状态" style={{ width: mobile ? '100%' : 110 }} options={STATUS_OPTIONS} value={params.get('status') ?? 'active'} onChange={(v: string) => set({ status: v === 'active' ? null : v })} />
      <Button onClick={() => onChange(new URLSearchParams(params.get('status') ? { status: params.get('status') ?? '' } : {}))}>重置</Button>
      {!mobile && hidden.length ? (
        <Button type="link" icon={unfolded ? <UpOutlined /> : <DownOutlined />} iconPlacement="end" disabled={hiddenSet > 0} onClick={() => setMore(!more)} data-testid="more-filters">
          {unfolded ? '收起筛选' : `更多筛选（${hidden.length}）`}
        </Button>
      ) : null}
        </>
      )}
    </Flex>
  );
}

function FieldFilter({ field: f, params, set, refTitle }: { field: LedgerField; params: URLSearchParams; set: (c: Record<string, string | string[] | null>) => void; refTitle: string | undefined }) {
  const key = `f.${f.name}`;
  const mobile = useIsMobile();
  const width = { width: mobile ? '100%' : 200 };
  switch (f.type) {
    case 'dict':
    case 'dicts':
      return (
        <Select
          aria-label={f.label}
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={f.label}
          style={width}
          options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
          value={listParam(params, key)}
          onChange={(v: string[]) => set({ [key]: v })}
        />
      );
    case 'date': {
      const from = params.get(`${key}.from`);
      const to = params.get(`${key}.to`);
      return (
        <DatePicker.RangePicker
          aria-label={f.label}
          style={{ width: mobile ? '100%' : 260 }}
          placeholder={[`${f.label}起`, '止']}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) => set({ [`${key}.from`]: range?.[0]?.format('YYYY-MM-DD') ?? null, [`${key}.to`]: range?.[1]?.format('YYYY-MM-DD') ?? null })}
        />
      );
    }
    case 'bool':
      return (
        <Select
          aria-label={f.label}
          allowClear
          placeholder={f.label}
          style={width}
          options={[
            { value: 'true', label: `${f.label}：是` },
            { value: 'false', label: `${f.label}：否` },
          ]}
          value={params.get(key) ?? undefined}
          onChange={(v: string | undefined) => set({ [key]: v ?? null })}
        />
      );
    case 'ref': {
      const v = params.get(key);
      return f.ref ? (
        <RefSelect
          aria-label={f.label}
          ledger={f.ref}
          placeholder={f.label}
          style={width}
          value={v ? Number(v) : undefined}
          known={v && refTitle ? [{ value: Number(v), label: refTitle }] : []}
          onChange={(id) => set({ [key]: id === undefined || id === null ? null : String(id) })}
        />
      ) : null;
    }
    case 'int':
    case 'decimal':
      return null;
    default:
      return <TextFilter label={f.label} value={params.get(key) ?? ''} onChange={(v) => set({ [key]: v })} />;
  }
}

function TextFilter({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const mobile = useIsMobile();
  return <Input aria-label={label} placeholder={label} allowClear style={{ width: mobile ? '100%' : 160 }} value={text} onChange={(e) => setText(e.target.value)} onPressEnter={() => onChange(text.trim())} onBlur={() => text.trim() !== value && onChange(text.trim())} />;
}
