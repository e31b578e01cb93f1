// What both sides see on a project's 结项 tab: the checklist, the money, and the
// refunds with their receipts.
import { Link } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { SectionCard } from "~/components/section-card";
import { StatusBadge, type BadgeTone } from "~/components/status-badge";
import { formatDate, formatFen } from "~/utils/format";
import type { ChecklistItem } from "./closing";
import { refundWorkflow, type RefundState } from "./refund-workflow";
import { outstandingFen, REFUND_KIND_LABELS } from "./refunds";

const REFUND_TONES: Partial<Record<RefundState, BadgeTone>> = {
  OUTSTANDING: "warning",
  RECEIVED: "success",
  WAIVED: "neutral",
};

/** A closed project's record: its date, its certificate and the closing summary. */
export function ClosedRecordCard({
  record,
  certificateHref,
}: {
  record: { closedAt: Date | string | null; closingSummary: string | null };
  certificateHref: string;
}) {
  return (
    <SectionCard id="closed" title="已结项">
      <DescriptionList>
        <DescriptionItem label="结项日期">{formatDate(record.closedAt)}</DescriptionItem>
        <DescriptionItem label="结项证书">
          <Link to={certificateHref} className="link">
            查看并打印结项证书
          </Link>
        </DescriptionItem>
        <DescriptionItem label="结项总结" wide multiline>
          {record.closingSummary}
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

export function ClosingChecklist({ items }: { items: ChecklistItem[] }) {
  return (
    <SectionCard id="checklist" title="结项条件">
      <ul className="space-y-2 text-sm" data-testid="closing-checklist">
        {items.map((item) => (
          <li key={item.key} className="flex gap-2" data-testid={`check-${item.key}`}>
            <span aria-hidden="true" className={item.ok ? "text-brand-700" : "text-red-700"}>
              {item.ok ? "✓" : "✗"}
            </span>
            <span>
              <strong className="font-medium">{item.label}</strong>
              <span className="sr-only">{item.ok ? "（已满足）" : "（未满足）"}</span>
              <span className="ml-2 text-gray-600">{item.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

export function ClosingMoney({
  awardFen,
  paidFen,
  spentFen,
  leftoverFen,
}: {
  awardFen: number;
  paidFen: number;
  spentFen: number;
  leftoverFen: number;
}) {
  return (
    <SectionCard id="closing-money" title="资金情况">
      <DescriptionList>
        <DescriptionItem label="资助金额">{formatFen(awardFen)}</DescriptionItem>
        <DescriptionItem label="已拨付">{formatFen(paidFen)}</DescriptionItem>
        <DescriptionItem label="已登记支出">{formatFen(spentFen)}</DescriptionItem>
        <DescriptionItem label="结余资金（已拨付 − 已登记支出）">{formatFen(leftoverFen)}</DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

export type RefundRow = {
  id: string;
  kind: string;
  amountFen: number;
  receivedFen: number;
  status: string;
  reason: string;
  dueAt: Date | string | null;
  receipts: Array<{ id: string; receivedOn: Date | string; amountFen: number; voucherNo: string }>;
};

export function RefundsTable({ refunds }: { refunds: RefundRow[] }) {
  if (refunds.length === 0) return <EmptyState>没有应退回的款项。</EmptyState>;
  return (
    <DataTable
      label="应退款项"
      rows={refunds}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": `refund-${r.kind}` })}
      columns={[
        { header: "类别", primary: true, cell: (r) => REFUND_KIND_LABELS[r.kind] ?? r.kind },
        { header: "原因", cell: (r) => r.reason },
        { header: "应退金额", className: "text-right tabular-nums", cell: (r) => formatFen(r.amountFen) },
        { header: "已退回", className: "text-right tabular-nums", cell: (r) => formatFen(r.receivedFen) },
        {
          header: "尚欠",
          className: "text-right tabular-nums",
          cell: (r) => <span data-testid="refund-outstanding">{formatFen(outstandingFen(r))}</span>,
        },
        { header: "退回期限", cell: (r) => formatDate(r.dueAt) },
        {
          header: "状态",
          cell: (r) => <StatusBadge workflow={refundWorkflow} state={r.status} tones={REFUND_TONES} />,
        },
        {
          header: "收款记录",
          cell: (r) =>
            r.receipts.length === 0 ? (
              "—"
            ) : (
              <ul className="space-y-0.5">
                {r.receipts.map((x) => (
                  <li key={x.id}>
                    {formatDate(x.receivedOn)} {formatFen(x.amountFen)}（{x.voucherNo}）
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
