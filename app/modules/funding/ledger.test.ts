import { describe, expect, test } from "vitest";
import { callLedger, ledgerProblems, type LedgerProject } from "./ledger";
import { splitTranches } from "./tranches";

const PLAN = [
  { percent: 50, trigger: "SIGNING" },
  { percent: 30, trigger: "MIDTERM_PASS" },
  { percent: 20, trigger: "FINAL_EVALUATION" },
];

/** A project of `awardFen` whose tranches are in `states` (in plan order). */
function project(awardFen: number, status: string, states: string[], refunds: LedgerProject["refunds"] = []) {
  const tranches = splitTranches(awardFen, PLAN).map((t, i) => ({ amountFen: t.amountFen, status: states[i]! }));
  const signedAt = status === "AWAITING_SIGNATURE" || status === "WITHDRAWN" ? null : new Date("2026-03-02");
  return { status, awardFen, signedAt, tranches, refunds };
}

describe("callLedger", () => {
  test("an empty call: everything is available", () => {
    const l = callLedger(200_000_000n, []);
    expect(l).toMatchObject({ pool: 200_000_000, awarded: 0, paid: 0, available: 200_000_000, expected: 200_000_000 });
    expect(ledgerProblems(l)).toEqual([]);
  });

  test("awarded, signed, paid and payable from the records; the remainder tranche counts exactly", () => {
    const l = callLedger(1_000_000, [
      project(300_001, "IN_DELIVERY", ["PAID", "PAYABLE", "PLANNED"]),
      project(200_000, "AWAITING_SIGNATURE", ["PLANNED", "PLANNED", "PLANNED"]),
    ]);
    expect(l).toMatchObject({
      awarded: 500_001,
      signed: 300_001,
      paid: 150_000,
      payable: 90_000,
      planned: 60_001 + 200_000,
      committed: 350_001,
      available: 499_999,
    });
    expect(ledgerProblems(l)).toEqual([]);
  });

  test("a withdrawn award returns to the pool and is shown apart", () => {
    const before = callLedger(1_000_000, [project(400_000, "AWAITING_SIGNATURE", ["PLANNED", "PLANNED", "PLANNED"])]);
    const after = callLedger(1_000_000, [project(400_000, "WITHDRAWN", ["PLANNED", "PLANNED", "PLANNED"])]);
    expect(before.available).toBe(600_000);
    expect(after).toMatchObject({ awarded: 0, withdrawn: 400_000, committed: 0, available: 1_000_000, projects: 0 });
    expect(ledgerProblems(before)).toEqual([]);
    expect(ledgerProblems(after)).toEqual([]);
  });

  test("withheld money stays committed; stopped money goes back to the pool", () => {
    const l = callLedger(1_000_000, [
      project(100_000, "SUSPENDED", ["PAID", "WITHHELD", "PLANNED"]),
      project(200_000, "IN_DELIVERY", ["PAID", "STOPPED", "STOPPED"]),
    ]);
    expect(l).toMatchObject({ withheld: 30_000, stopped: 100_000, paid: 150_000, committed: 50_000 });
    expect(l.available).toBe(1_000_000 - 300_000 + 100_000);
    expect(ledgerProblems(l)).toEqual([]);
  });

  test("a termination with a clawback: unpaid tranches released, the refund outstanding until received", () => {
    const owed = { amountFen: 80_000, receivedFen: 0, status: "OUTSTANDING" };
    const terminated = (refund: LedgerProject["refunds"][number]) =>
      callLedger(1_000_000, [project(200_000, "TERMINATED", ["PAID", "PAYABLE", "PLANNED"], [refund])]);
    const owing = terminated(owed);
    expect(owing).toMatchObject({ paid: 100_000, stopped: 100_000, returned: 0, outstanding: 80_000 });
    expect(owing.available).toBe(900_000);
    expect(owing.expected).toBe(980_000);
    const partly = terminated({ ...owed, receivedFen: 30_000 });
    expect(partly).toMatchObject({ returned: 30_000, outstanding: 50_000, available: 930_000, expected: 980_000 });
    const received = terminated({ ...owed, receivedFen: 80_000, status: "RECEIVED" });
    expect(received).toMatchObject({ returned: 80_000, outstanding: 0, available: 980_000, expected: 980_000 });
    const waived = terminated({ ...owed, receivedFen: 10_000, status: "WAIVED" });
    expect(waived).toMatchObject({ returned: 10_000, outstanding: 0, available: 910_000 });
    for (const l of [owing, partly, received, waived]) expect(ledgerProblems(l)).toEqual([]);
  });

  test("a closed project with leftover funds returned", () => {
    const l = callLedger(500_000, [
      project(
        300_000,
        "CLOSED",
        ["PAID", "PAID", "PAID"],
        [{ amountFen: 12_345, receivedFen: 12_345, status: "RECEIVED" }],
      ),
    ]);
    expect(l).toMatchObject({ paid: 300_000, returned: 12_345, committed: 0, available: 212_345 });
    expect(ledgerProblems(l)).toEqual([]);
  });

  test("a mixed call of many projects always ties out", () => {
    const states = ["PLANNED", "PAYABLE", "WITHHELD", "PAID", "STOPPED"];
    const statuses = [
      "AWAITING_SIGNATURE",
      "IN_DELIVERY",
      "RECTIFYING",
      "SUSPENDED",
      "TERMINATED",
      "WITHDRAWN",
      "CLOSED",
    ];
    const projects = Array.from({ length: 60 }, (_, i) =>
      project(
        100_001 + i * 7_919,
        statuses[i % statuses.length]!,
        [states[i % 5]!, states[(i * 3) % 5]!, states[(i * 7 + 1) % 5]!],
        i % 4 === 0
          ? [{ amountFen: 5_000 + i, receivedFen: i * 13, status: i % 8 === 0 ? "OUTSTANDING" : "RECEIVED" }]
          : [],
      ),
    );
    const l = callLedger(50_000_000, projects);
    expect(ledgerProblems(l)).toEqual([]);
    expect(l.awarded + l.withdrawn).toBe(projects.reduce((s, p) => s + p.awardFen, 0));
  });

  test("a broken identity is reported", () => {
    const l = callLedger(1_000, []);
    expect(ledgerProblems({ ...l, paid: 1 })).toHaveLength(2);
  });
});
