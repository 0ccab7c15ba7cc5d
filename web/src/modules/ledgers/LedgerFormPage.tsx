import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Skeleton, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, errorText, isApiError, SubmissionKey, type LikelyDuplicate } from '../../platform/api.ts';
import { clearDraft, draftKey, personalLabels, readDraft, writeDraft } from '../../platform/drafts.ts';
import { DraftNotice } from '../../platform/DraftNotice.tsx';
import { noImplicitSubmit } from '../../platform/form-keys.ts';
import { groupFields } from '../../platform/ledger/field-value.tsx';
import { FieldInput } from '../../platform/ledger/FieldInput.tsx';
import { ledgerKeys, ledgerUrl, useLedgerMeta, useLedgerRecord } from '../../platform/ledger/ledger-api.ts';
import type { FieldValue, LedgerField, LedgerMeta, LedgerRecord, LedgerRecordDetail } from '../../platform/ledger/ledger-types.ts';
import { orgTreeOptions } from '../../platform/org-tree.ts';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { applyServerErrors, problemText } from '../../platform/use-api-form.ts';
import { LedgerLoadFailed, useLedgerRoute } from './ledger-page-state.tsx';

type Values = Record<string, FieldValue | undefined>;

const blank = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown): boolean => (blank(a) && blank(b)) || JSON.stringify(a) === JSON.stringify(b);

/** 新增 (no id in the route) */
export function LedgerNewPage() {
  const { name } = useLedgerRoute();
  const meta = useLedgerMeta(name);
  if (meta.isError) return <LedgerLoadFailed error={meta.error} onRetry={() => void meta.refetch()} noun="台账" />;
  if (!meta.data) return <Skeleton active />;
  if (!meta.data.can.create) return <LedgerLoadFailed error={forbidden(`您当前的角色不能新增${meta.data.noun}`)} />;
  return <LedgerForm meta={meta.data} record={null} />;
}

/** 编辑 */
export function LedgerEditPage() {
  const { name, id } = useLedgerRoute();
  const meta = useLedgerMeta(name);
  const record = useLedgerRecord(name, id);
  const error = meta.error ?? record.error;
  if (error) return <LedgerLoadFailed error={error} noun={meta.data?.noun ?? '记录'} />;
  if (!meta.data || !record.data) return <Skeleton active />;
  if (!meta.data.can.update) return <LedgerLoadFailed error={forbidden(`您当前的角色不能修改${meta.data.noun}`)} />;
  return <LedgerForm key={record.data.id} meta={meta.data} record={record.data} />;
}

function forbidden(detail: string): ApiError {
  return new ApiError({ type: 'about:blank', title: '无权操作', status: 403, code: 'forbidden', detail });
}

function LedgerForm({ meta, record }: { meta: LedgerMeta; record: LedgerRecordDetail | null }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<{ detail: string; stale: boolean } | null>(null);
  // a likely duplicate the server named: saved only once the user confirms it is not a repeat
  const [duplicates, setDuplicates] = useState<{ detail: string; records: LikelyDuplicate[] } | null>(null);
  const treeData = useMemo(() => orgTreeOptions(me?.orgs ?? []), [me?.orgs]);
  const groups = useMemo(() => groupFields(meta.fields), [meta.fields]);
  const known = (f: string): Array<{ value: number; label: string }> => {
    const v = record?.values[f];
    const t = record?.refs[f];
    return typeof v === 'number' && t ? [{ value: v, label: t }] : [];
  };
  // a field a step has fixed on this record (a draw's units): shown read-only with why
  const lockedOf = (f: LedgerField): LedgerField => {
    const reason = record?.lockedFields?.[f.name];
    return reason ? { ...f, derived: reason } : f;
  };
  // the draft of this form on this device: a new record, or an edit of this version of the record
  const storeKey = me ? draftKey(me.user.id, meta.name, record ? `edit-${record.id}-v${record.version}` : 'new') : null;
  const [draft, setDraft] = useState(() => (storeKey ? readDraft<Values>(storeKey) : null));
  const skipped = useMemo(() => personalLabels(meta.fields), [meta.fields]);
  const submission = useRef(new SubmissionKey());
  const starts: Values = Object.fromEntries(meta.fields.filter((f) => f.startValue !== undefined).map((f) => [f.name, f.startValue]));
  const initialValues: Values = record ? { ...record.values, orgCode: record.orgCode, ...(draft ?? {}) } : { orgCode: me?.currentOrg?.code, ...(draft ?? {}), ...starts };

  const duplicatesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (duplicates) duplicatesRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [duplicates]);

  useEffect(() => {
    if (!record && me?.currentOrg?.code && !form.getFieldValue('orgCode')) form.setFieldValue('orgCode', me.currentOrg.code);
  }, [record, me?.currentOrg?.code, form]);

  const saveDraft = (_: unknown, all: Values): void => {
    if (!storeKey) return;
    // an edit keeps only what differs from the record; a new record everything typed
    const kept = record ? Object.fromEntries(Object.entries(all).filter(([k, v]) => !same(v, k === 'orgCode' ? record.orgCode : record.values[k]))) : all;
    writeDraft(storeKey, kept, meta.fields);
  };

  // one save at a time: a second click or key press while the first is on its way would create the record twice
  const inFlight = useRef(false);
  const submit = async (values: Values, confirmDuplicate = false): Promise<void> => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setProblem(null);
    setDuplicates(null);
    try {
      let saved: LedgerRecord;
      if (record) {
        const changed: Values = {};
        for (const f of meta.fields) if (!same(values[f.name], record.values[f.name])) changed[f.name] = blank(values[f.name]) ? null : values[f.name];
        if (values['orgCode'] && values['orgCode'] !== record.orgCode) changed['orgCode'] = values['orgCode'];
        const body = { version: record.version, ...changed };
        saved = await api.put<LedgerRecord>(`${ledgerUrl(meta.name)}/${record.id}`, body, { idempotencyKey: submission.current.for(body) });
      } else {
        const body: Values = {};
        for (const [k, v] of Object.entries(values)) if (!blank(v)) body[k] = v;
        const sent = confirmDuplicate ? { ...body, confirmDuplicate: true } : body;
        saved = await api.post<LedgerRecord>(ledgerUrl(meta.name), sent, { idempotencyKey: submission.current.for(sent) });
      }
      submission.current.done();
      if (storeKey) clearDraft(storeKey);
      void message.success(record ? '已保存' : `已新增${meta.noun}`);
      await queryClient.invalidateQueries({ queryKey: ['ledgers', meta.name] });
      void navigate(`/ledgers/${meta.name}/${saved.id}`, { replace: !!record });
    } catch (e) {
      if (isApiError(e) && e.code === 'possible_duplicate') {
        setDuplicates({ detail: e.problem.detail, records: e.problem.duplicates ?? [] });
        void message.warning(`可能重复，请核对已有${meta.noun}`);
        return;
      }
      const unmatched = applyServerErrors(form, e);
      const stale = isApiError(e) && e.code === 'stale_version';
      const offline = isApiError(e) && e.code === 'network_error';
      setProblem({
        detail: stale ? `${errorText(e)}。您填写的内容仍保留在下方，可先复制再刷新。` : offline ? `${errorText(e)}。填写的内容已保存在本机，恢复网络后再点“保存”即可，不会重复新增。` : problemText(e, unmatched),
        stale,
      });
      void message.error(errorText(e));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const title = record ? `编辑${meta.noun}` : `新增${meta.noun}`;
  return (
    <>
      <PageHeader title={title} description={record ? record.title : meta.label} />
      {draft ? (
        <DraftNotice
          storeKey={storeKey}
          skipped={skipped}
          onClear={() => {
            setDraft(null);
            form.resetFields();
            form.setFieldsValue(
              record
                ? { ...Object.fromEntries(meta.fields.map((f) => [f.name, record.values[f.name]])), orgCode: record.orgCode }
                : { ...Object.fromEntries([...meta.fields.map((f) => [f.name, undefined]), ['orgCode', me?.currentOrg?.code]]), ...starts },
            );
          }}
        />
      ) : null}
      {problem ? (
        <Alert
          data-testid="form-problem"
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          message={problem.stale ? '保存失败：该记录已被他人修改' : '保存失败'}
          description={problem.detail}
          action={
            problem.stale ? (
              <Button size="small" onClick={() => void queryClient.invalidateQueries({ queryKey: ledgerKeys.record(meta.name, record?.id ?? 0) })}>
                载入最新内容
              </Button>
            ) : null
          }
        />
      ) : null}
      {duplicates ? (
        <div ref={duplicatesRef}>
        <Alert
          data-testid="form-duplicates"
          role="alert"
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message={`可能重复：已有${duplicates.records.length}条相同的${meta.noun}`}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {duplicates.records.length ? `以下${meta.noun}的${[...new Set(duplicates.records.flatMap((d) => d.matchedBy))].join('、')}与本次填写的相同，请先核对是否重复登记：` : duplicates.detail}
              </Typography.Paragraph>
              <ul style={{ margin: '0 0 8px', paddingInlineStart: 20 }}>
                {duplicates.records.map((d) => (
                  <li key={d.id}>
                    <Link to={`/ledgers/${meta.name}/${d.id}`} target="_blank" rel="noopener">
                      {d.title}
                    </Link>
                    {d.on ? `（${d.on}）` : ''}
                    <Typography.Text type="secondary">：相同的{d.matchedBy.join('、')}</Typography.Text>
                  </li>
                ))}
              </ul>
              <Space wrap>
                <Button data-testid="confirm-duplicate" danger loading={submitting} onClick={() => void form.validateFields().then((v) => submit(v, true))}>
                  确认不是重复，仍然保存
                </Button>
                <Button onClick={() => setDuplicates(null)}>返回修改</Button>
              </Space>
            </>
          }
        />
        </div>
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => submit(v)} onValuesChange={saveDraft} onKeyDown={noImplicitSubmit} scrollToFirstError={{ block: 'center' }}>
        <Card title="所属单位" size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="orgCode" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]} style={{ maxWidth: 420, marginBottom: 0 }}>
            <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择所属单位" />
          </Form.Item>
        </Card>
        {groups.map((g) => (
          <Card key={g.group} title={g.group} size="small" style={{ marginBottom: 16 }}>
            <div className="fz-ledger-form-grid">
              {g.fields.map((f) => (
                <div key={f.name} className={f.type === 'textarea' ? 'fz-ledger-form-wide' : undefined}>
                  <FieldInput field={lockedOf(f)} known={known(f.name)} />
                </div>
              ))}
            </div>
          </Card>
        ))}
        <Flex justify="flex-end" className="fz-ledger-form-actions">
          <Space>
            <Button onClick={() => void navigate(record ? `/ledgers/${meta.name}/${record.id}` : `/ledgers/${meta.name}`)}>取消</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              保存
            </Button>
          </Space>
        </Flex>
      </Form>
      <style>{FORM_CSS}</style>
    </>
  );
}

// two columns on a wide screen, one on a phone; long text spans the row
const FORM_CSS = `
.fz-ledger-form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); column-gap: 24px; }
.fz-ledger-form-wide { grid-column: 1 / -1; }
.fz-ledger-form-actions { position: sticky; bottom: 0; z-index: 2; padding: 12px 16px; background: #fff; border-top: 1px solid #f0f0f0; box-shadow: 0 -4px 12px rgba(0,0,0,.04); border-radius: 8px; }
`;
