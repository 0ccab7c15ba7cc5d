import { useQuery } from '@tanstack/react-query';
import { Flex, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { useSearchParam } from '../../platform/use-search-param.ts';
import { YearOrgPicker } from '../../platform/YearOrgPicker.tsx';
import { ReportWorkspace } from './ReportWorkspace.tsx';

/** 年度报告: pick a year and a unit, the report opens (a draft is created on first open) */
export function AnnualReportPage() {
  const { data: me } = useMe();
  const [params, set] = useSearchParam();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const org = params.get('org') ?? me?.currentOrg?.code ?? '';
  const opened = useQuery({
    queryKey: ['reports', 'open', year, org],
    queryFn: () => api.post<{ id: number }>('/api/reports/annual/open', { year, ...(org ? { org } : {}) }),
    enabled: !!me,
    staleTime: Infinity,
  });
  return (
    <>
      <PageHeader
        title="法治政府建设年度报告"
        description="文中蓝色数字取自台账实时数据，点击可查看对应记录；提交前请处理检查结果中的错误。"
        extra={
          <Flex gap={8} wrap>
            <YearOrgPicker year={year} org={org} onChange={set} orgMinWidth={160} />
          </Flex>
        }
      />
      {opened.isError ? <LoadFailed error={opened.error} onRetry={() => void opened.refetch()} /> : opened.data ? <ReportWorkspace key={opened.data.id} id={opened.data.id} /> : <Skeleton active paragraph={{ rows: 12 }} />}
    </>
  );
}

/** a report opened by its id, e.g. from 下级报送情况: read-only */
export function ReportViewPage() {
  const { id } = useParams();
  const n = Number(id);
  return (
    <>
      <PageHeader title="查看年度报告" description="下级单位报送的报告（只读）" />
      {Number.isInteger(n) && n > 0 ? <ReportWorkspace id={n} forceReadOnly /> : <LoadFailed error={new Error('报告编号有误')} />}
    </>
  );
}
