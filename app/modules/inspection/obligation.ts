// Who must file the annual report for a year, who is exempt, and the deadlines.
// Pure: the rule numbers come in as arguments (see config/rules.ts, keys inspection.*).
import { addDays, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";

export type ObligationRules = {
  "inspection.deadline": string;
  "inspection.foundationDeadline": string;
  "inspection.exemptMonths": number;
};

export type ObligationOrg = {
  type: string;
  status: string;
  registeredAt: Date | null;
};

export type Obligation = { kind: "NONE" } | { kind: "REPORT" } | { kind: "EXEMPT"; reason: string };

/** "05-31" for year 2025 → the last instant of 31 May 2026, Shanghai time. */
export function monthDayDeadline(monthDay: string, reportYear: number) {
  const m = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!m) throw new Error(`Invalid month-day rule value: ${monthDay}`);
  return shanghaiEndOfDay(reportYear + 1, Number(m[1]), Number(m[2]));
}

/** The default deadlines of the round for `year` (reports are filed the following year). */
export function roundDeadlines(year: number, rules: ObligationRules) {
  return {
    deadline: monthDayDeadline(rules["inspection.deadline"], year),
    foundationDeadline: monthDayDeadline(rules["inspection.foundationDeadline"], year),
  };
}

/** The deadline that applies to an organization of `type` in a round. */
export function deadlineFor(type: string, round: { deadline: Date; foundationDeadline: Date }) {
  return type === "FOUNDATION" ? round.foundationDeadline : round.deadline;
}

/**
 * The last calendar day (Shanghai) on which an organization could register and
 * still have been registered for `months` full months on 31 December of `year`.
 * For 6 months that is 30 June.
 */
export function exemptionCutoffDay(year: number, months: number) {
  // 31 December minus `months` months, clamped to the length of that month.
  const monthIndex = 12 - months; // 1-based month, may be ≤ 0 for long periods
  const y = year + Math.floor((monthIndex - 1) / 12);
  const month = ((((monthIndex - 1) % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return { year: y, month, day: Math.min(31, lastDay) };
}

function dayKey(p: { year: number; month: number; day: number }) {
  return p.year * 10000 + p.month * 100 + p.day;
}

/**
 * Whether an organization must report on `year`. Only REGISTERED organizations
 * report; one registered after 31 December of the year did not exist then; one
 * registered less than `inspection.exemptMonths` months before 31 December is
 * exempt. An unknown registration date counts as registered long ago.
 */
export function classifyObligation(org: ObligationOrg, year: number, rules: ObligationRules): Obligation {
  if (org.status !== "REGISTERED") return { kind: "NONE" };
  if (!org.registeredAt) return { kind: "REPORT" };
  const registered = dayKey(shanghaiParts(org.registeredAt));
  if (registered > dayKey({ year, month: 12, day: 31 })) return { kind: "NONE" };
  const months = rules["inspection.exemptMonths"];
  if (months <= 0) return { kind: "REPORT" };
  const cutoff = exemptionCutoffDay(year, months);
  if (registered > dayKey(cutoff)) {
    return { kind: "EXEMPT", reason: `截至${year}年12月31日登记不满${months}个月，免于${year}年度年检` };
  }
  return { kind: "REPORT" };
}

/** Whether the simplified report applies: the grade reaches the configured minimum (0 = never). */
export function isSimplified(currentGrade: number | null | undefined, simplifiedMinGrade: number) {
  return simplifiedMinGrade > 0 && currentGrade != null && currentGrade >= simplifiedMinGrade;
}

/** The end of the day `days` days after `at` (Shanghai), for rectification due dates. */
export function rectificationDueAt(at: Date, days: number) {
  const p = shanghaiParts(addDays(at, days));
  return shanghaiEndOfDay(p.year, p.month, p.day);
}
