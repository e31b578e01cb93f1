// A horizontal bar chart: an SVG with a title and a description (every bar's label and
// figure) for screen readers. Put a table with the same figures beside it: the chart is
// for looking, the table for reading and copying.
import { useId } from "react";

export type BarChartRow = {
  key: string;
  label: string;
  value: number;
  /** The figure written after the bar and in the description (defaults to the value). */
  valueLabel?: string;
  /** A CSS colour for this bar (defaults to the chart's colour). */
  color?: string;
};

const BAR_H = 22;
const GAP = 10;

export function BarChart({
  title,
  rows,
  labelWidth = 40,
  plotWidth = 320,
  valueWidth = 40,
  color = "#2563eb",
  className = "h-auto w-full max-w-md",
}: {
  title: string;
  rows: BarChartRow[];
  labelWidth?: number;
  plotWidth?: number;
  valueWidth?: number;
  color?: string;
  className?: string;
}) {
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = Math.max(1, rows.length * (BAR_H + GAP));
  const figure = (r: BarChartRow) => r.valueLabel ?? String(r.value);
  const summary = rows.map((r) => `${r.label} ${figure(r)}`).join("，");
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${labelWidth + plotWidth + valueWidth} ${height}`}
      className={className}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {rows.map((r, i) => {
        const y = i * (BAR_H + GAP);
        const w = (Math.max(0, r.value) / max) * plotWidth;
        return (
          <g key={r.key}>
            <text x={0} y={y + BAR_H * 0.7} fontSize="13" fill="#374151">
              {r.label}
            </text>
            <rect x={labelWidth} y={y} width={w} height={BAR_H} fill={r.color ?? color} />
            <text x={labelWidth + w + 6} y={y + BAR_H * 0.7} fontSize="13" fill="#111827">
              {figure(r)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
