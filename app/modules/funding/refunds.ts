// Money owed back by a project (GrantRefund): a clawback when it is terminated,
// leftover funds at closing. Pure arithmetic, in 分; the ledger and the forms use it.
import { formatFen } from "~/utils/format";

export type RefundFacts = { kind: string; amountFen: number; receivedFen: number; status: string };

export const REFUND_KIND_LABELS: Record<string, string> = { CLAWBACK: "终止追回", LEFTOVER: "结余退回" };

/** Why a clawback cannot be recorded, or null: it is whole 分, not negative and at most what was paid. */
export function clawbackProblem(clawbackFen: number, paidFen: number) {
  if (!Number.isInteger(clawbackFen) || clawbackFen < 0) return "追回金额须为不小于 0 的金额";
  if (clawbackFen > paidFen) return `追回金额不能超过已拨付的 ${formatFen(paidFen)}`;
  return null;
}

/**
 * Projects whose paid money staff may still claw back after they ended: a terminated one (a
 * final 不合格 ends the project without a clawback, decision 026; a termination may have asked
 * for less than it later proves owed). A closed project's money is settled by closing.
 */
export function mayClawBackAfterEnd(projectStatus: string) {
  return projectStatus === "TERMINATED";
}

/** Paid money not yet asked back by any refund (a write-off gives back only its unreceived part). */
export function clawbackRoomFen(paidFen: number, refunds: RefundFacts[]) {
  return Math.max(0, paidFen - refundTotals(refunds).dueFen);
}

/** Why a clawback of `clawbackFen` on an ended project cannot be asked for, or null: above 0 and within the room. */
export function laterClawbackProblem(clawbackFen: number, paidFen: number, refunds: RefundFacts[]) {
  if (!Number.isInteger(clawbackFen) || clawbackFen <= 0) return "追回金额须大于 0";
  const roomFen = clawbackRoomFen(paidFen, refunds);
  if (clawbackFen <= roomFen) return null;
  if (roomFen === paidFen) return `追回金额不能超过已拨付的 ${formatFen(paidFen)}`;
  return `追回金额不能超过尚可追回的 ${formatFen(roomFen)}（已拨付 ${formatFen(paidFen)}，已要求退回 ${formatFen(paidFen - roomFen)}）`;
}

/** What is still owed: nothing once received or waived. */
export function outstandingFen(refund: RefundFacts) {
  if (refund.status !== "OUTSTANDING") return 0;
  return Math.max(0, refund.amountFen - refund.receivedFen);
}

/** Why a receipt of `amountFen` cannot be recorded against the refund, or null. */
export function receiptProblem(amountFen: number, refund: RefundFacts) {
  if (refund.status !== "OUTSTANDING") return "该款项已结清，不能再登记收款";
  if (!Number.isInteger(amountFen) || amountFen <= 0) return "收款金额须大于 0";
  const owed = outstandingFen(refund);
  if (amountFen > owed) return `收款金额不能超过尚欠的 ${formatFen(owed)}`;
  return null;
}

/** Whether a receipt of `amountFen` settles the refund (the last 分 arrived). */
export function settlesRefund(amountFen: number, refund: RefundFacts) {
  return refund.receivedFen + amountFen >= refund.amountFen;
}

/** Totals over refunds: owed (not waived), received, outstanding, waived. */
export function refundTotals(refunds: RefundFacts[]) {
  let dueFen = 0;
  let receivedFen = 0;
  let outstanding = 0;
  let waivedFen = 0;
  for (const r of refunds) {
    receivedFen += r.receivedFen;
    if (r.status === "WAIVED") {
      waivedFen += r.amountFen - r.receivedFen;
      dueFen += r.receivedFen;
      continue;
    }
    dueFen += r.amountFen;
    outstanding += outstandingFen(r);
  }
  return { dueFen, receivedFen, outstandingFen: outstanding, waivedFen };
}
