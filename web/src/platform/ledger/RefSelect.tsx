import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useDeferredValue, useState } from 'react';
import { searchRefOptions } from './ledger-api.ts';

type RefSelectProps = Omit<SelectProps<number | number[]>, 'options' | 'filterOption' | 'onSearch' | 'showSearch' | 'value'> & {
  /** undefined (not null) means "nothing chosen", so the placeholder shows */
  value?: number | number[] | undefined;
  ledger: string;
  /** titles of the values already chosen, so they show before any search (record.refs) */
  known?: Array<{ value: number; label: string }>;
};

/** picks records of another ledger by searching their titles */
export function RefSelect({ ledger, known = [], value, ...rest }: RefSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const found = useQuery({ queryKey: ['ledgers', ledger, 'ref-options', q], queryFn: ({ signal }) => searchRefOptions(ledger, q, signal), staleTime: 60_000 });
  const options = [...known.filter((k) => !(found.data ?? []).some((o) => o.value === k.value)), ...(found.data ?? [])];
  return (
    <Select<number | number[]>
      {...rest}
      // antd reads undefined as "no value"; exactOptionalPropertyTypes does not let it through the prop type
      value={value as number | number[]}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? '查询中…' : '无匹配记录'}
      allowClear
    />
  );
}
