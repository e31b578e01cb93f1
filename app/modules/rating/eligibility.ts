// Who may apply for a rating (docs/DOMAIN.md "Rating"), by the round's rules version. Pure:
// eligibility.server.ts gathers the record; the organization sees every reason before it starts,
// and the result is stored on the application when it is submitted.
import type { RuleValues } from "~/modules/config/rules";
import { shanghaiMidnight, shanghaiParts } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import type { RulesVersion } from "./rules-version";

export type EligibilityRules = Pick<
  RuleValues,
  "rating.minRegisteredYears" | "rating.downgradeWaitYears" | "rating.cancelWaitYears" | "rating.reRatingWithinYears"
>;

export type EligibilityInput = {
  rulesVersion: RulesVersion;
  /** the day the check is made */
  at: Date;
  organization: { status: string; registeredAt: Date | null };
  /** InspectionReport rows (year reported on, status, conclusion) */
  inspections: ReadonlyArray<{ year: number; status: string; conclusion: string | null }>;
  /** CreditRecord rows; an ADMIN_PENALTY without an end, or ending after `at`, is not yet served */
  creditRecords: ReadonlyArray<{ kind: string; decidedAt: Date; endedAt: Date | null; description: string }>;
  /** confirmed downgrades and cancellations of the organization's grade, with the day decided */
  gradeActions: ReadonlyArray<{ kind: "DOWNGRADE" | "CANCEL"; decidedAt: Date }>;
  /** the grade in force at `at`, if any */
  gradeInForce: { grade: number; validFrom: Date; validTo: Date } | null;
  rules: EligibilityRules;
};

export type Eligibility = {
  eligible: boolean;
  /** why not, in Chinese; empty when eligible */
  reasons: string[];
  rulesVersion: RulesVersion;
  checkedAt: string;
};

/** The same calendar day `years` later (Shanghai), at 00:00. */
export function yearsAfter(at: Date, years: number) {
  const p = shanghaiParts(at);
  return shanghaiMidnight(p.year + years, p.month, p.day);
}

const reached = (at: Date, day: Date) => at.getTime() >= day.getTime();

function registeredLongEnough(input: EligibilityInput): string | null {
  const { organization, at, rules } = input;
  if (organization.status !== "REGISTERED" || !organization.registeredAt) {
    return "本组织不是登记在册的正常状态社会组织，不能申请评估";
  }
  const years = rules["rating.minRegisteredYears"];
  const from = yearsAfter(organization.registeredAt, years);
  if (reached(at, from)) return null;
  return `登记未满 ${years} 个完整年度（${formatDate(organization.registeredAt)} 登记，${formatDate(from)} 起可申请）`;
}

function waitAfterGradeActions(input: EligibilityInput): string[] {
  const reasons: string[] = [];
  for (const action of input.gradeActions) {
    const cancel = action.kind === "CANCEL";
    const years = cancel ? input.rules["rating.cancelWaitYears"] : input.rules["rating.downgradeWaitYears"];
    const from = yearsAfter(action.decidedAt, years);
    if (reached(input.at, from)) continue;
    reasons.push(
      `${formatDate(action.decidedAt)} 被${cancel ? "取消评估等级" : "降低评估等级"}，${years} 年内不得申请评估（${formatDate(from)} 起可申请）`,
    );
  }
  return reasons;
}

/** 2010 only: last year's inspection, 基本合格 twice, a penalty not yet served. */
function exclusions2010(input: EligibilityInput): string[] {
  const reasons: string[] = [];
  const lastYear = shanghaiParts(input.at).year - 1;
  const byYear = new Map(input.inspections.map((r) => [r.year, r]));
  const last = byYear.get(lastYear);
  if (last && (last.status === "MISSED" || last.conclusion === "MISSED")) {
    reasons.push(`${lastYear} 年度未参加年检（2010 年办法）`);
  } else if (last?.conclusion === "UNQUALIFIED") {
    reasons.push(`${lastYear} 年度年检不合格（2010 年办法）`);
  }
  const before = byYear.get(lastYear - 1);
  if (last?.conclusion === "BASIC" && before?.conclusion === "BASIC") {
    reasons.push(`${lastYear - 1}、${lastYear} 年度连续两年年检基本合格（2010 年办法）`);
  }
  for (const record of input.creditRecords) {
    if (record.kind !== "ADMIN_PENALTY" || record.decidedAt.getTime() > input.at.getTime()) continue;
    if (record.endedAt && reached(input.at, record.endedAt)) continue;
    reasons.push(`受到行政处罚尚未期满：${record.description}（2010 年办法）`);
  }
  return reasons;
}

/** 2026: a graded organization may ask for re-rating only within the first years of its grade. */
function reRating2026(input: EligibilityInput): string | null {
  const grade = input.gradeInForce;
  if (!grade) return null;
  const years = input.rules["rating.reRatingWithinYears"];
  const until = yearsAfter(grade.validFrom, years);
  if (!reached(input.at, until)) return null;
  return `现有 ${grade.grade}A 等级有效期已过前 ${years} 年（${formatDate(until)} 起），不能申请重新评估，请在有效期届满（${formatDate(grade.validTo)}）后申请`;
}

/** Every reason the organization may not apply under the round's rules; eligible when there is none. */
export function checkRatingEligibility(input: EligibilityInput): Eligibility {
  const reasons = [registeredLongEnough(input), ...waitAfterGradeActions(input)];
  if (input.rulesVersion === "2010") reasons.push(...exclusions2010(input));
  else reasons.push(reRating2026(input));
  const listed = reasons.filter((r): r is string => r !== null);
  return {
    eligible: listed.length === 0,
    reasons: listed,
    rulesVersion: input.rulesVersion,
    checkedAt: input.at.toISOString(),
  };
}

/** The snapshot stored on an application (RatingApplication.eligibility); null when unreadable. */
export function parseEligibility(json: string | null): Eligibility | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Eligibility;
    return Array.isArray(value.reasons) ? value : null;
  } catch {
    return null;
  }
}
