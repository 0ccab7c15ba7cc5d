import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Result, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { useSearchParam } from '../../platform/use-search-param.ts';
import { YearOrgPicker } from '../../platform/YearOrgPicker.tsx';
import { ReportWorkspace } from './ReportWorkspace.tsx';

/** what the server finds for a unit and year: the report, or what a new one would be called */
type ReportLookup = { exists: true; id: number; status: string } | { exists: false; orgCode: string; orgName: string; year: number; title: string; canCreate: boolean };

/** 年度报告: pick a year and a unit; the report opens if it exists, and 新建年度报告 drafts it (looking never creates one) */
export function AnnualReportPage() {
  const { data: me } = useMe();
  const [params, set] = useSearchParam();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const org = params.get('org') ?? me?.currentOrg?.code ?? '';
  const key = ['reports', 'lookup', year, org] as const;
  const found = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<ReportLookup>('/api/reports/annual', { year, ...(org ? { org } : {}) }, signal),
    enabled: !!me,
  });
  const create = useMutation({
    mutationFn: () => api.post<{ id: number; created: boolean }>('/api/reports/annual', { year, ...(org ? { org } : {}) }),
    onSuccess: async (r) => {
      if (r.created) void message.success('已新建年度报告草稿');
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const data = found.data;
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
      {found.isError ? (
        <LoadFailed error={found.error} onRetry={() => void found.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : data.exists ? (
        <ReportWorkspace key={data.id} id={data.id} />
      ) : (
        <Card data-testid="report-not-created">
          <Result
            status="info"
            title={`${data.orgName}${data.year}年度报告尚未新建`}
            subTitle={data.canCreate ? `新建后按报告模板生成草稿《${data.title}》，文中数字取自台账实时数据。` : '报告由本单位填报员或负责人新建，新建后可在此查看。'}
            extra={
              data.canCreate ? (
                <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
                  新建年度报告
                </Button>
              ) : undefined
            }
          />
        </Card>
      )}
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
