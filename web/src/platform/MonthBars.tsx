import { useNavigate } from 'react-router';

/** one line of figures by month, each figure opening the list it counts */
export interface MonthSeries {
  key: string;
  label: string;
  counts: number[];
  links: string[];
  color: string;
}

const W = 360;
const H = 150;
const PAD = { left: 28, right: 6, top: 10, bottom: 22 };

/** the gridline step: 1, 2, 5, 10, 20, 50 … so that about three lines cover the largest figure */
function step(max: number): number {
  const raw = Math.max(1, max / 3);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? raw;
}

/**
 * bars of a year's figures by month, drawn as SVG (no chart library on the home page): one bar per series in each
 * month, a bar opening the list behind it. The picture is labelled for screen readers with its figures; the same
 * figures are in the table the page offers next to it.
 */
export function MonthBars({ series, months, label }: { series: MonthSeries[]; months: string[]; label: string }) {
  const navigate = useNavigate();
  const max = Math.max(0, ...series.flatMap((s) => s.counts));
  const unit = step(max);
  const top = Math.max(unit, Math.ceil(max / unit) * unit);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / 12;
  const barW = Math.min(14, (slot - 4) / series.length);
  const y = (v: number): number => PAD.top + plotH - (v / top) * plotH;
  const lines = Array.from({ length: Math.round(top / unit) + 1 }, (_, i) => i * unit);
  const summary = `${label}：${series.map((s) => `${s.label}${months.map((m, i) => `${m}${s.counts[i] ?? 0}`).join('，')}`).join('；')}`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} style={{ display: 'block', maxHeight: 220 }}>
      {lines.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e5e7eb" strokeWidth={1} />
          <text x={PAD.left - 4} y={y(v) + 3} fontSize={9} textAnchor="end" fill="#6b7280">
            {v}
          </text>
        </g>
      ))}
      {months.map((m, i) => (
        <g key={m}>
          {series.map((s, k) => {
            const v = s.counts[i] ?? 0;
            const x = PAD.left + i * slot + (slot - barW * series.length) / 2 + k * barW;
            const link = s.links[i];
            return (
              <rect
                key={s.key}
                x={x}
                y={y(v)}
                width={Math.max(1, barW - 1)}
                height={Math.max(v > 0 ? 1 : 0, PAD.top + plotH - y(v))}
                fill={s.color}
                rx={1.5}
                style={{ cursor: link && v > 0 ? 'pointer' : 'default' }}
                onClick={() => {
                  if (link && v > 0) void navigate(link);
                }}
                data-testid={`bar-${s.key}-${i + 1}`}
              >
                <title>{`${s.label} ${m}：${v}`}</title>
              </rect>
            );
          })}
          <text x={PAD.left + i * slot + slot / 2} y={H - 8} fontSize={9} textAnchor="middle" fill="#6b7280">
            {i + 1}
          </text>
        </g>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#9ca3af" strokeWidth={1} />
    </svg>
  );
}
