import { describe, expect, it } from "vitest";
import {
  clawbackProblem,
  clawbackRoomFen,
  laterClawbackProblem,
  mayClawBackAfterEnd,
  outstandingFen,
  receiptProblem,
  refundTotals,
  settlesRefund,
} from "./refunds";

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

describe("a clawback after the project ended", () => {
  it("is open on a terminated project only", () => {
    expect(mayClawBackAfterEnd("TERMINATED")).toBe(true);
    for (const status of ["IN_DELIVERY", "RECTIFYING", "SUSPENDED", "CLOSED", "WITHDRAWN"])
      expect(mayClawBackAfterEnd(status)).toBe(false);
  });

  it("never asks back more than was paid, counting what is already asked back", () => {
    const paid = 6_000_000;
    expect(clawbackRoomFen(paid, [])).toBe(paid);
    expect(laterClawbackProblem(paid, paid, [])).toBeNull();
    expect(laterClawbackProblem(paid + 1, paid, [])).toBe("追回金额不能超过已拨付的 ¥60,000.00");
    expect(laterClawbackProblem(0, paid, [])).toBe("追回金额须大于 0");
    expect(laterClawbackProblem(10.5, paid, [])).toBe("追回金额须大于 0");

    // ¥20,000.00 clawed back at termination (half received) and a ¥500.00 leftover refund
    const asked = [
      refund({ amountFen: 2_000_000, receivedFen: 1_000_000 }),
      refund({ kind: "LEFTOVER", amountFen: 50_000 }),
    ];
    expect(clawbackRoomFen(paid, asked)).toBe(3_950_000);
    expect(laterClawbackProblem(3_950_000, paid, asked)).toBeNull();
    expect(laterClawbackProblem(3_950_001, paid, asked)).toBe(
      "追回金额不能超过尚可追回的 ¥39,500.00（已拨付 ¥60,000.00，已要求退回 ¥20,500.00）",
    );
  });

  it("gives back the unreceived part of a write-off, and nothing once all is asked back", () => {
    const waived = refund({ amountFen: 2_000_000, receivedFen: 500_000, status: "WAIVED" });
    expect(clawbackRoomFen(3_000_000, [waived])).toBe(2_500_000);
    expect(clawbackRoomFen(3_000_000, [refund({ amountFen: 3_000_000 })])).toBe(0);
    expect(laterClawbackProblem(1, 0, [])).toBe("追回金额不能超过已拨付的 ¥0.00");
  });
});
