import { ScrollBox } from "~/components/scroll-box";
import { formatFen } from "~/utils/format";
import type { SalesRow } from "./reports.server";

/** Monthly sales as a stacked bar chart (maker part below, fund part above), plain SVG. */
export function SalesChart({ rows }: { rows: SalesRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-gray-500">暂无销售数据。</p>;
  const width = 640;
  const height = 220;
  const pad = { top: 16, bottom: 36, left: 8, right: 8 };
  const max = Math.max(...rows.map((r) => r.totalFen), 1);
  const slot = (width - pad.left - pad.right) / rows.length;
  const barW = Math.min(48, slot * 0.6);
  const scale = (fen: number) => (fen / max) * (height - pad.top - pad.bottom);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="按月销售额" className="h-auto w-full max-w-2xl">
      <title>按月销售额</title>
      {rows.map((r, i) => {
        const x = pad.left + slot * i + (slot - barW) / 2;
        const base = height - pad.bottom;
        const makerH = scale(r.makerFen);
        const fundH = scale(r.fundFen);
        return (
          <g key={r.key}>
            <rect x={x} y={base - makerH} width={barW} height={makerH} fill="#16a34a">
              <title>{`${r.label} 制作者所得 ${formatFen(r.makerFen)}`}</title>
            </rect>
            <rect x={x} y={base - makerH - fundH} width={barW} height={fundH} fill="#f59e0b">
              <title>{`${r.label} 社区微基金 ${formatFen(r.fundFen)}`}</title>
            </rect>
            <text x={x + barW / 2} y={base - makerH - fundH - 4} textAnchor="middle" fontSize="10" fill="#374151">
              {formatFen(r.totalFen)}
            </text>
            <text x={x + barW / 2} y={height - pad.bottom + 16} textAnchor="middle" fontSize="11" fill="#374151">
              {r.label}
            </text>
          </g>
        );
      })}
      <g fontSize="11" fill="#374151">
        <rect x={pad.left} y={height - 12} width={10} height={10} fill="#16a34a" />
        <text x={pad.left + 14} y={height - 3}>
          制作者所得
        </text>
        <rect x={pad.left + 90} y={height - 12} width={10} height={10} fill="#f59e0b" />
        <text x={pad.left + 104} y={height - 3}>
          社区微基金
        </text>
      </g>
    </svg>
  );
}

export function SalesTable({
  title,
  keyHeader,
  rows,
  totals,
  count = rows.length,
}: {
  title: string;
  keyHeader: string;
  rows: SalesRow[];
  totals: SalesRow;
  /** How many rows the report has, when only the first are listed (sales-listing.ts). */
  count?: number;
}) {
  return (
    <section className="mb-6">
      <h2 className="mb-2 font-medium">{title}</h2>
      {count > rows.length ? (
        <p className="mb-2 text-sm text-gray-600" data-testid="sales-listed">
          共 {count} 项，列出销售额最高的 {rows.length} 项；合计含全部。全部明细请导出 Excel。
        </p>
      ) : null}
      <ScrollBox label={title} className="rounded-lg border border-gray-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th>{keyHeader}</th>
              <th>售出件数</th>
              <th>销售额</th>
              <th>制作者所得</th>
              <th>社区微基金</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {[...rows, totals].map((r) => (
              <tr key={r.key} className={r === totals ? "font-medium" : undefined}>
                <td>{r.label}</td>
                <td>{r.quantity}</td>
                <td>{formatFen(r.totalFen)}</td>
                <td>{formatFen(r.makerFen)}</td>
                <td>{formatFen(r.fundFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
