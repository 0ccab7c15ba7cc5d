import { ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Input, Popconfirm, Row, Segmented, Skeleton, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../platform/api.ts';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { chineseNumber } from './live-text.ts';
import type { IndicatorValue, ReportContent } from './report-api.ts';
import { ReportEditor } from './ReportEditor.tsx';
import './report.css';

interface TemplateResponse {
  content: ReportContent;
  defaultContent: ReportContent;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  indicators: Array<{ id: string; label: string; unit: string }>;
}

type Level = 'town' | 'county';
const LEVELS: Array<{ value: Level; label: string }> = [
  { value: 'town', label: '乡镇（街道）及县级部门' },
  { value: 'county', label: '县（市、区）' },
];
const keyOf = (level: Level) => ['reports', 'template', 'annual', level] as const;
const draftKeyOf = (level: Level): string => `fazhi.report-template.draft.${level}`;

const FILL_INS: Array<[string, string]> = [
  ['{org}', '本单位名称，如“城关镇人民政府”'],
  ['{parent}', '上级单位名称，如“演示县人民政府”'],
  ['{year}', '报告年度，如“2025”'],
  ['{next_year}', '下一年度，如“2026”'],
  ['[[…]]', '分句：其中的数据无记录时整句略去，不印“0件”“0%”'],
];

/**
 * 年度报告模板: the province's wording, sub-headings and live fields that every new draft starts from.
 * the live fields show last year's figures of the user's own unit as a sample.
 */
export function TemplatePage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [level, setLevel] = useState<Level>('town');
  const KEY = keyOf(level);
  const DRAFT_KEY = draftKeyOf(level);
  const template = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<TemplateResponse>('/api/reports/templates/annual', { level }, signal) });
  const sampleYear = dayjs().year() - 1;
  const org = me?.currentOrg?.code;
  const sample = useQuery({
    queryKey: ['indicators', org, sampleYear],
    queryFn: ({ signal }) => api.get<{ items: IndicatorValue[] }>('/api/indicators', { org, year: sampleYear }, signal),
    enabled: !!org,
  });
  const [content, setContent] = useState<ReportContent | null>(null);
  const [version, setVersion] = useState(0);
  const [active, setActive] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // a reload or a failed save never loses what was typed: the unsaved copy stays in this browser session
  useEffect(() => {
    if (!template.data || content) return;
    const kept = sessionStorage.getItem(DRAFT_KEY);
    const parsed = kept ? (JSON.parse(kept) as { content: ReportContent; version: number }) : null;
    if (parsed && parsed.version === template.data.version) {
      setContent(parsed.content);
    } else {
      setContent(template.data.content);
    }
    setVersion(template.data.version);
  }, [template.data, content, DRAFT_KEY]);
  const dirty = !!content && !!template.data && JSON.stringify(content) !== JSON.stringify(template.data.content);
  useEffect(() => {
    if (content && dirty) sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ content, version }));
    else sessionStorage.removeItem(DRAFT_KEY);
  }, [content, dirty, version, DRAFT_KEY]);

  // every indicator can be inserted; the sample values come from the user's unit, the rest show 0
  const values = useMemo<IndicatorValue[]>(() => {
    const got = new Map((sample.data?.items ?? []).map((v) => [v.id, v]));
    return (template.data?.indicators ?? []).map((d) => got.get(d.id) ?? { id: d.id, kind: 'count', label: d.label, unit: d.unit, value: 0, breakdown: [], recordCount: 0, link: null });
  }, [sample.data, template.data]);
  const valueMap = useMemo(() => new Map(values.map((v) => [v.id, v])), [values]);

  if (template.isError) return <LoadFailed error={template.error} onRetry={() => void template.refetch()} />;
  if (!template.data || !content) return <Skeleton active paragraph={{ rows: 14 }} />;
  const t = template.data;

  const save = async (): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      const res = await api.put<{ content: ReportContent; version: number }>(`/api/reports/templates/annual?level=${level}`, { content, version });
      sessionStorage.removeItem(DRAFT_KEY);
      queryClient.setQueryData<TemplateResponse>(KEY, { ...t, content: res.content, version: res.version, updatedBy: me?.user.username ?? null, updatedAt: new Date().toISOString() });
      setVersion(res.version);
      void message.success('模板已保存，此后新起草的报告将使用该模板');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const setSection = (i: number, patch: Partial<ReportContent['sections'][number]>): void => setContent({ ...content, sections: content.sections.map((s, n) => (n === i ? { ...s, ...patch } : s)) });

  return (
    <>
      <PageHeader
        title="年度报告模板"
        description="各乡镇、部门起草年度报告时以此模板为起点；修改只影响此后新起草的报告，已起草和已提交的报告不变。"
        extra={
          <Flex gap={8} wrap>
            <Popconfirm title="恢复为系统默认模板？" description="页面内容将替换为默认模板，保存后生效。" okText="恢复" cancelText="取消" onConfirm={() => setContent(t.defaultContent)}>
              <Button icon={<UndoOutlined />}>恢复默认</Button>
            </Popconfirm>
            <Button icon={<ReloadOutlined />} disabled={!dirty} onClick={() => setContent(t.content)}>
              放弃修改
            </Button>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()}>
              保存模板
            </Button>
          </Flex>
        }
      />
      <Segmented<Level>
        style={{ marginBottom: 16 }}
        aria-label="模板层级"
        options={LEVELS}
        value={level}
        onChange={(v) => {
          setContent(null);
          setActive(null);
          setLevel(v);
        }}
      />
      {error ? <Alert type="error" showIcon closable style={{ marginBottom: 16 }} message="保存未成功，页面上的修改仍然保留" description={error} onClose={() => setError(null)} /> : null}
      {dirty ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message="有尚未保存的修改" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <div className="fz-report-paper" data-testid="template-document">
            <ReportEditor content={content} onChange={setContent} values={values} valueMap={valueMap} readOnly={false} active={active} onActivate={setActive} />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title="五个必备部分">
              <Flex vertical gap={10}>
                {content.sections.map((s, i) => (
                  <Flex key={s.key} gap={8} align="center">
                    <Typography.Text style={{ flex: '0 0 auto', minWidth: 32 }}>{chineseNumber(i + 1)}、</Typography.Text>
                    <Input aria-label={`第${i + 1}部分标题`} value={s.title} onChange={(e) => setSection(i, { title: e.target.value })} status={s.title.trim() ? '' : 'error'} />
                    <Switch style={{ flex: '0 0 auto' }} checkedChildren="必填" unCheckedChildren="选填" checked={s.required} onChange={(v) => setSection(i, { required: v })} />
                  </Flex>
                ))}
              </Flex>
            </Card>
            <Card size="small" title="可用的填充项">
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                起草时自动替换为本单位的信息；蓝色数字是实时数据（此处示例为本单位{sampleYear}年的数据），用段落上方的“插入数据”添加。
              </Typography.Paragraph>
              <Flex vertical gap={6}>
                {FILL_INS.map(([k, v]) => (
                  <div key={k}>
                    <Tag>{k}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {v}
                    </Typography.Text>
                  </div>
                ))}
              </Flex>
            </Card>
            <Card size="small" title="版本">
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t.updatedAt ? `第 ${t.version} 版 · ${t.updatedBy ?? ''} 修改于 ${formatDateTime(t.updatedAt)}` : '尚未修改，使用系统默认模板'}
              </Typography.Text>
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
