// A horizontal bar chart of organizations per grade: an SVG with a title and a
// description for screen readers; the table beside it holds the same figures.
import { gradeLabel } from "~/modules/registry/grade";

const BAR_H = 22;
const GAP = 10;
const LABEL_W = 40;
const PLOT_W = 320;

export function GradeBarChart({ rows }: { rows: { grade: number; total: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.total));
  const height = rows.length * (BAR_H + GAP);
  const summary = rows.map((r) => `${gradeLabel(r.grade)} ${r.total} 家`).join("，");
  return (
    <svg
      role="img"
      aria-labelledby="grade-chart-title grade-chart-desc"
      viewBox={`0 0 ${LABEL_W + PLOT_W + 40} ${height}`}
      className="h-auto w-full max-w-md"
    >
      <title id="grade-chart-title">现行有效等级分布</title>
      <desc id="grade-chart-desc">{summary}</desc>
      {rows.map((r, i) => {
        const y = i * (BAR_H + GAP);
        const w = (r.total / max) * PLOT_W;
        return (
          <g key={r.grade}>
            <text x={0} y={y + BAR_H * 0.7} fontSize="13" fill="#374151">
              {gradeLabel(r.grade)}
            </text>
            <rect x={LABEL_W} y={y} width={w} height={BAR_H} fill="#2563eb" />
            <text x={LABEL_W + w + 6} y={y + BAR_H * 0.7} fontSize="13" fill="#111827">
              {r.total}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
