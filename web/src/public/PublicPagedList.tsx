import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Pagination, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { LoadFailed } from '../platform/LoadFailed.tsx';

export const PUBLIC_PAGE = 20;

/**
 * a public list's body: load failure, loading, empty, then "共N件" and one page of items with the pager. The page
 * number is the caller's, so that changing a filter can send the reader back to page 1.
 */
export function PublicPagedList<T extends { id: number }>(props: {
  query: UseQueryResult<unknown>;
  items: T[];
  empty: string;
  /** the count line, e.g. 共12件。 */
  summary: ReactNode;
  summaryClass: string;
  testId: string;
  page: number;
  onPage: (page: number) => void;
  renderItem: (item: T) => ReactNode;
}) {
  const { query, items, page } = props;
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isLoading) return <Skeleton active />;
  if (items.length === 0) return <Empty description={props.empty} />;
  return (
    <>
      <p className={props.summaryClass} style={{ margin: '4px 0' }}>
        {props.summary}
      </p>
      <div data-testid={props.testId}>{items.slice((page - 1) * PUBLIC_PAGE, page * PUBLIC_PAGE).map(props.renderItem)}</div>
      {items.length > PUBLIC_PAGE ? (
        <Pagination style={{ marginTop: 16, textAlign: 'center' }} current={page} pageSize={PUBLIC_PAGE} total={items.length} showSizeChanger={false} onChange={props.onPage} size="small" />
      ) : null}
    </>
  );
}
