import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useMe } from './session.ts';

export interface YearOrgPickerProps {
  year: number;
  /** the unit's code; '' while none is chosen */
  org: string;
  /** called with 'year' or 'org' and the new value, e.g. the setter of useSearchParam */
  onChange: (key: 'year' | 'org', value: string) => void;
  orgMinWidth: number;
}

/** a report's year (no future years) and unit (one of the user's), side by side in a page header */
export function YearOrgPicker({ year, org, onChange, orgMinWidth }: YearOrgPickerProps) {
  const { data: me } = useMe();
  return (
    <>
      <DatePicker picker="year" aria-label="报告年度" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && onChange('year', String(d.year()))} format="YYYY年" disabledDate={(d) => d.year() > dayjs().year()} />
      <Select
        aria-label="报告单位"
        style={{ minWidth: orgMinWidth }}
        value={org || null}
        onChange={(v: string) => onChange('org', v)}
        options={(me?.orgs ?? []).map((o) => ({ value: o.code, label: o.name }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
    </>
  );
}
