import { InputNumber, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Cell, ReportTable, TableCellSpec, TableRow } from './disclosure-api.ts';

export interface OfficialTableProps {
  table: ReportTable;
  /** figures link to the records behind them (the signed-in page); the public page shows plain figures */
  links?: boolean;
  /** typed-in values of the manual cells while editing, by cell key; absent: manual cells are read-only */
  manual?: Record<string, number | null> | undefined;
  onManual?: ((key: string, value: number | null) => void) | undefined;
  /** cells named by a failing identity check: `row:col` */
  wrong?: ReadonlySet<string>;
}

const spec = (c: TableCellSpec): { text: string; colSpan?: number | undefined; rowSpan?: number | undefined; head?: boolean | undefined; align?: 'left' | 'center' | undefined } => (typeof c === 'string' ? { text: c } : c);

function LabelCell({ c, head }: { c: TableCellSpec; head: boolean }) {
  const s = spec(c);
  const Tag = head || s.head ? 'th' : 'td';
  return (
    <Tag colSpan={s.colSpan} rowSpan={s.rowSpan} className={s.align === 'left' ? 'fz-cell-label left' : 'fz-cell-label'}>
      {s.text}
    </Tag>
  );
}

const shown = (v: number | null): string => (v === null ? '' : String(v));

function Figure({ row, cell, col, props }: { row: TableRow; cell: Cell; col: number; props: OfficialTableProps }): ReactNode {
  const testId = `cell-${row.key}-${col}`;
  if (cell.source === 'manual' && cell.key && props.manual && props.onManual) {
    const key = cell.key;
    const value = key in props.manual ? props.manual[key] : cell.value;
    return (
      <Tooltip title={cell.note}>
        <InputNumber
          size="small"
          min={0}
          step={row.key === 'fees' ? 0.01 : 1}
          precision={row.key === 'fees' ? 2 : 0}
          controls={false}
          variant="borderless"
          placeholder="填写"
          className="fz-manual-input"
          aria-label={`${row.label}（手工填报）`}
          data-testid={testId}
          value={value ?? null}
          onChange={(v) => props.onManual?.(key, typeof v === 'number' ? v : null)}
        />
      </Tooltip>
    );
  }
  if (props.links && cell.link && cell.value !== null) {
    return (
      <Tooltip title={cell.source === 'indicator' ? `${cell.note ?? ''}，点击查看记录` : '点击查看这些记录'}>
        <Link to={cell.link} target="_blank" rel="noopener" data-testid={testId} className="fz-cell-link">
          {shown(cell.value)}
        </Link>
      </Tooltip>
    );
  }
  return (
    <span data-testid={testId} title={cell.note}>
      {shown(cell.value)}
    </span>
  );
}

/** a table of the 政府信息公开工作年度报告 in the layout of 国办公开办函〔2021〕30号, as the DOCX prints it */
export function OfficialTable(props: OfficialTableProps) {
  const { table } = props;
  const total = table.widths.reduce((a, b) => a + b, 0) || 1;
  return (
    <>
      <div className="fz-swipe-hint" aria-hidden>
        表格较宽，可左右滑动查看 ⇆
      </div>
      <div className="fz-official-table-wrap">
      <table className={`fz-official-table fz-${table.key}`} data-testid={`table-${table.key}`}>
        <colgroup>
          {table.widths.map((w, i) => (
            <col key={i} style={{ width: `${((w / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          {table.header.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <LabelCell key={j} c={c} head />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.heading ? 'fz-row-heading' : undefined}>
              {row.lead.map((c, j) => (
                <LabelCell key={`l${j}`} c={c} head={!!row.heading} />
              ))}
              {row.cells.map((cell, col) => {
                const cls = [`fz-cell-${cell.source}`, props.wrong?.has(`${row.key}:${col}`) ? 'fz-cell-wrong' : ''].filter(Boolean).join(' ');
                return (
                  <td key={col} colSpan={row.valueSpan && row.valueSpan > 1 ? row.valueSpan : undefined} className={cls} id={`fz-cell-${table.key}-${row.key}-${col}`}>
                    <Figure row={row} cell={cell} col={col} props={props} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}
