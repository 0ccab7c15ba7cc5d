import { NumberOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Form, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { ledgerKeys, useLedgerList, useTimeline } from '../../platform/ledger/ledger-api.ts';
import type { Timeline } from '../../platform/ledger/ledger-types.ts';
import type { RecordPanelProps } from '../../platform/module.ts';
import { useApiForm } from '../../platform/use-api-form.ts';
import { chinaToday, CLEANUP_COLORS, daysBetween, EFFECT_COLORS, type CleanupResult } from './decisions-api.ts';

const L = 'normdocs.document';

/** 规范性文件 detail: 文号 and validity, the filing deadline and whether it was met, publication with a number, cleanups */
export function NormdocPanel({ record }: RecordPanelProps) {
  const v = record.values;
  const today = chinaToday();
  const validUntil = (v['valid_until'] as string | null) ?? null;
  const due = (v['filing_due_on'] as string | null) ?? null;
  const filedOn = (v['filed_on'] as string | null) ?? null;
  const effect = (v['effect'] as string | null) ?? null;
  const inForce = effect === '现行有效' || effect === '已修改';
  const left = validUntil ? daysBetween(today, validUntil) : null;
  return (
    <>
      {record.state === 'deliberated' ? <PublishCard id={record.id} /> : null}
      <Card size="small" title="文号、有效期与备案" style={{ marginBottom: 16 }} data-testid="normdoc-filing">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'no', label: '文号', children: v['doc_no'] ? String(v['doc_no']) : <Typography.Text type="secondary">公布时编号</Typography.Text> },
            { key: 'pub', label: '公布日期', children: formatDate(v['publish_on'] as string | null) },
            {
              key: 'valid',
              label: '有效期至',
              children: validUntil ? (
                <>
                  {formatDate(validUntil)}{' '}
                  {inForce && left !== null ? left < 0 ? <Tag color="default">已届满</Tag> : left <= 90 ? <Tag color="warning">剩 {left} 天</Tag> : <Tag color="success">剩 {left} 天</Tag> : null}
                </>
              ) : (
                '—'
              ),
            },
            { key: 'effect', label: '效力状态', children: effect ? <Tag color={EFFECT_COLORS[effect] ?? 'default'}>{effect}</Tag> : '未公布' },
            { key: 'due', label: '备案期限', children: due ? formatDate(due) : <Typography.Text type="secondary">公布后自动计算</Typography.Text> },
            { key: 'filed', label: '报备情况', children: <FilingState due={due} filedOn={filedOn} today={today} /> },
          ]}
        />
        {inForce && left !== null && left >= 0 && left <= 90 ? (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} message={`有效期将于${left}日后届满`} description="需要继续执行的，应在届满前评估并按程序重新制发；不再执行的，届满后自动失效。" />
        ) : null}
      </Card>
      <CleanupHistory id={record.id} />
    </>
  );
}

function FilingState({ due, filedOn, today }: { due: string | null; filedOn: string | null; today: string }) {
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  if (filedOn) {
    const late = daysBetween(due, filedOn);
    return (
      <>
        {formatDate(filedOn)}报备 {late > 0 ? <Tag color="error">逾期 {late} 天</Tag> : <Tag color="success">按时报备</Tag>}
      </>
    );
  }
  const left = daysBetween(today, due);
  return left < 0 ? <Tag color="error">未报备，已逾期 {-left} 天</Tag> : <Tag color={left <= 5 ? 'warning' : 'processing'}>未报备，剩 {left} 天</Tag>;
}

interface PublishValues {
  publish_on: string;
  valid_until: string;
}

const dateProps = {
  getValueProps: (x: unknown) => ({ value: typeof x === 'string' && x ? dayjs(x) : null }),
  normalize: (d: unknown) => (d && dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null),
};

function PublishCard({ id }: { id: number }) {
  const queryClient = useQueryClient();
  const timeline = useTimeline(L, id, true);
  const publish = timeline.data?.transitions.find((t) => t.name === 'publish');
  const year = Number(chinaToday().slice(0, 4));
  const preview = useQuery({ queryKey: ['decisions', 'next-number', id, year], queryFn: ({ signal }) => api.get<{ docNo: string }>(`/api/normdocs/${id}/next-number`, { year }, signal) });
  const { form, submitting, onFinish } = useApiForm<PublishValues>({
    submit: (values) => api.post<Timeline>(`/api/normdocs/${id}/publish`, { ...values, date: values.publish_on > chinaToday() ? chinaToday() : values.publish_on, ...(timeline.data ? { version: timeline.data.version } : {}) }),
    successMessage: '已公布，文号已编定，备案期限开始计算',
    onSuccess: async (next) => {
      queryClient.setQueryData(ledgerKeys.timeline(L, id), next);
      await queryClient.invalidateQueries({ queryKey: ['ledgers', L] });
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
  if (publish && !publish.permitted) return null;
  return (
    <Card size="small" title={<><NumberOutlined /> 公布并编文号</>} style={{ marginBottom: 16 }} data-testid="normdoc-publish">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        文号由系统按本单位本年度顺序自动编排（格式见编号规则），不能手工填写{preview.data ? `，本次预计为“${preview.data.docNo}”（以公布时实际编号为准）` : ''}。公布后自公布之日起计算报备期限。
      </Typography.Paragraph>
      {preview.isError ? <Alert type="warning" showIcon message={errorText(preview.error)} style={{ marginBottom: 8 }} /> : null}
      <Form<PublishValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ publish_on: chinaToday(), valid_until: dayjs(chinaToday()).add(5, 'year').subtract(1, 'day').format('YYYY-MM-DD') }}>
        <Form.Item name="publish_on" label="公布日期" rules={[{ required: true, message: '请选择公布日期' }]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="valid_until" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]} extra="规范性文件有效期一般不超过5年" {...dateProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} block style={{ marginTop: 12 }}>
          公布并编号
        </Button>
      </Form>
    </Card>
  );
}

function CleanupHistory({ id }: { id: number }) {
  const list = useLedgerList('normdocs.cleanup', `f.document=${id}&pageSize=20`);
  const items = list.data?.items ?? [];
  return (
    <Card size="small" title="清理记录" style={{ marginBottom: 16 }} data-testid="normdoc-cleanups" extra={<Link to="/decisions/cleanup">规范性文件清理</Link>}>
      {list.isError ? <Alert type="warning" showIcon message={errorText(list.error)} /> : null}
      {items.length === 0 && !list.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未参加清理" />
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={items}
          renderItem={(c) => {
            const result = c.values['result'] as CleanupResult;
            return (
              <List.Item style={{ paddingInline: 0, display: 'block' }}>
                <Typography.Text strong>{String(c.values['campaign'] ?? `${String(c.values['campaign_year'])}年度清理`)}</Typography.Text> <Tag color={CLEANUP_COLORS[result] ?? 'default'}>{result}</Tag>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {formatDate(c.values['reviewed_on'] as string | null)} · {String(c.values['reason'] ?? '')}
                  </Typography.Text>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
