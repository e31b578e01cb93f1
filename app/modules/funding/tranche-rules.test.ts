import { describe, expect, test } from "vitest";
import { canRecordGate, isTrancheOverdue, paymentProblem, trancheRows, trancheTotals } from "./tranche-rules";

const signed = new Date("2026-03-02T02:00:00Z");
const running = { status: "IN_DELIVERY", signedAt: signed, midtermPassedAt: null, finalPassedAt: null };

function tranche(position: number, trigger: string, status: string, dueAt: Date | null = null) {
  return {
    id: `t${position}`,
    position,
    percent: 50,
    amountFen: 10_000 * position,
    trigger,
    status,
    gateMetAt: null,
    dueAt,
    paidAt: null,
    voucherNo: null,
    receivingAccount: null,
    holdReason: null,
  };
}

describe("paymentProblem", () => {
  test("the gate comes first: a mid-term tranche before the mid-term pass is refused with the gate's reason", () => {
    expect(paymentProblem({ trigger: "MIDTERM_PASS", status: "PLANNED" }, running)).toBe(
      "拨付条件「中期评估合格后」尚未达成，不能拨付",
    );
  });

  test("a payable signing tranche of a running project may be paid", () => {
    expect(paymentProblem({ trigger: "SIGNING", status: "PAYABLE" }, running)).toBeNull();
  });

  test("the project's and the tranche's state refuse after the gate", () => {
    const payable = { trigger: "SIGNING", status: "PAYABLE" };
    expect(paymentProblem(payable, { ...running, status: "SUSPENDED" })).toBe("项目已暂停拨付，恢复后才能拨付");
    expect(paymentProblem(payable, { ...running, status: "TERMINATED" })).toBe("项目已终止，不能再拨付");
    expect(paymentProblem({ ...payable, status: "PAID" }, running)).toBe("该笔款项已登记拨付");
    expect(paymentProblem({ ...payable, status: "WITHHELD" }, running)).toBe("该笔款项暂缓拨付，请先恢复拨付");
    expect(paymentProblem({ ...payable, status: "STOPPED" }, running)).toBe("该笔款项已停止拨付");
  });

  test("an unsigned project cannot pay even its signing tranche", () => {
    const unsigned = { ...running, status: "AWAITING_SIGNATURE", signedAt: null };
    expect(paymentProblem({ trigger: "SIGNING", status: "PAYABLE" }, unsigned)).toBe(
      "拨付条件「协议签订后」尚未达成，不能拨付",
    );
  });
});

describe("overdue and the by-hand gate", () => {
  const now = new Date("2026-04-01T02:00:00Z");
  test("only a payable tranche past its due date is overdue", () => {
    expect(isTrancheOverdue({ status: "PAYABLE", dueAt: new Date("2026-03-23T15:59:59.999Z") }, now)).toBe(true);
    expect(isTrancheOverdue({ status: "PAYABLE", dueAt: new Date("2026-04-23T15:59:59.999Z") }, now)).toBe(false);
    expect(isTrancheOverdue({ status: "WITHHELD", dueAt: new Date("2026-03-23T15:59:59.999Z") }, now)).toBe(false);
    expect(isTrancheOverdue({ status: "PAID", dueAt: new Date("2026-03-23T15:59:59.999Z") }, now)).toBe(false);
  });

  test("staff may record mid-term and final gates of a signed project, never the signing gate of an unsigned one", () => {
    expect(canRecordGate({ trigger: "MIDTERM_PASS", status: "PLANNED" }, running)).toBe(true);
    expect(canRecordGate({ trigger: "MIDTERM_PASS", status: "PAYABLE" }, running)).toBe(false);
    expect(canRecordGate({ trigger: "SIGNING", status: "PLANNED" }, { ...running, signedAt: null })).toBe(false);
    expect(
      canRecordGate({ trigger: "FINAL_EVALUATION", status: "PLANNED" }, { ...running, status: "TERMINATED" }),
    ).toBe(false);
  });

  test("rows carry the gate, overdue flag and the moves staff may take", () => {
    const rows = trancheRows(
      [
        tranche(1, "SIGNING", "PAYABLE", new Date("2026-03-23T15:59:59.999Z")),
        tranche(2, "MIDTERM_PASS", "PLANNED"),
        tranche(3, "FINAL_EVALUATION", "WITHHELD"),
      ],
      running,
      now,
    );
    expect(rows[0]).toMatchObject({ overdue: true, gateProblem: null, paymentProblem: null, gateMet: signed });
    expect(rows[0]!.moves.map((m) => m.to)).toEqual(["WITHHELD", "STOPPED"]);
    expect(rows[1]).toMatchObject({ overdue: false, canRecordGate: true, triggerLabel: "中期评估合格后" });
    expect(rows[1]!.moves.map((m) => m.to)).toEqual(["STOPPED"]);
    expect(rows[2]!.moves.map((m) => m.to)).toEqual(["PAYABLE", "STOPPED"]);
    const ended = trancheRows([tranche(1, "SIGNING", "PAYABLE")], { ...running, status: "CLOSED" }, now);
    expect(ended[0]!.moves).toEqual([]);
  });

  test("totals split paid, still to pay and stopped", () => {
    expect(
      trancheTotals([
        { amountFen: 5, status: "PAID" },
        { amountFen: 3, status: "PAYABLE" },
        { amountFen: 2, status: "STOPPED" },
        { amountFen: 1, status: "PLANNED" },
      ]),
    ).toEqual({ paid: 5, toPay: 4, stopped: 2 });
  });
});
