import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Select, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { ReportWorkspace } from './ReportWorkspace.tsx';

/** 年度报告: pick a year and a unit, the report opens (a draft is created on first open) */
export function AnnualReportPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const org = params.get('org') ?? me?.currentOrg?.code ?? '';
  const opened = useQuery({
    queryKey: ['reports', 'open', year, org],
    queryFn: () => api.post<{ id: number }>('/api/reports/annual/open', { year, ...(org ? { org } : {}) }),
    enabled: !!me,
    staleTime: Infinity,
  });
  const set = (k: string, v: string): void => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="法治政府建设年度报告"
        description="文中蓝色数字取自台账实时数据，点击可查看对应记录；提交前请处理检查结果中的错误。"
        extra={
          <Flex gap={8} wrap>
            <DatePicker picker="year" aria-label="报告年度" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && set('year', String(d.year()))} format="YYYY年" disabledDate={(d) => d.year() > dayjs().year()} />
            <Select
              aria-label="报告单位"
              style={{ minWidth: 160 }}
              value={org || null}
              onChange={(v: string) => set('org', v)}
              options={(me?.orgs ?? []).map((o) => ({ value: o.code, label: o.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
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
