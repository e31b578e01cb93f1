// The money of one call (资金台账), computed from its records and nothing else: the pool,
// the funded projects' awards and tranches, and the refunds. Pure, so the tie-out can
// be proved (ledger.test.ts). Decision 016 explains the figures.
//
//   awarded    = Σ award of the call's projects, except WITHDRAWN (a withdrawn award
//                returns to the pool; it is shown apart as `withdrawn`)
//   signed     = Σ award of those projects that have been countersigned (signedAt)
//   planned / payable / withheld / paid
//              = Σ tranches in that state, of projects still running
//   stopped    = Σ tranches that will never be paid: STOPPED ones, and any unpaid
//                tranche of a TERMINATED or CLOSED project (released to the pool)
//   returned   = Σ received on refunds (clawbacks, leftover funds)
//   outstanding= Σ still owed on OUTSTANDING refunds (not yet money in hand)
//   committed  = planned + payable + withheld (promised, not yet paid)
//   available  = pool − awarded + stopped + returned
//
// It ties out:  awarded   = committed + paid + stopped
//               pool      = available + committed + (paid − returned)
//               expected  = available + outstanding (once every refund is received)
export type LedgerTranche = { amountFen: number; status: string };
export type LedgerRefund = { amountFen: number; receivedFen: number; status: string };
export type LedgerProject = {
  status: string;
  awardFen: number;
  signedAt: Date | string | null;
  tranches: LedgerTranche[];
  refunds: LedgerRefund[];
};

export type CallLedger = {
  pool: number;
  awarded: number;
  withdrawn: number;
  signed: number;
  planned: number;
  payable: number;
  withheld: number;
  paid: number;
  stopped: number;
  returned: number;
  outstanding: number;
  committed: number;
  available: number;
  /** available once the outstanding refunds are received */
  expected: number;
  projects: number;
};

/** Projects whose unpaid tranches will never be paid. */
const ENDED_STATES = new Set<string>(["TERMINATED", "CLOSED"]);

export function callLedger(poolFen: number | bigint, projects: LedgerProject[]): CallLedger {
  const l = {
    pool: Number(poolFen),
    awarded: 0,
    withdrawn: 0,
    signed: 0,
    planned: 0,
    payable: 0,
    withheld: 0,
    paid: 0,
    stopped: 0,
    returned: 0,
    outstanding: 0,
    projects: 0,
  };
  for (const p of projects) {
    for (const r of p.refunds) {
      l.returned += r.receivedFen;
      if (r.status === "OUTSTANDING") l.outstanding += Math.max(0, r.amountFen - r.receivedFen);
    }
    if (p.status === "WITHDRAWN") {
      l.withdrawn += p.awardFen;
      continue;
    }
    l.projects += 1;
    l.awarded += p.awardFen;
    if (p.signedAt) l.signed += p.awardFen;
    const ended = ENDED_STATES.has(p.status);
    for (const t of p.tranches) {
      if (t.status === "PAID") l.paid += t.amountFen;
      else if (t.status === "STOPPED" || ended) l.stopped += t.amountFen;
      else if (t.status === "PAYABLE") l.payable += t.amountFen;
      else if (t.status === "WITHHELD") l.withheld += t.amountFen;
      else l.planned += t.amountFen;
    }
  }
  const committed = l.planned + l.payable + l.withheld;
  const available = l.pool - l.awarded + l.stopped + l.returned;
  return { ...l, committed, available, expected: available + l.outstanding };
}

/** The two identities every ledger must satisfy; a list of what fails (empty when it ties out). */
export function ledgerProblems(l: CallLedger): string[] {
  const problems: string[] = [];
  if (l.awarded !== l.committed + l.paid + l.stopped) problems.push("立项金额 ≠ 待拨 + 已拨 + 停拨");
  if (l.pool !== l.available + l.committed + l.paid - l.returned) problems.push("资金池 ≠ 可用 + 待拨 + 净拨付");
  return problems;
}

/** The ledger lines in display order (label, figure, what it means), shared by the page, the chart and Excel. */
export function ledgerLines(l: CallLedger) {
  return [
    { key: "pool", label: "资金池", value: l.pool, note: "本期活动的资助总额" },
    { key: "awarded", label: "立项资助", value: l.awarded, note: "已确认立项且未撤销的项目资助额" },
    { key: "signed", label: "已签约", value: l.signed, note: "已双方签订协议的项目资助额" },
    { key: "paid", label: "已拨付", value: l.paid, note: "已登记拨付的款项" },
    { key: "committed", label: "待拨付", value: l.committed, note: "尚未拨付的款项（含待达成条件、待拨付、暂缓）" },
    { key: "withheld", label: "其中暂缓拨付", value: l.withheld, note: "暂缓拨付的款项" },
    { key: "stopped", label: "停止拨付", value: l.stopped, note: "停止拨付或项目终止后不再拨付，回到资金池" },
    { key: "returned", label: "已退回", value: l.returned, note: "已收到的追回和结余退回款" },
    { key: "outstanding", label: "待退回", value: l.outstanding, note: "应退回尚未收到的款项" },
    { key: "available", label: "可用余额", value: l.available, note: "资金池 − 立项资助 + 停止拨付 + 已退回" },
  ] as const;
}
