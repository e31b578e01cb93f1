// The pieces of the public statistics page (#14 item 11): the headline figures, the charts of
// money and people (each an SVG with its figures as text, the same figures written out in the
// card above), the grade distribution and the breakdowns, each chart with a table beside it.
import { BarChart } from "~/components/bar-chart";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { SectionCard } from "~/components/section-card";
import { formatCount, formatFen } from "~/utils/format";
import { gradeRows, onTimePct, type StatsTotals } from "./stats";

export function StatsFigures({ t }: { t: StatsTotals }) {
  const pct = onTimePct(t);
  const items = [
    ["资助项目", `${t.projects} 个`, "stat-projects"],
    ["资助金额", formatFen(t.awardedFen), "stat-awarded"],
    ["已拨付", formatFen(t.paidFen), "stat-paid"],
    ["已退回", formatFen(t.returnedFen), "stat-returned"],
    ["计划受益 / 已服务", `${formatCount(t.peoplePlanned)} / ${formatCount(t.peopleServed)} 人次`, "stat-people"],
    ["报告按时提交", pct === null ? "—" : `${pct}%（${t.reportsOnTime}/${t.reportsDue}）`, "stat-on-time"],
  ];
  return (
    <section className="card grid gap-4 sm:grid-cols-3" aria-label="总体情况">
      {items.map(([label, value, testId]) => (
        <div key={testId}>
          <p className="text-sm text-gray-500">{label}</p>
          <p className="text-xl font-semibold tabular-nums text-gray-900" data-testid={testId}>
            {value}
          </p>
        </div>
      ))}
    </section>
  );
}

/** Money awarded, paid and returned, and people planned against served, to compare at a glance. */
export function MoneyAndPeopleCharts({ t }: { t: StatsTotals }) {
  return (
    <SectionCard id="money-people" title="资金与受益">
      <div className="grid gap-6 md:grid-cols-2">
        <BarChart
          title="资助金额、已拨付和已退回"
          labelWidth={70}
          valueWidth={120}
          rows={[
            { key: "awarded", label: "资助金额", value: t.awardedFen, valueLabel: formatFen(t.awardedFen) },
            { key: "paid", label: "已拨付", value: t.paidFen, valueLabel: formatFen(t.paidFen), color: "#16a34a" },
            {
              key: "returned",
              label: "已退回",
              value: t.returnedFen,
              valueLabel: formatFen(t.returnedFen),
              color: "#dc2626",
            },
          ]}
        />
        <BarChart
          title="受益人数：计划与实际"
          labelWidth={70}
          valueWidth={120}
          rows={[
            {
              key: "planned",
              label: "计划受益",
              value: t.peoplePlanned,
              valueLabel: `${formatCount(t.peoplePlanned)} 人`,
            },
            {
              key: "served",
              label: "已服务",
              value: t.peopleServed,
              valueLabel: `${formatCount(t.peopleServed)} 人次`,
              color: "#16a34a",
            },
          ]}
        />
      </div>
    </SectionCard>
  );
}

export function GradeSection({ t }: { t: StatsTotals }) {
  const grades = gradeRows(t);
  return (
    <SectionCard id="grades" title="终期评估等级分布">
      <BarChart title="终期评估等级分布" rows={grades} valueWidth={50} />
      <DataTable
        className="mt-3"
        label="终期评估等级分布"
        rows={grades}
        rowKey={(g) => g.key}
        rowProps={(g) => ({ "data-testid": `grade-count-${g.key}` })}
        columns={[
          { header: "等级", primary: true, cell: (g) => g.label },
          { header: "项目数", cell: (g) => g.value },
        ]}
      />
    </SectionCard>
  );
}

type Group = StatsTotals & { name: string };

export function GroupSection({ id, title, groups }: { id: string; title: string; groups: Group[] }) {
  return (
    <SectionCard id={id} title={title}>
      {groups.length === 0 ? (
        <EmptyState>暂无数据。</EmptyState>
      ) : (
        <>
          <BarChart
            title={`${title}资助金额`}
            labelWidth={120}
            valueWidth={110}
            rows={groups.map((g) => ({
              key: g.name,
              label: g.name,
              value: g.awardedFen,
              valueLabel: formatFen(g.awardedFen),
            }))}
          />
          <DataTable
            className="mt-3"
            label={title}
            rows={groups}
            rowKey={(g) => g.name}
            columns={[
              { header: "名称", primary: true, cell: (g) => g.name },
              { header: "项目数", cell: (g) => g.projects },
              { header: "资助金额", className: "whitespace-nowrap", cell: (g) => formatFen(g.awardedFen) },
              { header: "已拨付", className: "whitespace-nowrap", cell: (g) => formatFen(g.paidFen) },
              { header: "已退回", className: "whitespace-nowrap", cell: (g) => formatFen(g.returnedFen) },
              { header: "计划受益 / 已服务", cell: (g) => `${g.peoplePlanned} / ${g.peopleServed}` },
              { header: "报告按时", cell: (g) => (onTimePct(g) === null ? "—" : `${onTimePct(g)}%`) },
            ]}
          />
        </>
      )}
    </SectionCard>
  );
}
