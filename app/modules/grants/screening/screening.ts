// What screening stores and shows: the automatic checks run at submission (and
// again on 「重新检查」), and when an application may still be submitted. Pure.
import { z } from "zod";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { formatDateTime } from "~/utils/format";
import type { StoredApplication } from "../applications/application-form";
import type { BudgetRules } from "../applications/budget-checks";
import { checkSavedBudget } from "../applications/budget-checks";
import { checkEligibility, type EligibilityFacts, type EligibilityResult } from "../calls/eligibility";
import type { CallEligibility } from "../calls/settings";

export type AutoChecks = {
  checkedAt: string;
  eligibility: EligibilityResult;
  budget: { ok: boolean; issues: string[] };
  passed: boolean;
};

export function runAutoChecks(input: {
  eligibilityRules: CallEligibility;
  facts: EligibilityFacts;
  budgetRules: BudgetRules;
  application: Pick<StoredApplication, "projectStart" | "projectEnd" | "budgetLines" | "milestones" | "data">;
  now: Date;
}): AutoChecks {
  const eligibility = checkEligibility(input.eligibilityRules, input.facts, input.now);
  const app = input.application;
  const issues = checkSavedBudget(input.budgetRules, app).map((i) => i.message);
  return {
    checkedAt: input.now.toISOString(),
    eligibility,
    budget: { ok: issues.length === 0, issues },
    passed: eligibility.eligible && issues.length === 0,
  };
}

export function parseAutoChecks(json: string | null): AutoChecks | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as AutoChecks;
    if (typeof v?.passed !== "boolean" || !Array.isArray(v.eligibility?.reasons) || !Array.isArray(v.budget?.issues))
      return null;
    return v;
  } catch {
    return null;
  }
}

/** All reasons a check failed, in one list. */
export function autoCheckReasons(checks: AutoChecks) {
  return [...checks.eligibility.reasons, ...checks.budget.issues];
}

/**
 * Why the applicant cannot submit now, or null. A draft is submitted between the
 * call's opening and applyClosesAt; an application returned for 补正 until its
 * correctionDueAt.
 */
export function submissionBlock(
  status: string,
  call: { status: string; applyOpensAt: Date; applyClosesAt: Date },
  correctionDueAt: Date | null,
  now: Date,
): string | null {
  if (status === "DRAFT") {
    if (call.status !== "PUBLISHED") return "本次公益创投活动未在申报期内";
    if (now.getTime() < call.applyOpensAt.getTime())
      return `申报尚未开始（开始时间：${formatDateTime(call.applyOpensAt)}）`;
    if (now.getTime() > call.applyClosesAt.getTime())
      return `申报已截止（截止时间：${formatDateTime(call.applyClosesAt)}）`;
    return null;
  }
  if (status === "CORRECTION") {
    if (correctionDueAt && now.getTime() > correctionDueAt.getTime())
      return `补正已截止（截止时间：${formatDateTime(correctionDueAt)}）`;
    return null;
  }
  return "该申报已提交，不能修改";
}

/** Whether the applicant may still change the form. */
export function isEditable(status: string, correctionDueAt: Date | null, now: Date) {
  if (status === "DRAFT") return true;
  if (status === "CORRECTION") return !correctionDueAt || now.getTime() <= correctionDueAt.getTime();
  return false;
}

// ───────────────────────── Staff screening form ─────────────────────────

export const SCREENING_ACTIONS = ["SCREEN_PASSED", "CORRECTION", "SCREEN_FAILED"] as const;
export type ScreeningAction = (typeof SCREENING_ACTIONS)[number];
export const SCREENING_ACTION_LABELS: Record<ScreeningAction, string> = {
  SCREEN_PASSED: "通过",
  CORRECTION: "退回补正",
  SCREEN_FAILED: "不通过",
};

/** The correction due date typed ("2026-06-30") → the end of that day in Shanghai; null when malformed. */
export function correctionDueAtOf(value: string | undefined) {
  const start = value ? parseDateInput(value) : null;
  if (!start) return null;
  const p = shanghaiParts(start);
  return shanghaiEndOfDay(p.year, p.month, p.day);
}

/** 通过 / 退回补正 (points + due date) / 不通过 (reason), for one application or many. */
export const ScreeningSchema = z
  .object({
    intent: z.literal("screen"),
    to: z.enum(SCREENING_ACTIONS, { required_error: "请选择审查结果", invalid_type_error: "请选择审查结果" }),
    ids: z.array(z.string().min(1)).min(1, "请至少勾选一项申报").max(200, "一次最多处理 200 项"),
    reason: z.string().trim().max(1000, "最多 1000 个字").optional(),
    dueAt: z.string().trim().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to === "CORRECTION") {
      if (!v.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "请填写需要补正的内容" });
      const due = correctionDueAtOf(v.dueAt);
      if (!v.dueAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueAt"], message: "请填写补正截止日期" });
      else if (!due) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueAt"], message: "日期格式不正确" });
      else if (due.getTime() < Date.now())
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueAt"], message: "补正截止日期不能早于今天" });
    }
    if (v.to === "SCREEN_FAILED" && !v.reason) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "请填写不通过的理由（申报机构可见）" });
    }
  });

export const RecheckSchema = z.object({
  intent: z.literal("recheck"),
  ids: z.array(z.string().min(1)).max(200).optional(),
});

/** 初审不通过 ends the application's way into review: the button asks first (#19 item 9). */
export const SCREEN_FAILED_CONFIRM = {
  label: "初审不通过",
  message: "将作出资格审查不通过的决定并通知申报机构，该申报不再进入专家评审，不可撤回。",
};
