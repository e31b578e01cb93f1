// How a call's rules and phases are put into words. Pure.
import { CALL_PHASE_LABELS, plannedPublicityEnd, type CallPhase, type PlannedDates } from "./phase";
import type { CallEligibility } from "./settings";

/** The eligibility rules in plain Chinese, one sentence each. */
export function describeEligibility(e: CallEligibility): string[] {
  const lines: string[] = [];
  if (e.registeredActive) lines.push("已在本局依法登记且处于正常活动状态");
  if (e.inspectionNotFailedLastYear) lines.push("上一年度参加了年检，且结论不是不合格");
  if (e.notAbnormal) lines.push("未被列入活动异常名录");
  if (e.notBarred) lines.push(`近 ${e.barYears} 年内没有被终止的项目或终期评估不合格的项目`);
  if (e.minGrade != null) lines.push(`社会组织评估等级为 ${e.minGrade}A 及以上`);
  if (e.incubatedOnly) lines.push("仅限在孵或已出壳的孵化基地机构");
  if (lines.length === 0) lines.push("无特别资格限制");
  return lines;
}

/** Days, hours and minutes from `now` until `deadline` (all zero once it has passed). */
export function timeRemaining(deadline: Date, now: Date) {
  const ms = Math.max(0, deadline.getTime() - now.getTime());
  const totalMinutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
    passed: ms === 0,
  };
}

export type TimelineStep = { phase: Exclude<CallPhase, "NOT_OPEN" | "DONE">; label: string; from: Date; to: Date };

/** The phases a call goes through with their planned date ranges, for a timeline. */
export function callTimeline(call: PlannedDates): TimelineStep[] {
  const step = (phase: TimelineStep["phase"], from: Date, to: Date): TimelineStep => ({
    phase,
    label: CALL_PHASE_LABELS[phase],
    from,
    to,
  });
  // Each later phase starts right after the previous one ends.
  const after = (d: Date) => new Date(d.getTime() + 1);
  const publicityEnd = plannedPublicityEnd(call);
  return [
    step("APPLYING", call.applyOpensAt, call.applyClosesAt),
    step("SCREENING", after(call.applyClosesAt), call.screeningEndsAt),
    step("REVIEWING", after(call.screeningEndsAt), call.reviewEndsAt),
    step("PUBLICITY", after(call.reviewEndsAt), publicityEnd),
    step("SIGNING", after(publicityEnd), call.signingEndsAt),
  ];
}

/** 60 → "60%" */
export function pctText(value: number) {
  return `${value}%`;
}
