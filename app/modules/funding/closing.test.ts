import { describe, expect, it } from "vitest";
import { closingChecklist, leftoverFenOf, type ClosingFacts } from "./closing";

const ready: ClosingFacts = {
  finalGrade: "良好",
  finalReportStatus: "ACCEPTED",
  tranches: [
    { position: 1, status: "PAID" },
    { position: 2, status: "PAID" },
    { position: 3, status: "STOPPED" },
  ],
  paidFen: 100_000,
  spentFen: 100_000,
  leftoverRefunds: [],
  leftoverNote: null,
};
const failing = (facts: Partial<ClosingFacts>) =>
  closingChecklist({ ...ready, ...facts })
    .items.filter((i) => !i.ok)
    .map((i) => i.key);

describe("closingChecklist", () => {
  it("is ready when all four hold", () => {
    expect(closingChecklist(ready).ready).toBe(true);
  });

  it("needs a final grade of 合格 or better", () => {
    expect(failing({ finalGrade: "合格" })).toEqual([]);
    expect(failing({ finalGrade: "不合格" })).toEqual(["grade"]);
    expect(failing({ finalGrade: null })).toEqual(["grade"]);
  });

  it("needs the final report accepted", () => {
    expect(failing({ finalReportStatus: "SUBMITTED" })).toEqual(["report"]);
    expect(failing({ finalReportStatus: null })).toEqual(["report"]);
  });

  it("needs every tranche paid or stopped, naming the open ones", () => {
    const r = closingChecklist({
      ...ready,
      tranches: [
        { position: 1, status: "PAID" },
        { position: 3, status: "PAYABLE" },
      ],
    });
    expect(r.ready).toBe(false);
    expect(r.items.find((i) => i.key === "tranches")?.detail).toBe("第 3 期尚未结清");
  });

  it("needs leftover funds returned in full or explained", () => {
    expect(leftoverFenOf(100_000, 120_000)).toBe(0);
    const leftover = { spentFen: 70_000 };
    expect(failing(leftover)).toEqual(["leftover"]);
    const refund = { kind: "LEFTOVER", amountFen: 30_000, receivedFen: 10_000, status: "OUTSTANDING" };
    const part = closingChecklist({ ...ready, ...leftover, leftoverRefunds: [refund] });
    expect(part.items[3]).toMatchObject({ ok: false, detail: "结余已退回 ¥100.00，尚欠 ¥200.00" });
    expect(failing({ ...leftover, leftoverRefunds: [{ ...refund, receivedFen: 30_000, status: "RECEIVED" }] })).toEqual(
      [],
    );
    expect(failing({ ...leftover, leftoverNote: "结余用于项目延续服务，经批准留用" })).toEqual([]);
  });
});
