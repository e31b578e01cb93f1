// "Computed from the record": the project's own figures shown beside the experts' scores on the
// scoring page and the staff's evaluation page. Dates arrive as strings after the loader.
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { formatDate, formatFen } from "~/utils/format";
import { ATTAINMENT_LEVEL_LABELS, BUDGET_LEVEL_LABELS, type RecordItems } from "./record-items";

type Serialized = Omit<RecordItems, "reports"> & {
  reports: Omit<RecordItems["reports"], "late"> & {
    late: { sequence: number; kind: string; dueAt: string | Date; submittedAt: string | Date | null }[];
  };
};

const CATEGORY_LABELS: Record<string, string> = {
  PERSONNEL: "人员费用",
  SOCIAL_WORK: "社工服务费",
  ACTIVITY: "活动费用",
  MATERIALS: "物资费用",
  PUBLICITY: "宣传费用",
  OVERHEAD: "管理费用",
  OTHER: "其他",
};

export function RecordItemsView({ items, id = "record-items" }: { items: Serialized; id?: string }) {
  const { kpi, reports, budget, overhead } = items;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="record-items">
      <h2 id={`${id}-heading`} className="mb-1 text-base font-semibold text-gray-900">
        据项目记录计算
      </h2>
      <p className="mb-3 text-xs text-gray-500">由系统根据项目报告、支出和预算调整记录计算，供评分参考。</p>
      <DescriptionList>
        <DescriptionItem label="绩效指标完成率">
          {kpi.pct === null ? "暂无可计算的指标" : `${kpi.pct}%（${ATTAINMENT_LEVEL_LABELS[kpi.level ?? 3]}）`}
          {kpi.kpis.length ? (
            <ul className="mt-1 list-disc pl-4 text-xs text-gray-600">
              {kpi.kpis.map((k) => (
                <li key={k.name}>
                  {k.name}：{k.actual ?? "—"} / {k.target ?? "—"}
                  {k.unit ?? ""}
                  {k.pct !== null ? `（${k.pct}%）` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </DescriptionItem>
        <DescriptionItem label="报告按时提交">
          {reports.due === 0 ? "尚无到期的报告" : `${reports.onTime} / ${reports.due} 期按时提交`}
          {reports.late.length ? (
            <ul className="mt-1 list-disc pl-4 text-xs text-amber-800">
              {reports.late.map((r) => (
                <li key={r.sequence}>
                  第 {r.sequence} 期应于 {formatDate(r.dueAt)} 提交，
                  {r.submittedAt ? `${formatDate(r.submittedAt)} 提交（逾期）` : "未提交"}
                </li>
              ))}
            </ul>
          ) : null}
        </DescriptionItem>
        <DescriptionItem label="预算执行偏差">
          {budget.deviationPct}%（{BUDGET_LEVEL_LABELS[budget.level]}）
          {budget.unapproved.length ? (
            <ul className="mt-1 list-disc pl-4 text-xs text-red-700">
              {budget.unapproved.map((u) => (
                <li key={u.category}>
                  {CATEGORY_LABELS[u.category] ?? u.category}：核定 {formatFen(u.revisedFen)}，实际支出{" "}
                  {formatFen(u.spentFen)}，未经批准超支
                </li>
              ))}
            </ul>
          ) : (
            <span className="block text-xs text-gray-500">未经批准的预算调整：0 项</span>
          )}
        </DescriptionItem>
        <DescriptionItem label="管理费用占比">
          {overhead.pct === null
            ? "尚无支出记录"
            : `${overhead.pct}%（${formatFen(overhead.overheadFen)} / ${formatFen(overhead.spentFen)}），上限 ${overhead.capPct}%`}
          {overhead.over ? <span className="block text-xs text-red-700">超过活动规定的管理费用上限</span> : null}
        </DescriptionItem>
      </DescriptionList>
    </section>
  );
}
