import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { shanghaiEndOfDay, shanghaiMidnight } from "~/utils/dates";
import { fenToYuanInput } from "~/utils/format";
import { callTimeline, describeEligibility, timeRemaining } from "./display";
import { CallEligibilitySchema } from "./settings";
import {
  callFormDefaults,
  CallFormSchema,
  DEFAULT_CRITERIA,
  DEFAULT_TRANCHES,
  formToSettings,
  mergeCategories,
  validateCallForPublish,
  type CallSettingsInput,
} from "./validation";

function validCall(): CallSettingsInput {
  return {
    categories: ["为老", "助残"],
    poolFen: 215_000_000n,
    perProjectCapFen: 10_000_000,
    maxGrantSharePct: 60,
    minMatchRatioPct: 20,
    overheadCapPct: 10,
    applyOpensAt: shanghaiMidnight(2026, 11, 1),
    applyClosesAt: shanghaiEndOfDay(2026, 12, 20),
    screeningEndsAt: shanghaiEndOfDay(2027, 1, 10),
    reviewEndsAt: shanghaiEndOfDay(2027, 2, 10),
    publicityDays: 7,
    signingEndsAt: shanghaiEndOfDay(2027, 3, 10),
    eligibility: CallEligibilitySchema.parse({}),
    criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
    tranches: DEFAULT_TRANCHES.map((t) => ({ ...t })),
  };
}

describe("validateCallForPublish", () => {
  it("accepts the default rubric and tranche plan", () => {
    expect(DEFAULT_CRITERIA.reduce((s, c) => s + c.weightPct, 0)).toBe(100);
    expect(validateCallForPublish(validCall())).toEqual({});
  });

  it("reports the weight total on the rubric", () => {
    const call = validCall();
    call.criteria[0]!.weightPct = 10;
    expect(validateCallForPublish(call).criteria).toEqual(["各评分项权重之和须为 100%，当前为 95%"]);
    call.criteria = [];
    expect(validateCallForPublish(call).criteria).toEqual(["请至少设置一个评分项"]);
  });

  it("requires each criterion's max score above 0, on its row", () => {
    const call = validCall();
    call.criteria[2]!.maxScore = 0;
    expect(validateCallForPublish(call)).toEqual({ "criteria[2].maxScore": ["满分须大于 0"] });
  });

  it("reports the tranche total", () => {
    const call = validCall();
    call.tranches[2]!.percent = 10;
    expect(validateCallForPublish(call).tranches).toEqual(["各期拨付比例之和须为 100%，当前为 90%"]);
  });

  it("checks the dates are in order", () => {
    const closesBeforeOpen = { ...validCall(), applyClosesAt: shanghaiEndOfDay(2026, 10, 31) };
    expect(validateCallForPublish(closesBeforeOpen).applyClosesAt).toEqual(["申报截止日期须晚于申报开始日期"]);

    const screeningEarly = { ...validCall(), screeningEndsAt: shanghaiEndOfDay(2026, 12, 19) };
    expect(validateCallForPublish(screeningEarly)).toEqual({
      screeningEndsAt: ["资格审查截止日期不能早于申报截止日期"],
    });

    // Equal end dates are allowed where the rule is ≤.
    const sameDay = {
      ...validCall(),
      screeningEndsAt: shanghaiEndOfDay(2026, 12, 20),
      reviewEndsAt: shanghaiEndOfDay(2026, 12, 20),
    };
    expect(validateCallForPublish(sameDay)).toEqual({});

    const reviewEarly = { ...validCall(), reviewEndsAt: shanghaiEndOfDay(2027, 1, 9) };
    expect(validateCallForPublish(reviewEarly)).toEqual({ reviewEndsAt: ["专家评审截止日期不能早于资格审查截止日期"] });

    const signingSameDay = { ...validCall(), signingEndsAt: shanghaiEndOfDay(2027, 2, 10) };
    expect(validateCallForPublish(signingSameDay)).toEqual({ signingEndsAt: ["签约截止日期须晚于专家评审截止日期"] });

    const signingInPublicity = { ...validCall(), signingEndsAt: shanghaiEndOfDay(2027, 2, 17) };
    expect(validateCallForPublish(signingInPublicity)).toEqual({
      signingEndsAt: ["签约截止日期须晚于公示结束（评审截止后 7 天）"],
    });
    expect(validateCallForPublish({ ...validCall(), signingEndsAt: shanghaiEndOfDay(2027, 2, 18) })).toEqual({});
  });

  it("keeps the per-project cap within the pool", () => {
    expect(validateCallForPublish({ ...validCall(), perProjectCapFen: 215_000_001 }).capYuan).toEqual([
      "单个项目资助上限不能超过资金总额",
    ]);
    expect(validateCallForPublish({ ...validCall(), perProjectCapFen: 215_000_000 })).toEqual({});
    expect(validateCallForPublish({ ...validCall(), poolFen: 0n, perProjectCapFen: 0 })).toMatchObject({
      poolYuan: ["资金总额须大于 0"],
      capYuan: ["单个项目资助上限须大于 0"],
    });
  });

  it("requires a category and percents within 0–100", () => {
    const errors = validateCallForPublish({ ...validCall(), categories: [], overheadCapPct: 101 });
    expect(errors.categories).toEqual(["请至少选择或填写一个项目类别"]);
    expect(errors.overheadCapPct).toEqual(["管理费用比例上限须在 0–100% 之间"]);
  });
});

function formData(overrides: Record<string, string | string[] | null> = {}) {
  const fields: Record<string, string | string[]> = {
    intent: "publish",
    title: "2027年公益创投",
    year: "2027",
    description: "说明",
    categories: ["为老", "助残"],
    newCategories: "乡村振兴、 环境保护",
    poolYuan: "2,150,000",
    capYuan: "100000",
    maxGrantSharePct: "60",
    minMatchRatioPct: "20",
    overheadCapPct: "10",
    applyOpensAt: "2026-11-01",
    applyClosesAt: "2026-12-20",
    screeningEndsAt: "2027-01-10",
    reviewEndsAt: "2027-02-10",
    publicityDays: "7",
    signingEndsAt: "2027-03-10",
    registeredActive: "on",
    notBarred: "on",
    barYears: "3",
    minGrade: "3",
  };
  DEFAULT_CRITERIA.forEach((c, i) => {
    fields[`criteria[${i}].name`] = c.name;
    fields[`criteria[${i}].maxScore`] = String(c.maxScore);
    fields[`criteria[${i}].weightPct`] = String(c.weightPct);
  });
  DEFAULT_TRANCHES.forEach((t, i) => {
    fields[`tranches[${i}].percent`] = String(t.percent);
    fields[`tranches[${i}].trigger`] = t.trigger;
  });
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete fields[k];
    else fields[k] = v;
  }
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) data.append(k, item);
  return data;
}

function errorsOf(submission: { status?: "success" | "error"; error?: Record<string, string[] | null> | null }) {
  return submission.status === "error" ? submission.error : undefined;
}

describe("CallFormSchema", () => {
  it("turns the form into stored units: 分, Shanghai day bounds, unchecked boxes false", () => {
    const submission = parseWithZod(formData(), { schema: CallFormSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const s = formToSettings(submission.value);
    expect(s.poolFen).toBe(215_000_000n);
    expect(s.perProjectCapFen).toBe(10_000_000);
    expect(s.applyOpensAt).toEqual(new Date("2026-11-01T00:00:00+08:00"));
    expect(s.applyClosesAt).toEqual(new Date("2026-12-20T23:59:59.999+08:00"));
    expect(s.categories).toEqual(["为老", "助残", "乡村振兴", "环境保护"]);
    expect(s.eligibility).toEqual({
      registeredActive: true,
      inspectionNotFailedLastYear: false,
      notAbnormal: false,
      notBarred: true,
      barYears: 3,
      minGrade: 3,
      incubatedOnly: false,
    });
    expect(s.criteria).toHaveLength(7);
  });

  it("attaches publishing errors to their fields, and a draft skips them", () => {
    const bad = { "criteria[0].weightPct": "5", "tranches[0].percent": "30", capYuan: "3000000" };
    const published = parseWithZod(formData(bad), { schema: CallFormSchema });
    expect(published.status).toBe("error");
    expect(errorsOf(published)?.criteria).toEqual(["各评分项权重之和须为 100%，当前为 90%"]);
    expect(errorsOf(published)?.tranches).toEqual(["各期拨付比例之和须为 100%，当前为 90%"]);
    expect(errorsOf(published)?.capYuan).toEqual(["单个项目资助上限不能超过资金总额"]);

    const draft = parseWithZod(formData({ ...bad, intent: "draft" }), { schema: CallFormSchema });
    expect(draft.status).toBe("success");
  });

  it("still checks formats on a draft", () => {
    const draft = parseWithZod(
      formData({ intent: "draft", poolYuan: "两百万", applyClosesAt: "2026-02-30", maxGrantSharePct: "120" }),
      {
        schema: CallFormSchema,
      },
    );
    expect(errorsOf(draft)?.poolYuan).toEqual(["资金总额须为金额（元），最多两位小数"]);
    expect(errorsOf(draft)?.applyClosesAt).toEqual(["申报截止日期不是有效日期"]);
    expect(errorsOf(draft)?.maxGrantSharePct).toEqual(["资助占项目预算比例上限须在 0–100% 之间"]);
  });

  it("does not crash when a field is malformed on publish", () => {
    const submission = parseWithZod(formData({ applyOpensAt: "nonsense" }), { schema: CallFormSchema });
    expect(errorsOf(submission)?.applyOpensAt).toEqual(["申报开始日期不是有效日期"]);
  });
});

describe("helpers", () => {
  it("round-trips a stored call into the editor's values", () => {
    const defaults = callFormDefaults({ ...validCall(), title: "t", year: 2026, description: "d" }, new Date());
    expect(defaults.poolYuan).toBe("2150000");
    expect(defaults.applyClosesAt).toBe("2026-12-20");
    expect(defaults.applyOpensAt).toBe("2026-11-01");
    expect(fenToYuanInput(1_234_505)).toBe("12345.05");
    expect(mergeCategories(["为老", " "], "为老，其他")).toEqual(["为老", "其他"]);
  });

  it("counts down days, hours and minutes and stops at zero", () => {
    const deadline = new Date("2026-12-20T23:59:59.999+08:00");
    expect(timeRemaining(deadline, new Date("2026-12-18T21:30:00+08:00"))).toEqual({
      days: 2,
      hours: 2,
      minutes: 29,
      passed: false,
    });
    expect(timeRemaining(deadline, new Date("2026-12-21T00:00:00+08:00"))).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
      passed: true,
    });
  });

  it("describes eligibility in plain words and lays out the timeline", () => {
    const lines = describeEligibility({ ...CallEligibilitySchema.parse({}), minGrade: 3, barYears: 2 });
    expect(lines).toContain("近 2 年内没有被终止的项目或终期评估不合格的项目");
    expect(lines).toContain("社会组织评估等级为 3A 及以上");
    const steps = callTimeline(validCall());
    expect(steps.map((s) => s.label)).toEqual(["申报中", "资格审查", "专家评审", "公示", "签约"]);
    expect(steps[3]!.to).toEqual(shanghaiEndOfDay(2027, 2, 17));
  });
});
