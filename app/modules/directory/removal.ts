// Removal during the year (#15 item 5): the triggers that take an organization off
// the directory, found in the record. Pure. The write paths that create these facts
// (inspection conclusion, 未参检, credit records, grade changes) remove at once with
// their own reason (removal.server.ts); this finds what they may have missed, for the
// staff's "run checks" safety net.
import { openAbnormalRecords } from "~/modules/grants/calls/eligibility";
import { creditKindLabel } from "~/modules/registry/credit";
import { formatDate } from "~/utils/format";
import type { DirectoryFacts, DirectoryRules } from "./conditions";

export type TriggerKind = "REPORT" | "PENALTY" | "ABNORMAL" | "GRADE" | "PROJECT" | "BAN";

export type RemovalTrigger = { kind: TriggerKind; reason: string };

export type TriggerFacts = DirectoryFacts & {
  /** annual reports concluded 不合格 or marked 未参检, with when */
  badReports: ReadonlyArray<{ year: number; conclusion: string | null; concludedAt: Date | null }>;
  /** confirmed cancellations of the organization's grade */
  gradeCancellations: ReadonlyArray<{ decidedAt: Date }>;
};

const within = (d: Date | null, since: Date, at: Date) =>
  d != null && d.getTime() >= since.getTime() && d.getTime() <= at.getTime();

/** The reason shown publicly for a bad annual report. */
export function reportTriggerReason(year: number, conclusion: string | null) {
  return conclusion === "MISSED" ? `${year}年度未按期参加年检` : `${year}年度年检结论为不合格`;
}

export function creditTriggerReason(record: { kind: string; description: string }) {
  return `${creditKindLabel(record.kind)}：${record.description}`;
}

export function gradeTriggerReason(toGrade: number | null, minGrade: number) {
  return toGrade == null ? "评估等级被取消" : `评估等级降为 ${toGrade}A，低于目录要求的 ${minGrade}A`;
}

/** Does a grade change remove a listed organization? A cancellation always does; a lower grade below the minimum. */
export function gradeChangeRemoves(toGrade: number | null, minGrade: number) {
  return toGrade == null || (minGrade > 0 && toGrade < minGrade);
}

/** Every trigger that fired since `since` (the listing) up to `at`. */
export function removalTriggers(facts: TriggerFacts, rules: DirectoryRules, since: Date, at: Date): RemovalTrigger[] {
  const found: RemovalTrigger[] = [];
  for (const r of facts.badReports) {
    if (within(r.concludedAt, since, at) && (r.conclusion === "UNQUALIFIED" || r.conclusion === "MISSED")) {
      found.push({ kind: "REPORT", reason: reportTriggerReason(r.year, r.conclusion) });
    }
  }
  for (const c of facts.credits) {
    if ((c.kind === "ADMIN_PENALTY" || c.kind === "FALSE_MATERIALS") && within(c.decidedAt, since, at)) {
      found.push({ kind: "PENALTY", reason: creditTriggerReason(c) });
    }
  }
  for (const c of facts.credits) {
    if (openAbnormalRecords([c], at).length > 0) found.push({ kind: "ABNORMAL", reason: creditTriggerReason(c) });
  }
  const min = rules["directory.minGrade"];
  if (facts.gradeCancellations.some((g) => within(g.decidedAt, since, at))) {
    found.push({ kind: "GRADE", reason: gradeTriggerReason(null, min) });
  } else if (min > 0 && (facts.grade == null || facts.grade.grade < min)) {
    found.push({
      kind: "GRADE",
      reason: facts.grade ? gradeTriggerReason(facts.grade.grade, min) : `评估等级已失效，目录要求 ${min}A 及以上`,
    });
  }
  for (const p of facts.projects) {
    if (p.finalGrade === "不合格" && within(p.closedAt, since, at)) {
      found.push({ kind: "PROJECT", reason: `公益创投项目「${p.title}」终期评估不合格` });
    }
  }
  if (facts.ban) {
    found.push({ kind: "BAN", reason: `公益创投禁入至${formatDate(facts.ban.endsAt)}：${facts.ban.reason}` });
  }
  return found;
}
