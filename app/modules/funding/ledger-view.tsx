// The call's ledger on the staff call page: a bar chart to look at, a table to read, and
// the Excel disbursement register to take away.
import { Link } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { Notice } from "~/components/notice";
import { ScrollBox } from "~/components/scroll-box";
import { SectionCard } from "~/components/section-card";
import { formatFen } from "~/utils/format";

type Line = { key: string; label: string; value: number; note: string };

/** The lines drawn as bars (the rest are parts of these and stay in the table). */
const CHARTED = new Set(["pool", "awarded", "signed", "paid", "committed", "returned", "available"]);
const COLORS: Record<string, string> = { pool: "#4b5563", available: "#15803d", returned: "#0f766e" };

export function CallLedgerSection({
  callId,
  lines,
  problems,
  projects,
}: {
  callId: string;
  lines: readonly Line[];
  problems: string[];
  projects: number;
}) {
  return (
    <SectionCard id="ledger" title="资金台账" className="space-y-4">
      <p className="text-sm text-gray-600">
        按立项项目、拨付记录和退回款实时计算。可用余额 = 资金池 − 立项资助 + 停止拨付 + 已退回；撤销的资助回到资金池。
      </p>
      {problems.length > 0 ? <Notice tone="error">台账不平：{problems.join("；")}</Notice> : null}
      <div className="flex flex-wrap items-start gap-6">
        <BarChart
          title="资金台账（元）"
          labelWidth={80}
          plotWidth={300}
          valueWidth={130}
          className="h-auto w-full max-w-lg"
          rows={lines
            .filter((l) => CHARTED.has(l.key))
            .map((l) => ({
              key: l.key,
              label: l.label,
              value: l.value,
              valueLabel: formatFen(l.value),
              color: COLORS[l.key],
            }))}
        />
        <ScrollBox label="资金台账">
          <table className="table-basic" data-testid="call-ledger">
            <caption className="sr-only">资金台账</caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">金额</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.key} data-line={l.key}>
                  <th scope="row" className="whitespace-nowrap font-normal">
                    {l.label}
                  </th>
                  <td className="whitespace-nowrap text-right tabular-nums">{formatFen(l.value)}</td>
                  <td className="text-gray-600">{l.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </div>
      <p className="flex flex-wrap gap-4 text-sm">
        <Link to={`/admin/grants/${callId}/projects`} className="link">
          立项项目（{projects} 个）
        </Link>
        <a href={`/admin/grants/${callId}/disbursements`} className="link" download>
          导出拨付登记簿（Excel）
        </a>
      </p>
    </SectionCard>
  );
}
