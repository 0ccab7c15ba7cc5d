import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Result, Skeleton } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { useSearchParam } from '../../platform/use-search-param.ts';
import { YearOrgPicker } from '../../platform/YearOrgPicker.tsx';

/** what the server finds for a unit and year: the report, or what a new one would be called */
type Lookup = { exists: true; id: number; status: string } | { exists: false; orgCode: string; orgName: string; year: number; title: string; canCreate: boolean };

/**
 * a yearly report's page: pick a year and a unit; the report opens if it exists, and the create button drafts it
 * (looking never creates one). `endpoint` answers GET with the lookup and POST with the new draft
 */
export function ReportLookup(props: {
  title: string;
  description: string;
  endpoint: string;
  /** the report's name in messages: 年度报告, 统计年报 */
  noun: string;
  /** the title of a report not yet created, after the unit's name and the year */
  missing: string;
  /** what creating drafts, for the one who may create it */
  createHint: (title: string) => string;
  testId: string;
  workspace: (id: number) => ReactNode;
}) {
  const { data: me } = useMe();
  const [params, set] = useSearchParam();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const org = params.get('org') ?? me?.currentOrg?.code ?? '';
  const key = ['reports', 'lookup', props.endpoint, year, org];
  const found = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Lookup>(props.endpoint, { year, ...(org ? { org } : {}) }, signal), enabled: !!me });
  const create = useMutation({
    mutationFn: () => api.post<{ id: number; created: boolean }>(props.endpoint, { year, ...(org ? { org } : {}) }),
    onSuccess: async (r) => {
      if (r.created) void message.success(`已新建${props.noun}草稿`);
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const data = found.data;
  return (
    <>
      <PageHeader
        title={props.title}
        description={props.description}
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
        props.workspace(data.id)
      ) : (
        <Card data-testid={props.testId}>
          <Result
            status="info"
            title={`${data.orgName}${data.year}${props.missing}`}
            subTitle={data.canCreate ? props.createHint(data.title) : `${props.noun}由本单位填报员或负责人新建，新建后可在此查看。`}
            extra={
              data.canCreate ? (
                <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
                  新建{props.noun}
                </Button>
              ) : undefined
            }
          />
        </Card>
      )}
    </>
  );
}
