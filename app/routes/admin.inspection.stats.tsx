import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { ScrollBox } from "~/components/scroll-box";
import { requireRole } from "~/modules/auth/permissions.server";
import { inspectionStatsByYear, type YearStats } from "~/modules/inspection/stats.server";

export const meta: MetaFunction = () => [{ title: "年检统计 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return { stats: await inspectionStatsByYear() };
}

const SERIES = [
  { key: "qualified", label: "合格", color: "#15803d" },
  { key: "basic", label: "基本合格", color: "#d97706" },
  { key: "unqualified", label: "不合格", color: "#dc2626" },
  { key: "missed", label: "未参检", color: "#6b7280" },
] as const;

/** Grouped bars per year, drawn as plain SVG on the server. */
function ResultsChart({ stats }: { stats: YearStats[] }) {
  const years = [...stats].sort((a, b) => a.year - b.year);
  const max = Math.max(1, ...years.flatMap((s) => SERIES.map((x) => s[x.key])));
  const barW = 22;
  const gap = 4;
  const groupW = SERIES.length * (barW + gap) + 28;
  const left = 40;
  const top = 16;
  const plotH = 200;
  const width = left + years.length * groupW + 10;
  const height = top + plotH + 40;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(max * t));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return (
    // Focusable: on a phone the chart scrolls sideways inside the figure (axe scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <figure className="overflow-x-auto" tabIndex={0} aria-label="年检结论图">
      <svg
        role="img"
        aria-labelledby="chart-title"
        viewBox={`0 0 ${width} ${height}`}
        width={Math.max(width, 320)}
        height={height}
        className="text-xs"
      >
        <title id="chart-title">各年度年检结果柱状图</title>
        {[...new Set(ticks)].map((t) => (
          <g key={t}>
            <line x1={left} x2={width - 10} y1={y(t)} y2={y(t)} stroke="#e5e7eb" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fill="#6b7280" fontSize="11">
              {t}
            </text>
          </g>
        ))}
        {years.map((s, i) => {
          const x0 = left + i * groupW + 14;
          return (
            <g key={s.year}>
              {SERIES.map((series, j) => {
                const v = s[series.key];
                const x = x0 + j * (barW + gap);
                return (
                  <g key={series.key}>
                    <rect x={x} y={y(v)} width={barW} height={top + plotH - y(v)} fill={series.color}>
                      <title>{`${s.year}年度${series.label}：${v}`}</title>
                    </rect>
                    <text x={x + barW / 2} y={y(v) - 3} textAnchor="middle" fontSize="10" fill="#374151">
                      {v}
                    </text>
                  </g>
                );
              })}
              <text
                x={x0 + (SERIES.length * (barW + gap)) / 2}
                y={top + plotH + 18}
                textAnchor="middle"
                fontSize="12"
                fill="#111827"
              >
                {s.year}年度
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-sm">
        {SERIES.map((s) => (
          <span key={s.key} className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export default function AdminInspectionStats() {
  const { stats } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="年检统计"
        description="参检数为作出合格、基本合格、不合格结论的组织数；未参检单独统计。"
        actions={
          <Link to="/admin/inspection" className="btn-secondary">
            返回年检管理
          </Link>
        }
      />
      <ScrollBox label="年检统计表" className="mb-6 rounded-lg border border-gray-200 bg-white">
        <table className="table-basic" aria-label="各年度年检统计">
          <thead>
            <tr>
              <th>年度</th>
              <th>应参检</th>
              <th>参检</th>
              <th>合格</th>
              <th>基本合格</th>
              <th>不合格</th>
              <th>未参检</th>
              <th>待审结</th>
              <th>免检</th>
              <th>导出</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {stats.length === 0 ? (
              <tr>
                <td colSpan={10} className="py-6 text-center text-gray-500">
                  还没有年检数据。
                </td>
              </tr>
            ) : (
              stats.map((s) => (
                <tr key={s.year} data-year={s.year}>
                  <th scope="row" className="bg-white font-normal">
                    {s.year}年度
                  </th>
                  <td>{s.obligated}</td>
                  <td data-col="tookPart">{s.tookPart}</td>
                  <td data-col="qualified">{s.qualified}</td>
                  <td data-col="basic">{s.basic}</td>
                  <td data-col="unqualified">{s.unqualified}</td>
                  <td data-col="missed">{s.missed}</td>
                  <td>{s.pending}</td>
                  <td>{s.exempt}</td>
                  <td>
                    <a href={`/admin/inspection/${s.year}/export`} className="link" download>
                      Excel
                    </a>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollBox>
      {stats.length > 0 ? (
        <section className="card">
          <h2 className="mb-3 font-medium">各年度年检结果</h2>
          <ResultsChart stats={stats} />
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
