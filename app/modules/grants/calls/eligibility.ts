// Who may apply to a call (资格审查). Pure: the server gathers the organization's
// facts, this decides and explains in Chinese, so the applicant is told before
// starting and staff see the same reasons at screening.
import { banMessage } from "~/modules/funding/bans";
import { shanghaiParts } from "~/utils/dates";
import type { CallEligibility } from "./settings";

export type EligibilityFacts = {
  organization: { status: string; currentGrade: number | null };
  /** The organization's annual-inspection reports (any years; last year's is picked here). */
  inspections: Array<{ year: number; status: string; conclusion: string | null }>;
  /** Its credit records (only ABNORMAL_LIST matters here). */
  credits: Array<{ kind: string; decidedAt: Date; endedAt: Date | null }>;
  /** Its earlier grant applications (other calls), with their evaluations. */
  earlierProjects: Array<{
    /** the GrantProject id, to leave out a failure its ban already reports */
    id?: string;
    title: string;
    status: string;
    /** when the row last changed: the termination date for a TERMINATED project */
    updatedAt: Date;
    evaluations: Array<{ kind: string; status: string; decidedAt: Date | null; createdAt: Date }>;
  }>;
  /**
   * The bans in force today (GrantBan via funding/bans.server.ts): a terminated project or a final
   * 不合格 bars the organization for the rule's years; the ban is the rule's outcome and names its end.
   */
  bans?: Array<{ reason: string; endsAt: Date; projectId: string | null }>;
  /** Its incubation-base applications. */
  incubations: Array<{ status: string }>;
};

export type EligibilityResult = { eligible: boolean; reasons: string[] };

/** "Last year" for the inspection rule: the Shanghai calendar year before today. */
export function lastInspectionYear(today: Date) {
  return shanghaiParts(today).year - 1;
}

/** A failed last-year inspection: 不合格, or 未参检 (status or conclusion MISSED). */
export function failedInspection(report: { status: string; conclusion: string | null }) {
  return report.conclusion === "UNQUALIFIED" || report.conclusion === "MISSED" || report.status === "MISSED";
}

/** On the abnormal-activity list today: decided on or before today and not yet ended. */
export function openAbnormalRecords(credits: EligibilityFacts["credits"], today: Date) {
  return credits.filter(
    (c) =>
      c.kind === "ABNORMAL_LIST" &&
      c.decidedAt.getTime() <= today.getTime() &&
      (c.endedAt == null || c.endedAt.getTime() > today.getTime()),
  );
}

/** The same instant `years` calendar years earlier (29 February falls back to 1 March). */
export function yearsBefore(at: Date, years: number) {
  const d = new Date(at.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/**
 * When each earlier project failed: TERMINATED (dated by its last change), or a
 * FAILED final evaluation (dated by its decision).
 */
export function projectFailures(projects: EligibilityFacts["earlierProjects"]) {
  const failures: Array<{ title: string; at: Date; how: string }> = [];
  for (const p of projects) {
    if (p.status === "TERMINATED") failures.push({ title: p.title, at: p.updatedAt, how: "被终止" });
    for (const e of p.evaluations) {
      if (e.kind === "FINAL" && e.status === "FAILED")
        failures.push({ title: p.title, at: e.decidedAt ?? e.createdAt, how: "终期评估不合格" });
    }
  }
  return failures;
}

export function checkEligibility(rules: CallEligibility, facts: EligibilityFacts, today: Date): EligibilityResult {
  const reasons: string[] = [];

  if (rules.registeredActive && facts.organization.status !== "REGISTERED") {
    reasons.push("本机构尚未完成登记或已注销、撤销登记，须为已登记的社会组织");
  }

  if (rules.inspectionNotFailedLastYear) {
    const year = lastInspectionYear(today);
    const report = facts.inspections.find((r) => r.year === year);
    if (report && failedInspection(report)) {
      const missed = report.conclusion === "MISSED" || report.status === "MISSED";
      reasons.push(missed ? `${year}年度未参加年检` : `${year}年度年检结论为不合格`);
    }
  }

  if (rules.notAbnormal && openAbnormalRecords(facts.credits, today).length > 0) {
    reasons.push("本机构目前被列入活动异常名录");
  }

  const bans = rules.notBarred ? (facts.bans ?? []) : [];
  for (const ban of bans) reasons.push(banMessage(ban));
  if (rules.notBarred && rules.barYears > 0) {
    // A failure whose ban is in force is already reported by the ban (with its end date).
    const banned = new Set(bans.map((b) => b.projectId).filter(Boolean));
    const cutoff = yearsBefore(today, rules.barYears);
    const recent = projectFailures(facts.earlierProjects.filter((p) => !p.id || !banned.has(p.id))).filter(
      (f) => f.at.getTime() > cutoff.getTime() && f.at.getTime() <= today.getTime(),
    );
    for (const f of recent) {
      reasons.push(`近 ${rules.barYears} 年内承接的公益创投项目「${f.title}」${f.how}，暂不能申报`);
    }
  }

  if (rules.minGrade != null) {
    const grade = facts.organization.currentGrade;
    if (grade == null || grade < rules.minGrade) {
      reasons.push(
        `须具有 ${rules.minGrade}A 及以上评估等级（本机构${grade == null ? "尚未评估" : `现为 ${grade}A`}）`,
      );
    }
  }

  if (rules.incubatedOnly && !facts.incubations.some((i) => i.status === "IN_RESIDENCE" || i.status === "GRADUATED")) {
    reasons.push("本次活动仅限在孵或已出壳的孵化基地机构申报");
  }

  return { eligible: reasons.length === 0, reasons };
}
