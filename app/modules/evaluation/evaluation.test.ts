import { describe, expect, test } from "vitest";
import { evaluationToSelfAssess, finalDueAt, midtermDueAt } from "./due";
import { decisionEffect, gateEffect } from "./gates";
import { bandProblems, DEFAULT_EVALUATION_BANDS, gradeFor, isPassingGrade, parseBands } from "./grades";
import {
  budgetDeviation,
  kpiAttainment,
  overheadShare,
  recordItems,
  reportTimeliness,
  suggestedLeafScore,
} from "./record-items";
import { evaluationScore, meanTotal, missingReportReason } from "./score";

const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

describe("grade bands", () => {
  test("defaults: 优秀 ≥ 90, 良好 80–89, 合格 60–79, 不合格 below 60", () => {
    expect(gradeFor(90)).toBe("优秀");
    expect(gradeFor(89.9)).toBe("良好");
    expect(gradeFor(80)).toBe("良好");
    expect(gradeFor(79.5)).toBe("合格");
    expect(gradeFor(60)).toBe("合格");
    expect(gradeFor(59.9)).toBe("不合格");
    expect(gradeFor(0)).toBe("不合格");
  });
  test("a call's own bands, partly given, over the defaults", () => {
    const bands = parseBands('{"优秀":85,"合格":65}');
    expect(bands).toEqual({ 优秀: 85, 良好: 80, 合格: 65 });
    expect(gradeFor(86, bands)).toBe("优秀");
    expect(gradeFor(62, bands)).toBe("不合格");
  });
  test("broken or disordered bands fall back to the defaults", () => {
    expect(parseBands("not json")).toEqual(DEFAULT_EVALUATION_BANDS);
    expect(parseBands('{"优秀":70,"良好":80}')).toEqual(DEFAULT_EVALUATION_BANDS);
    expect(bandProblems({ 优秀: 70, 良好: 80, 合格: 60 })).toEqual(["最低分须依次为 优秀 > 良好 > 合格"]);
    expect(bandProblems({ 优秀: 120, 良好: 80, 合格: 60 })).toEqual(["优秀最低分应在 1 至 100 之间"]);
  });
  test("合格 or better passes", () => {
    expect(["优秀", "良好", "合格"].every(isPassingGrade)).toBe(true);
    expect(isPassingGrade("不合格")).toBe(false);
    expect(isPassingGrade(null)).toBe(false);
  });
});

describe("record-derived items", () => {
  test("KPI attainment: ≥ 100% full, ≥ 80% part, ≥ 60% less, below none; each KPI capped at 100%", () => {
    const kpi = (targetValue: number | null, actualValue: number | null) => ({
      name: "k",
      targetValue,
      actualValue,
      unit: "人次",
    });
    expect(kpiAttainment([kpi(200, 260), kpi(100, 100)]).level).toBe(0);
    expect(kpiAttainment([kpi(200, 260), kpi(100, 50)])).toMatchObject({ pct: 75, level: 2 });
    expect(kpiAttainment([kpi(100, 85)]).level).toBe(1);
    expect(kpiAttainment([kpi(100, 59)]).level).toBe(3);
    expect(kpiAttainment([kpi(null, 5), kpi(100, null)])).toMatchObject({ pct: null, level: null });
  });
  test("reports filed on time: late and missing reports that are due", () => {
    const now = day("2026-06-01");
    const result = reportTimeliness(
      [
        { sequence: 1, kind: "PROGRESS", dueAt: day("2026-03-01"), submittedAt: day("2026-02-28") },
        { sequence: 2, kind: "PROGRESS", dueAt: day("2026-04-01"), submittedAt: day("2026-04-05") },
        { sequence: 3, kind: "PROGRESS", dueAt: day("2026-05-01"), submittedAt: null },
        { sequence: 4, kind: "MIDTERM", dueAt: day("2026-07-01"), submittedAt: null },
      ],
      now,
    );
    expect(result).toMatchObject({ due: 3, onTime: 1 });
    expect(result.late.map((r) => r.sequence)).toEqual([2, 3]);
  });
  test("budget deviation: ≤ 5% high, 5–10% middle, over 10% low, overspending a line is an unapproved change", () => {
    const line = (plannedFen: number, revisedFen: number, spentFen = 0, category = "ACTIVITY") => ({
      category,
      plannedFen,
      revisedFen,
      spentFen,
    });
    expect(budgetDeviation([line(10000, 10500)])).toMatchObject({ deviationPct: 5, level: 0 });
    expect(budgetDeviation([line(10000, 9200)])).toMatchObject({ deviationPct: 8, level: 1 });
    expect(budgetDeviation([line(10000, 11200)])).toMatchObject({ deviationPct: 12, level: 2 });
    const overspent = budgetDeviation([line(10000, 10000, 10001, "MATERIALS")]);
    expect(overspent.level).toBe(3);
    expect(overspent.unapproved).toEqual([{ category: "MATERIALS", revisedFen: 10000, spentFen: 10001 }]);
  });
  test("overhead share of what was spent against the call's cap", () => {
    const lines = [
      { category: "OVERHEAD", plannedFen: 0, revisedFen: 0, spentFen: 1500 },
      { category: "ACTIVITY", plannedFen: 0, revisedFen: 0, spentFen: 8500 },
    ];
    expect(overheadShare(lines, 10)).toEqual({ spentFen: 10000, overheadFen: 1500, pct: 15, capPct: 10, over: true });
    expect(overheadShare([], 10).pct).toBeNull();
  });
  test("a leaf with a known source gets the tier at the record's level", () => {
    const items = recordItems(
      {
        kpis: [{ name: "服务人次", targetValue: 100, actualValue: 90, unit: null }],
        reports: [],
        lines: [{ category: "ACTIVITY", plannedFen: 10000, revisedFen: 11200, spentFen: 0 }],
        overheadCapPct: 10,
      },
      day("2026-06-01"),
    );
    const tiers = [{ points: 20 }, { points: 14 }, { points: 8 }, { points: 0 }];
    expect(suggestedLeafScore({ source: "grant.outputRate", method: "TIERS", items: tiers }, items)).toEqual({
      level: 1,
      points: 14,
      label: "80%–100%",
    });
    expect(suggestedLeafScore({ source: "grant.budgetDeviation", method: "TIERS", items: tiers }, items)).toEqual({
      level: 2,
      points: 8,
      label: "偏差超过 10%",
    });
    expect(suggestedLeafScore({ source: null, method: "MANUAL", items: [] }, items)).toBeNull();
  });
});

describe("score and veto", () => {
  test("the experts' mean, graded by the bands", () => {
    expect(meanTotal([80, 85, 90])).toBe(85);
    expect(meanTotal([])).toBeNull();
    expect(evaluationScore({ expertTotal: 85, vetoReason: null, schemeVeto: null }, DEFAULT_EVALUATION_BANDS)).toEqual({
      score: 85,
      grade: "良好",
      veto: null,
    });
    expect(evaluationScore({ expertTotal: null, vetoReason: null, schemeVeto: null }, DEFAULT_EVALUATION_BANDS)).toBe(
      null,
    );
  });
  test("misuse of funds recorded by staff sets the score to 0 (不合格), whatever the experts gave", () => {
    expect(
      evaluationScore(
        { expertTotal: 95, vetoReason: "挪用项目资金购置办公设备", schemeVeto: null },
        DEFAULT_EVALUATION_BANDS,
      ),
    ).toEqual({ score: 0, grade: "不合格", veto: "一票否决：挪用项目资金购置办公设备" });
  });
  test("a scheme veto triggered by the experts' scores also sets it to 0", () => {
    expect(
      evaluationScore(
        { expertTotal: 88, vetoReason: " ", schemeVeto: "挪用、侵占项目资金的，评估结果为0分" },
        DEFAULT_EVALUATION_BANDS,
      ),
    ).toMatchObject({ score: 0, grade: "不合格" });
  });
});

describe("a report not filed by its deadline is 不合格", () => {
  const base = { kind: "MIDTERM", dueAt: day("2026-06-30"), submittedAt: null, report: null };
  test("not yet due: no verdict", () => {
    expect(missingReportReason(base, day("2026-06-30"), fmt)).toBeNull();
  });
  test("the self-assessment not submitted by the due date", () => {
    expect(missingReportReason(base, day("2026-07-02"), fmt)).toBe(
      "中期报告及自评未在 2026-06-29 前提交，按规定评估结果为不合格",
    );
  });
  test("the linked final report overdue although the self-assessment is not due yet", () => {
    const input = {
      ...base,
      kind: "FINAL",
      dueAt: day("2026-09-30"),
      report: { dueAt: day("2026-08-31"), submittedAt: null },
    };
    expect(missingReportReason(input, day("2026-09-02"), fmt)).toMatch(
      /^终期报告未在 .* 前提交，按规定评估结果为不合格$/,
    );
  });
  test("submitted in time: nothing", () => {
    expect(missingReportReason({ ...base, submittedAt: day("2026-06-20") }, day("2026-07-02"), fmt)).toBeNull();
  });
});

describe("due dates", () => {
  test("mid-term N months after signing, at the end of the day, clamped to the month's end", () => {
    expect(midtermDueAt(day("2026-03-10"), 6).toISOString()).toBe("2026-09-10T15:59:59.999Z");
    expect(midtermDueAt(day("2026-08-31"), 6).toISOString()).toBe("2027-02-28T15:59:59.999Z");
  });
  test("final N months before the agreement ends", () => {
    expect(finalDueAt(day("2027-03-31"), 1).toISOString()).toBe("2027-02-28T15:59:59.999Z");
  });
});

describe("gate effects", () => {
  test("a mid-term 合格 or better meets MIDTERM_PASS, a final one FINAL_EVALUATION", () => {
    expect(gateEffect("MIDTERM", "合格")).toEqual({ kind: "OPEN_GATE", trigger: "MIDTERM_PASS" });
    expect(gateEffect("FINAL", "优秀")).toEqual({ kind: "OPEN_GATE", trigger: "FINAL_EVALUATION" });
  });
  test("a mid-term 不合格 needs staff's decision; a final one opens nothing", () => {
    expect(gateEffect("MIDTERM", "不合格")).toEqual({ kind: "DECISION_NEEDED" });
    expect(gateEffect("FINAL", "不合格")).toEqual({ kind: "FINAL_FAILED" });
  });
  test("整改 re-evaluates, stopping payments suspends, termination ends; both stop unpaid tranches", () => {
    expect(decisionEffect("RECTIFY")).toEqual({ projectTo: "RECTIFYING", stopTranches: false, reevaluate: true });
    expect(decisionEffect("STOP_PAYMENTS")).toEqual({ projectTo: "SUSPENDED", stopTranches: true, reevaluate: false });
    expect(decisionEffect("TERMINATE")).toEqual({ projectTo: "TERMINATED", stopTranches: true, reevaluate: false });
  });
});

describe("which evaluation the organization files its self-assessment for", () => {
  const ev = (kind: string, status: string, extra: { grade?: string; decision?: string } = {}) => ({
    kind,
    status,
    ...extra,
  });
  test("the mid-term first; the final waits while the mid-term is under way", () => {
    const mid = ev("MIDTERM", "AWAITING_REPORT");
    expect(evaluationToSelfAssess([mid, ev("FINAL", "AWAITING_REPORT")])).toBe(mid);
    for (const status of ["SUBMITTED", "SCORED", "PUBLICITY"])
      expect(evaluationToSelfAssess([ev("MIDTERM", status), ev("FINAL", "AWAITING_REPORT")])).toBeNull();
  });
  test("the final once the mid-term is final (or cancelled)", () => {
    const final = ev("FINAL", "AWAITING_REPORT");
    expect(evaluationToSelfAssess([ev("MIDTERM", "FINAL", { grade: "良好" }), final])).toBe(final);
    expect(evaluationToSelfAssess([ev("MIDTERM", "CANCELLED"), final])).toBe(final);
  });
  test("a mid-term 不合格 holds the final until staff decide; then the re-evaluation comes first", () => {
    const failed = ev("MIDTERM", "FINAL", { grade: "不合格" });
    const final = ev("FINAL", "AWAITING_REPORT");
    expect(evaluationToSelfAssess([failed, final])).toBeNull();
    const decided = { ...failed, decision: "RECTIFY" };
    const again = ev("MIDTERM", "AWAITING_REPORT");
    expect(evaluationToSelfAssess([decided, again, final])).toBe(again);
    expect(evaluationToSelfAssess([ev("MIDTERM", "FINAL", { grade: "合格" }), ev("FINAL", "FINAL")])).toBeNull();
  });
});
