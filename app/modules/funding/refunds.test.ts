import { describe, expect, it } from "vitest";
import { clawbackProblem, outstandingFen, receiptProblem, refundTotals, settlesRefund } from "./refunds";

const refund = (over: Partial<Parameters<typeof outstandingFen>[0]> = {}) => ({
  kind: "CLAWBACK",
  amountFen: 5_000_000,
  receivedFen: 0,
  status: "OUTSTANDING",
  ...over,
});

describe("clawback arithmetic", () => {
  it("allows 0 up to what was paid, in whole 分", () => {
    expect(clawbackProblem(0, 100)).toBeNull();
    expect(clawbackProblem(100, 100)).toBeNull();
    expect(clawbackProblem(101, 100)).toBe("追回金额不能超过已拨付的 ¥1.00");
    expect(clawbackProblem(-1, 100)).toContain("不小于 0");
    expect(clawbackProblem(1.5, 100)).toContain("不小于 0");
  });

  it("tracks part payments until the last 分 settles it", () => {
    const r = refund({ receivedFen: 2_000_000 });
    expect(outstandingFen(r)).toBe(3_000_000);
    expect(receiptProblem(3_000_001, r)).toBe("收款金额不能超过尚欠的 ¥30,000.00");
    expect(receiptProblem(0, r)).toBe("收款金额须大于 0");
    expect(receiptProblem(1_000_000, r)).toBeNull();
    expect(settlesRefund(1_000_000, r)).toBe(false);
    expect(settlesRefund(3_000_000, r)).toBe(true);
    expect(receiptProblem(1, refund({ status: "RECEIVED", receivedFen: 5_000_000 }))).toContain("已结清");
  });

  it("totals owed, received, outstanding and written off", () => {
    const totals = refundTotals([
      refund({ receivedFen: 2_000_000 }),
      refund({ kind: "LEFTOVER", amountFen: 30_000, receivedFen: 30_000, status: "RECEIVED" }),
      refund({ amountFen: 100_000, receivedFen: 40_000, status: "WAIVED" }),
    ]);
    expect(totals).toEqual({
      dueFen: 5_000_000 + 30_000 + 40_000,
      receivedFen: 2_000_000 + 30_000 + 40_000,
      outstandingFen: 3_000_000,
      waivedFen: 60_000,
    });
    // what is owed always equals received + outstanding: the ledger ties out
    expect(totals.dueFen).toBe(totals.receivedFen + totals.outstandingFen);
  });
});
