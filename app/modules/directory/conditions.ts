// Who may be in the recommended directory (#15): the necessary conditions, each
// checked from the record with the fact behind it, and the priority markers.
// Pure: conditions.server.ts gathers the facts (reusing the grant call's and the
// rating's gatherers), this decides and explains in Chinese, so an organization sees
// the same reasons before it applies as staff see when they review.
import type { RuleValues } from "~/modules/config/rules";
import { lastInspectionYear, openAbnormalRecords, yearsBefore } from "~/modules/grants/calls/eligibility";
import { conclusionLabel, reportStatusLabel } from "~/modules/inspection/labels";
import { orgStatusLabel } from "~/modules/organizations/labels";
import { creditKindLabel } from "~/modules/registry/credit";
import { formatDate } from "~/utils/format";

export type DirectoryRules = Pick<
  RuleValues,
  | "directory.minStaffTradeAssociation"
  | "directory.minStaffOther"
  | "directory.creditWindowYears"
  | "directory.minGrade"
  | "directory.priorityGrade"
  | "directory.autoListGrade"
>;

/** The category of trade associations and chambers of commerce (organizations/labels.ts). */
export const TRADE_ASSOCIATION_CATEGORY = "行业协会商会";
/** Credit records that count as serious bad credit (严重失信). */
export const SERIOUS_CREDIT_KINDS = ["ADMIN_PENALTY", "FALSE_MATERIALS"] as const;
/** Final grades that make earlier projects a priority marker. */
export const GOOD_FINAL_GRADES = ["优秀", "良好"] as const;

export type DirectoryFacts = {
  organization: { status: string; registeredAt: Date | null; category: string | null };
  /** the grade in force on the day checked */
  grade: { grade: number; validTo: Date } | null;
  /** last year's annual-inspection report (lastInspectionYear of the day), if any */
  lastYearReport: { year: number; status: string; conclusion: string | null } | null;
  /** 专职工作人员数 from the latest annual report that gives it */
  staff: { year: number; count: number } | null;
  credits: Array<{ kind: string; decidedAt: Date; endedAt: Date | null; description: string }>;
  /** the venture-philanthropy ban in force (funding/bans.server.ts) */
  ban: { reason: string; endsAt: Date } | null;
  /** funded projects that ended (CLOSED with a final grade, or TERMINATED) */
  projects: ReadonlyArray<{ title: string; status: string; finalGrade: string | null; closedAt: Date | null }>;
};

export type ConditionKey =
  "registered" | "annualReport" | "notAbnormal" | "noBadCredit" | "noBan" | "staff" | "minGrade";

export type ConditionCheck = { key: ConditionKey; label: string; met: boolean; fact: string };

function registered(facts: DirectoryFacts): ConditionCheck {
  const { status, registeredAt } = facts.organization;
  const met = status === "REGISTERED";
  return {
    key: "registered",
    label: "依法登记，登记状态正常",
    met,
    fact: met
      ? `${registeredAt ? `${formatDate(registeredAt)}登记，` : ""}登记状态：正常`
      : `登记状态：${orgStatusLabel(status)}`,
  };
}

/** Passed: concluded 合格 or 基本合格 (不合格 and 未参检 fail; no conclusion yet is not passed). */
export function reportPassed(report: { status: string; conclusion: string | null }) {
  return report.status === "CONCLUDED" && (report.conclusion === "QUALIFIED" || report.conclusion === "BASIC");
}

function annualReport(facts: DirectoryFacts, at: Date): ConditionCheck {
  const year = lastInspectionYear(at);
  const report = facts.lastYearReport?.year === year ? facts.lastYearReport : null;
  const label = `${year}年度报告已报送且年检通过`;
  if (!report) return { key: "annualReport", label, met: false, fact: `未找到${year}年度报告` };
  if (report.status === "MISSED" || report.conclusion === "MISSED") {
    return { key: "annualReport", label, met: false, fact: `${year}年度未参加年检` };
  }
  if (report.status === "CONCLUDED") {
    return {
      key: "annualReport",
      label,
      met: reportPassed(report),
      fact: `${year}年度年检结论：${conclusionLabel(report.conclusion)}`,
    };
  }
  return {
    key: "annualReport",
    label,
    met: false,
    fact: `${year}年度报告：${reportStatusLabel(report.status)}，尚无年检结论`,
  };
}

function notAbnormal(facts: DirectoryFacts, at: Date): ConditionCheck {
  const record = facts.credits.find((c) => openAbnormalRecords([c], at).length > 0);
  return {
    key: "notAbnormal",
    label: "未被列入活动异常名录",
    met: !record,
    fact: record ? `${formatDate(record.decidedAt)}列入活动异常名录：${record.description}` : "未被列入活动异常名录",
  };
}

/** Serious bad-credit records decided in the `years` before `at`. */
export function seriousCredits(credits: DirectoryFacts["credits"], years: number, at: Date) {
  const from = yearsBefore(at, years).getTime();
  return credits.filter(
    (c) =>
      (SERIOUS_CREDIT_KINDS as readonly string[]).includes(c.kind) &&
      c.decidedAt.getTime() > from &&
      c.decidedAt.getTime() <= at.getTime(),
  );
}

function noBadCredit(facts: DirectoryFacts, rules: DirectoryRules, at: Date): ConditionCheck {
  const years = rules["directory.creditWindowYears"];
  const found = seriousCredits(facts.credits, years, at);
  return {
    key: "noBadCredit",
    label: `近 ${years} 年无严重失信记录`,
    met: found.length === 0,
    fact: found.length
      ? found.map((c) => `${formatDate(c.decidedAt)}${creditKindLabel(c.kind)}：${c.description}`).join("；")
      : `近 ${years} 年无行政处罚、提供虚假材料记录`,
  };
}

function noBan(facts: DirectoryFacts): ConditionCheck {
  return {
    key: "noBan",
    label: "无有效的公益创投禁入限制",
    met: !facts.ban,
    fact: facts.ban ? `公益创投禁入至${formatDate(facts.ban.endsAt)}：${facts.ban.reason}` : "无公益创投禁入记录",
  };
}

/** The full-time staff an organization needs: 3 for trade associations and chambers, 2 for others (rules). */
export function minStaffFor(category: string | null, rules: DirectoryRules) {
  return category === TRADE_ASSOCIATION_CATEGORY
    ? rules["directory.minStaffTradeAssociation"]
    : rules["directory.minStaffOther"];
}

function staff(facts: DirectoryFacts, rules: DirectoryRules): ConditionCheck {
  const min = minStaffFor(facts.organization.category, rules);
  const trade = facts.organization.category === TRADE_ASSOCIATION_CATEGORY;
  const label = `专职工作人员不少于 ${min} 人${trade ? "（行业协会商会）" : ""}`;
  if (!facts.staff) return { key: "staff", label, met: false, fact: "年度报告中没有专职工作人员数" };
  return {
    key: "staff",
    label,
    met: facts.staff.count >= min,
    fact: `${facts.staff.year}年度报告：专职工作人员 ${facts.staff.count} 人`,
  };
}

function minGrade(facts: DirectoryFacts, rules: DirectoryRules): ConditionCheck | null {
  const min = rules["directory.minGrade"];
  if (!(min > 0)) return null;
  const grade = facts.grade;
  return {
    key: "minGrade",
    label: `评估等级不低于 ${min}A`,
    met: grade != null && grade.grade >= min,
    fact: grade ? `现为 ${grade.grade}A，有效期至${formatDate(grade.validTo)}` : "尚未评估或评估等级已失效",
  };
}

/** Every necessary condition with its fact, in the order they are shown. */
export function checkConditions(facts: DirectoryFacts, rules: DirectoryRules, at: Date): ConditionCheck[] {
  const checks = [
    registered(facts),
    annualReport(facts, at),
    notAbnormal(facts, at),
    noBadCredit(facts, rules, at),
    noBan(facts),
    staff(facts, rules),
    minGrade(facts, rules),
  ];
  return checks.filter((c): c is ConditionCheck => c !== null);
}

export const allMet = (checks: readonly ConditionCheck[]) => checks.every((c) => c.met);
export const unmet = (checks: readonly ConditionCheck[]) => checks.filter((c) => !c.met);

/** The priority markers found in the record (tax-deductible status is declared and checked separately). */
export function priorityMarkers(facts: DirectoryFacts, rules: DirectoryRules) {
  const closed = facts.projects.filter((p) => p.status === "CLOSED" && p.finalGrade != null);
  return {
    grade: facts.grade != null && facts.grade.grade >= rules["directory.priorityGrade"],
    projects:
      closed.length > 0 && closed.every((p) => (GOOD_FINAL_GRADES as readonly string[]).includes(p.finalGrade!)),
  };
}

/** 5A organizations are listed automatically, when they meet every necessary condition. */
export function listsAutomatically(facts: DirectoryFacts, rules: DirectoryRules, checks: readonly ConditionCheck[]) {
  return facts.grade != null && facts.grade.grade >= rules["directory.autoListGrade"] && allMet(checks);
}

/** The street (街道 / 镇 / 乡) of a registered address, for the public filter; 其他 when none is named. */
export function streetOf(address: string | null | undefined) {
  const matches = [...(address ?? "").matchAll(/([^\s区县市省州]{1,6}?(?:街道|镇|乡))/g)];
  return matches.at(-1)?.[1] ?? "其他";
}
