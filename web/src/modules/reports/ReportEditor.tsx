import { ArrowDownOutlined, ArrowUpOutlined, DatabaseOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popover, Radio, Select, Space, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { chineseNumber, fieldToken, formatNumber, type FieldFormat } from './live-text.ts';
import { LiveText } from './LiveText.tsx';
import type { IndicatorValue, ReportContent, ReportItem } from './report-api.ts';

export interface ReportEditorProps {
  content: ReportContent;
  onChange: (next: ReportContent) => void;
  values: IndicatorValue[];
  valueMap: ReadonlyMap<string, IndicatorValue>;
  readOnly: boolean;
  active: string | null;
  onActivate: (key: string | null) => void;
}

/** the "插入数据" picker: choose a live figure and how it prints */
function InsertField({ values, onInsert }: { values: IndicatorValue[]; onInsert: (token: string) => void }) {
  const [open, setOpen] = useState(false);
  const [id, setId] = useState<string | null>(null);
  const [format, setFormat] = useState<FieldFormat>('value');
  const chosen = values.find((v) => v.id === id);
  const body = (
    <Flex vertical gap={10} style={{ width: 340 }}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="搜索数据项，如：矛盾纠纷、行政处罚"
        value={id}
        onChange={setId}
        options={values.map((v) => ({ value: v.id, label: `${v.label}（${formatNumber(v.value)}${v.unit}）` }))}
        style={{ width: '100%' }}
      />
      <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as FieldFormat)} optionType="button" size="small">
        <Radio.Button value="value">数值+单位</Radio.Button>
        <Radio.Button value="n">仅数字</Radio.Button>
        <Radio.Button value="parts" disabled={!chosen?.breakdown.length}>
          分项明细
        </Radio.Button>
      </Radio.Group>
      {chosen ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据 {chosen.recordCount} 条台账记录{chosen.breakdown.length ? `，含 ${chosen.breakdown.length} 个分项` : ''}
        </Typography.Text>
      ) : null}
      <Button
        type="primary"
        disabled={!id}
        onClick={() => {
          if (!id) return;
          onInsert(fieldToken(id, format));
          setOpen(false);
        }}
      >
        插入到光标处
      </Button>
    </Flex>
  );
  return (
    <Popover content={body} title="插入实时数据" trigger="click" open={open} onOpenChange={setOpen} placement="bottomLeft">
      <Button size="small" icon={<DatabaseOutlined />}>
        插入数据
      </Button>
    </Popover>
  );
}

interface BlockProps {
  blockKey: string;
  kind: 'heading' | 'para';
  prefix?: string;
  text: string;
  onText: (text: string) => void;
  /** the sentence printed instead when the paragraph's first figure counts nothing */
  none?: string | undefined;
  onNone?: ((none: string) => void) | undefined;
  values: IndicatorValue[];
  valueMap: ReadonlyMap<string, IndicatorValue>;
  readOnly: boolean;
  active: boolean;
  onActivate: (key: string | null) => void;
  tools?: React.ReactNode;
}

/** one paragraph or sub-heading: rendered with chips, a text box while being edited */
function Block({ blockKey, kind, prefix, text, onText, none, onNone, values, valueMap, readOnly, active, onActivate, tools }: BlockProps) {
  const area = useRef<TextAreaRef>(null);
  const caret = useRef<number>(text.length);
  const insert = (token: string): void => {
    const at = Math.min(caret.current, text.length);
    onText(text.slice(0, at) + token + text.slice(at));
    caret.current = at + token.length;
    setTimeout(() => {
      const el = area.current?.resizableTextArea?.textArea;
      el?.focus();
      el?.setSelectionRange(caret.current, caret.current);
    }, 0);
  };
  const rendered =
    kind === 'heading' ? (
      <div className="fz-report-subheading">
        {prefix}
        <LiveText text={text} values={valueMap} />
      </div>
    ) : (
      <p className="fz-report-para">
        <LiveText text={text} values={valueMap} none={none} />
        {text.trim() === '' ? <Typography.Text type="secondary">（空段落，点击填写）</Typography.Text> : null}
      </p>
    );
  if (readOnly) return <div id={`fz-block-${blockKey}`}>{rendered}</div>;
  return (
    <div id={`fz-block-${blockKey}`} className={`fz-report-block${active ? ' fz-report-block-active' : ''}`} onClick={() => !active && onActivate(blockKey)}>
      {active ? (
        <Flex vertical gap={6}>
          <Flex gap={6} wrap align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {kind === 'heading' ? `编辑小标题 ${prefix ?? ''}` : '编辑段落'}（蓝色数据为实时数字，写作 {'{{数据项}}'}）
            </Typography.Text>
            <span style={{ flex: 1 }} />
            <InsertField values={values} onInsert={insert} />
            {tools}
            <Button size="small" type="link" onClick={(e) => (e.stopPropagation(), onActivate(null))}>
              完成
            </Button>
          </Flex>
          <Input.TextArea
            ref={area}
            aria-label={kind === 'heading' ? '小标题' : '段落内容'}
            autoSize={{ minRows: kind === 'heading' ? 1 : 3 }}
            value={text}
            autoFocus
            onChange={(e) => {
              onText(e.target.value);
              caret.current = e.target.selectionStart;
            }}
            onSelect={(e) => (caret.current = e.currentTarget.selectionStart)}
          />
          {kind === 'para' && onNone ? <Input aria-label="无记录时的表述" addonBefore="无记录时" placeholder="本段第一个数据没有记录时打印的句子，如“本年度未发生行政复议案件。”" value={none ?? ''} onChange={(e) => onNone(e.target.value)} /> : null}
          <div className="fz-report-preview">{rendered}</div>
        </Flex>
      ) : (
        rendered
      )}
    </div>
  );
}

const move = <T,>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [x] = next.splice(from, 1);
  if (x !== undefined) next.splice(to, 0, x);
  return next;
};

/** the report body laid out like the printed document, each block editable in place */
export function ReportEditor({ content, onChange, values, valueMap, readOnly, active, onActivate }: ReportEditorProps) {
  const setItems = (si: number, items: ReportItem[]): void => onChange({ ...content, sections: content.sections.map((s, i) => (i === si ? { ...s, items } : s)) });
  const setPreamble = (preamble: string[]): void => onChange({ ...content, preamble });

  const itemTools = (si: number, ii: number, items: ReportItem[]) => (
    <Space.Compact size="small" onClick={(e) => e.stopPropagation()}>
      <Tooltip title="上移">
        <Button size="small" icon={<ArrowUpOutlined />} disabled={ii === 0} onClick={() => (setItems(si, move(items, ii, ii - 1)), onActivate(`s${si}-${ii - 1}`))} />
      </Tooltip>
      <Tooltip title="下移">
        <Button size="small" icon={<ArrowDownOutlined />} disabled={ii === items.length - 1} onClick={() => (setItems(si, move(items, ii, ii + 1)), onActivate(`s${si}-${ii + 1}`))} />
      </Tooltip>
      <Tooltip title="删除">
        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => (setItems(si, items.filter((_, n) => n !== ii)), onActivate(null))} />
      </Tooltip>
    </Space.Compact>
  );

  const addButtons = (si: number, items: ReportItem[]) =>
    readOnly ? null : (
      <Flex gap={8} className="fz-report-add">
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => (setItems(si, [...items, { type: 'para', text: '' }]), onActivate(`s${si}-${items.length}`))}>
          添加段落
        </Button>
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => (setItems(si, [...items, { type: 'heading', text: '' }]), onActivate(`s${si}-${items.length}`))}>
          添加小标题
        </Button>
      </Flex>
    );

  return (
    <div className="fz-report-doc">
      {readOnly ? (
        <h1 className="fz-report-title">{content.title}</h1>
      ) : (
        <Input.TextArea aria-label="报告标题" className="fz-report-title-input" variant="borderless" autoSize value={content.title} onChange={(e) => onChange({ ...content, title: e.target.value.replace(/\n/g, '') })} />
      )}
      {content.preamble.map((p, i) => (
        <Block
          key={`p${i}`}
          blockKey={`p${i}`}
          kind="para"
          text={p}
          onText={(t) => setPreamble(content.preamble.map((x, n) => (n === i ? t : x)))}
          values={values}
          valueMap={valueMap}
          readOnly={readOnly}
          active={active === `p${i}`}
          onActivate={onActivate}
          tools={
            <Tooltip title="删除">
              <Button size="small" danger icon={<DeleteOutlined />} onClick={(e) => (e.stopPropagation(), setPreamble(content.preamble.filter((_, n) => n !== i)), onActivate(null))} />
            </Tooltip>
          }
        />
      ))}
      {content.sections.map((s, si) => {
        let sub = 0;
        return (
          <section key={s.key} id={`fz-section-${s.key}`}>
            <h2 className="fz-report-heading">
              {chineseNumber(si + 1)}、{s.title}
              {s.required ? null : <span className="fz-report-optional">（选填）</span>}
            </h2>
            {s.items.map((it, ii) => {
              if (it.type === 'heading') sub += 1;
              return (
                <Block
                  key={`${s.key}-${ii}`}
                  blockKey={`s${si}-${ii}`}
                  kind={it.type}
                  {...(it.type === 'heading' ? { prefix: `（${chineseNumber(sub)}）` } : {})}
                  text={it.text}
                  onText={(t) => setItems(si, s.items.map((x, n) => (n === ii ? { ...x, text: t } : x)))}
                  none={it.none}
                  onNone={(t) => setItems(si, s.items.map((x, n) => (n === ii ? { ...x, none: t.trim() ? t : undefined } : x)))}
                  values={values}
                  valueMap={valueMap}
                  readOnly={readOnly}
                  active={active === `s${si}-${ii}`}
                  onActivate={onActivate}
                  tools={itemTools(si, ii, s.items)}
                />
              );
            })}
            {s.items.length === 0 ? <p className="fz-report-para fz-report-empty">（本部分尚未填写）</p> : null}
            {addButtons(si, s.items)}
          </section>
        );
      })}
    </div>
  );
}
