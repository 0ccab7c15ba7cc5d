import { Table, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useIsMobile } from './use-is-mobile.ts';

export type DataTableProps<T> = TableProps<T> & { rowKey: NonNullable<TableProps<T>['rowKey']> };

/** antd Table with the platform's defaults: scrolls sideways on a phone, Chinese totals, sensible paging */
export function DataTable<T extends object>({ pagination, scroll, size, columns, ...rest }: DataTableProps<T>) {
  const mobile = useIsMobile();
  // a fixed action column would cover half a phone screen; there it scrolls with the rest
  const shown = useMemo(() => (mobile && columns ? columns.map((c) => ({ ...c, fixed: false as const })) : columns), [mobile, columns]);
  return (
    <Table<T>
      {...(shown ? { columns: shown } : {})}
      size={size ?? 'middle'}
      scroll={{ x: 'max-content', ...scroll }}
      pagination={
        pagination === false
          ? false
          : { showSizeChanger: true, showTotal: (total) => `共 ${total} 条`, defaultPageSize: 20, pageSizeOptions: [10, 20, 50, 100], ...pagination }
      }
      {...rest}
    />
  );
}
