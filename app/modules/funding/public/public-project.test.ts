import { describe, expect, it } from "vitest";
import {
  finalGradeOf,
  isPublicProjectState,
  kpiProgress,
  peopleServed,
  projectMoney,
  projectProgress,
  publishedGrades,
} from "./public-project";

describe("public project record", () => {
  it("counts paid tranches and refund money received, not what is merely due", () => {
    const money = projectMoney({
      awardFen: 6_000_000,
      tranches: [
        { amountFen: 3_000_000, status: "PAID" },
        { amountFen: 1_800_000, status: "PAYABLE" },
        { amountFen: 1_200_000, status: "PLANNED" },
      ],
      refunds: [{ receivedFen: 50_000 }, { receivedFen: 0 }],
    });
    expect(money).toEqual({ awardedFen: 6_000_000, paidFen: 3_000_000, returnedFen: 50_000 });
  });

  it("reads each KPI from the latest accepted report that reports it", () => {
    const kpis = [
      { id: "a", kind: "OUTPUT", name: "助餐人次", target: "6000 人次", targetValue: 6000, unit: "人次" },
      { id: "b", kind: "OUTCOME", name: "满意度", target: "满意度较高", targetValue: null, unit: null },
      { id: "c", kind: "OUTPUT", name: "探访", target: "200 次", targetValue: 200, unit: "次" },
    ];
    const rows = kpiProgress(kpis, [
      { kpiId: "a", actualValue: 4500, periodEnd: new Date("2026-09-30") },
      { kpiId: "a", actualValue: 2000, periodEnd: "2026-06-30T00:00:00Z" },
      { kpiId: "b", actualValue: 92, periodEnd: new Date("2026-09-30") },
    ]);
    expect(rows[0]).toMatchObject({ actualValue: 4500, attainmentPct: 75 });
    expect(rows[0]!.asOf?.toISOString()).toBe("2026-09-30T00:00:00.000Z");
    expect(rows[1]).toMatchObject({ actualValue: 92, attainmentPct: null });
    expect(rows[2]).toMatchObject({ actualValue: null, attainmentPct: null, asOf: null });
  });

  it("measures the period passed and the milestones done", () => {
    const milestones = [
      { title: "启动", dueDate: "2026-01-10", doneAt: "2026-01-09" },
      { title: "中期", dueDate: "2026-06-10", doneAt: null },
    ];
    const range = { startsOn: new Date("2026-01-01"), endsOn: new Date("2026-12-31"), milestones };
    expect(projectProgress(range, new Date("2025-12-01"))).toEqual({
      milestonesDone: 1,
      milestonesTotal: 2,
      periodElapsedPct: 0,
    });
    expect(projectProgress(range, new Date("2026-07-02")).periodElapsedPct).toBe(50);
    expect(projectProgress(range, new Date("2027-03-01")).periodElapsedPct).toBe(100);
  });

  it("publishes only final evaluation results, oldest first", () => {
    const evaluations = [
      { kind: "FINAL", round: 1, status: "PUBLICITY", grade: "良好", finalAt: null },
      { kind: "MIDTERM", round: 2, status: "FINAL", grade: "合格", finalAt: new Date("2026-05-01") },
      { kind: "MIDTERM", round: 1, status: "FINAL", grade: "不合格", finalAt: new Date("2026-03-01") },
      { kind: "MIDTERM", round: 3, status: "SCORED", grade: "优秀", finalAt: null },
    ];
    expect(publishedGrades(evaluations).map((g) => `${g.label} ${g.grade}`)).toEqual([
      "中期评估 不合格",
      "中期评估（第 2 次） 合格",
    ]);
    expect(finalGradeOf(evaluations)).toBeNull();
    expect(finalGradeOf([{ kind: "FINAL", round: 1, status: "FINAL", grade: "优秀", finalAt: "2026-11-01" }])).toBe(
      "优秀",
    );
  });

  it("keeps withdrawn awards out and counts people served", () => {
    expect(isPublicProjectState("WITHDRAWN")).toBe(false);
    expect(isPublicProjectState("CLOSED")).toBe(true);
    expect(isPublicProjectState(null)).toBe(false);
    expect(peopleServed([{ peopleServed: 30 }, { peopleServed: 12 }])).toBe(42);
  });
});
