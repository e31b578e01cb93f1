// Organizations per grade as a bar chart; the table beside it holds the same figures.
import { BarChart } from "~/components/bar-chart";
import { gradeLabel } from "~/modules/registry/grade";

export function GradeBarChart({ rows }: { rows: { grade: number; total: number }[] }) {
  return (
    <BarChart
      title="现行有效等级分布"
      rows={rows.map((r) => ({
        key: String(r.grade),
        label: gradeLabel(r.grade),
        value: r.total,
        valueLabel: `${r.total} 家`,
      }))}
    />
  );
}
