import { Tag, Tooltip } from 'antd';
import { Fragment } from 'react';
import type { IndicatorValue } from './report-api.ts';
import { clausesOf, formatNumber, printsNone, renderField, segmentsOf, type FieldFormat } from './live-text.ts';

const FORMAT_HINT: Record<FieldFormat, string> = { value: '数值（含单位）', parts: '分项明细', n: '仅数字' };

/** a live field shown as a chip with its current value; a click opens the records behind it */
export function FieldChip({ value, id, format }: { value: IndicatorValue | undefined; id: string; format: FieldFormat }) {
  if (!value) {
    return (
      <Tooltip title={`未知数据项 ${id}：该台账模块未启用或数据项已删除，打印时显示为【${id}】`}>
        <Tag color="error" className="fz-live-chip">
          【{id}】
        </Tag>
      </Tooltip>
    );
  }
  const tip = (
    <div>
      <div style={{ fontWeight: 600 }}>{value.label}</div>
      <div>
        当前 {formatNumber(value.value)}
        {value.unit} · 依据 {value.recordCount} 条台账记录
      </div>
      {value.previous !== undefined && value.previous !== null ? (
        <div>
          上年 {formatNumber(value.previous)}
          {value.unit}
        </div>
      ) : null}
      <div style={{ opacity: 0.75 }}>显示方式：{FORMAT_HINT[format]}</div>
      {value.link ? <div style={{ opacity: 0.75 }}>点击在新窗口查看台账记录</div> : null}
    </div>
  );
  const open = (e: React.MouseEvent): void => {
    e.stopPropagation();
    if (value.link) window.open(value.link, '_blank', 'noopener');
  };
  return (
    <Tooltip title={tip}>
      <Tag color="blue" className="fz-live-chip" data-field={id} onClick={open} style={{ cursor: value.link ? 'pointer' : 'default' }}>
        {renderField(value, format)}
      </Tag>
    </Tooltip>
  );
}

function Fields({ text, values }: { text: string; values: ReadonlyMap<string, IndicatorValue> }) {
  return (
    <>
      {segmentsOf(text).map((s, i) =>
        s.kind === 'text' ? <Fragment key={i}>{s.text}</Fragment> : <FieldChip key={i} id={s.id} format={s.format} value={values.get(s.id)} />,
      )}
    </>
  );
}

/**
 * report text with its live fields as chips, as it will print: a clause whose figure has nothing to count is shown
 * struck through (left out when printed); a paragraph whose first figure counts nothing shows its sentence instead
 */
export function LiveText({ text, values, none }: { text: string; values: ReadonlyMap<string, IndicatorValue>; none?: string | undefined }) {
  if (none !== undefined && printsNone(text, none, values)) {
    return (
      <Tooltip title="本段的第一个数据本年度没有记录，打印时以此句代替">
        <span className="fz-live-none">{none}</span>
      </Tooltip>
    );
  }
  return (
    <>
      {clausesOf(text, values).map((c, i) =>
        c.dropped ? (
          <Tooltip key={i} title="此分句的数据本年度没有记录，打印时略去">
            <span className="fz-live-dropped">
              <Fields text={c.text} values={values} />
            </span>
          </Tooltip>
        ) : (
          <Fields key={i} text={c.text} values={values} />
        ),
      )}
    </>
  );
}
