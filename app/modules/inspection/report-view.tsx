// Read-only display of a filed annual report, for staff and for the organization
// once the report is no longer editable.
import { formatFen } from "~/utils/format";
import {
  BALANCE_LINES,
  COUNT_LABELS,
  EXPENSE_LINES,
  INCOME_LINES,
  REPORT_SECTIONS,
  TEXT_LABELS,
  checkFinance,
  type MoneyField,
  type ReportData,
} from "./report-form";

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-gray-500">{label}</dt>
      <dd className="whitespace-pre-wrap text-gray-900">{value}</dd>
    </div>
  );
}

const text = (data: ReportData, key: string) => (data[key] == null || data[key] === "" ? "—" : String(data[key]));
const money = (data: ReportData, key: string) => (typeof data[key] === "number" ? formatFen(data[key] as number) : "—");

export function ReportView({ data, simplified }: { data: ReportData; simplified: boolean }) {
  const financeErrors = checkFinance(data as Partial<Record<MoneyField, number>>);
  const titles = Object.fromEntries(REPORT_SECTIONS.map((s) => [s.key, s.title]));
  const optional = (key: string) =>
    simplified && !REPORT_SECTIONS.find((s) => s.key === key)?.inSimplified ? "（简化年检，选填）" : "";
  return (
    <div className="space-y-6 text-sm">
      <section>
        <h3 className="mb-2 font-medium">
          {titles.activities}
          {optional("activities")}
        </h3>
        <dl className="divide-y divide-gray-100">
          <Row label={TEXT_LABELS.activitiesSummary} value={text(data, "activitiesSummary")} />
          <Row label={TEXT_LABELS.charterCompliance} value={text(data, "charterCompliance")} />
        </dl>
      </section>
      <section>
        <h3 className="mb-2 font-medium">
          {titles.changes}
          {optional("changes")}
        </h3>
        <dl className="divide-y divide-gray-100">
          <Row label={TEXT_LABELS.personnelChanges} value={text(data, "personnelChanges")} />
          <Row label={TEXT_LABELS.structureChanges} value={text(data, "structureChanges")} />
        </dl>
      </section>
      <section>
        <h3 className="mb-2 font-medium">
          {titles.people}
          {optional("people")}
        </h3>
        <dl className="divide-y divide-gray-100">
          <Row label={COUNT_LABELS.memberCount} value={text(data, "memberCount")} />
          <Row label={COUNT_LABELS.staffCount} value={text(data, "staffCount")} />
          <Row label={COUNT_LABELS.volunteerCount} value={text(data, "volunteerCount")} />
        </dl>
      </section>
      <section>
        <h3 className="mb-2 font-medium">
          {titles.party}
          {optional("party")}
        </h3>
        <dl className="divide-y divide-gray-100">
          <Row label={TEXT_LABELS.partyOrgStatus} value={text(data, "partyOrgStatus")} />
          <Row label={COUNT_LABELS.partyMemberCount} value={text(data, "partyMemberCount")} />
          <Row label={TEXT_LABELS.partyActivities} value={text(data, "partyActivities")} />
        </dl>
      </section>
      <section>
        <h3 className="mb-2 font-medium">{titles.finance}</h3>
        <table className="table-basic">
          <tbody className="divide-y divide-gray-100">
            {[
              ...INCOME_LINES,
              ["incomeTotal", "收入合计"] as const,
              ...EXPENSE_LINES,
              ["expenseTotal", "费用合计"] as const,
              ...BALANCE_LINES,
            ].map(([key, label]) => (
              <tr key={key}>
                <th scope="row" className={`text-left font-normal ${key.endsWith("Total") ? "font-medium" : "pl-6"}`}>
                  {label}
                </th>
                <td className="text-right tabular-nums">{money(data, key)}</td>
                <td className="text-red-600">{financeErrors[key as MoneyField] ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {data.rectificationReport ? (
        <section>
          <h3 className="mb-2 font-medium">整改情况报告</h3>
          <p className="whitespace-pre-wrap">{String(data.rectificationReport)}</p>
        </section>
      ) : null}
    </div>
  );
}
