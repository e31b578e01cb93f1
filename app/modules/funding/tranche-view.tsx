// The tranche table both sides see: amount, gate (met, or why not), due date with the
// overdue flag, and the payment record. Staff's forms sit under it on their own page.
import { DataTable } from "~/components/data-table";
import { Badge, StatusBadge, type BadgeTone } from "~/components/status-badge";
import { formatDate, formatFen } from "~/utils/format";
import type { TrancheRow } from "./tranche-rules";
import { trancheWorkflow, type TrancheState } from "./tranche-workflow";

export const TRANCHE_TONES: Partial<Record<TrancheState, BadgeTone>> = {
  PLANNED: "neutral",
  PAYABLE: "info",
  WITHHELD: "warning",
  PAID: "success",
  STOPPED: "danger",
};

/** What the table shows of a TrancheRow (dates arrive from loaders as strings). */
type Row = Pick<
  TrancheRow,
  "id" | "position" | "percent" | "amountFen" | "status" | "triggerLabel" | "gateProblem" | "overdue"
> &
  Pick<TrancheRow, "voucherNo" | "receivingAccount" | "holdReason"> & {
    dueAt: string | Date | null;
    paidAt: string | Date | null;
    gateMet: string | Date | null;
  };

export function TrancheStatusBadge({ status }: { status: string }) {
  return <StatusBadge workflow={trancheWorkflow} state={status} tones={TRANCHE_TONES} />;
}

export function OverdueBadge() {
  return (
    <Badge tone="solid-danger" testId="tranche-overdue">
      已逾期
    </Badge>
  );
}

export function TrancheTable({ rows }: { rows: Row[] }) {
  return (
    <DataTable
      label="拨付计划与拨付记录"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-tranche": String(r.position) })}
      columns={[
        { header: "批次", primary: true, cell: (r) => `第 ${r.position} 笔（${r.percent}%）` },
        { header: "金额", className: "whitespace-nowrap", cell: (r) => formatFen(r.amountFen) },
        { header: "拨付条件", cell: (r) => r.triggerLabel },
        {
          header: "条件是否达成",
          cell: (r) =>
            r.gateMet ? (
              <span>已于 {formatDate(r.gateMet)} 达成</span>
            ) : (
              <span className="text-amber-900">{r.gateProblem}</span>
            ),
        },
        { header: "状态", cell: (r) => <TrancheStatusBadge status={r.status} /> },
        {
          header: "应拨付日期",
          className: "whitespace-nowrap",
          cell: (r) =>
            r.dueAt ? (
              <span className="inline-flex flex-wrap items-center gap-1">
                {formatDate(r.dueAt)}
                {r.overdue ? <OverdueBadge /> : null}
              </span>
            ) : (
              "—"
            ),
        },
        {
          header: "拨付记录",
          cell: (r) =>
            r.status === "PAID" ? (
              <span>
                {formatDate(r.paidAt)} · 凭证号 {r.voucherNo}
                <br />
                <span className="text-gray-600">{r.receivingAccount}</span>
              </span>
            ) : r.holdReason ? (
              <span className="text-gray-700">理由：{r.holdReason}</span>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
