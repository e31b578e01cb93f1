// Who may apply to enter the incubation base (docs/DOMAIN.md "Incubation base").
// Pure: the inputs are gathered by eligibility.server.ts and the rule is
// unit-tested in eligibility.test.ts.
import type { RuleValues } from "~/modules/config/rules";
import { orgStatusLabel } from "~/modules/organizations/labels";
import { shanghaiMidnight, shanghaiParts } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { incubationStatusLabel } from "./labels";

/** Registered organizations, and groups preparing to register, may apply. */
export const INCUBATION_APPLICANT_STATUSES = ["REGISTERED", "PREPARING"] as const;

/**
 * The domain guide names "an administrative penalty" and "false materials" as
 * exclusions without a period. Our choice (not from the guide, to be confirmed
 * with the bureau): an administrative penalty excludes for 3 years from the day
 * it was decided, while false materials exclude for ever. Only
 * ADMIN_PENALTY and FALSE_MATERIALS count; the abnormal-activity list
 * (ABNORMAL_LIST) is not an exclusion in the guide.
 */
export const PENALTY_LOOKBACK_YEARS = 3;

export type EligibilityInput = {
  /** Organization.status */
  organizationStatus: string;
  /** The organization's InspectionReport rows (any years; older ones are ignored here). */
  inspections: ReadonlyArray<{ year: number; status: string; conclusion: string | null }>;
  /** The organization's CreditRecord rows (any kind; other kinds are ignored here). */
  creditRecords: ReadonlyArray<{ kind: string; decidedAt: Date; description: string }>;
  /** The organization's applications that are still open or in residence. */
  openIncubations: ReadonlyArray<{ status: string }>;
  rules: Pick<RuleValues, "incubation.exclusionLookbackYears">;
  today: Date;
};

export type EligibilityResult = { eligible: boolean; reasons: string[] };

/** The first year whose inspection still counts: report years ≥ current year − N. */
export function inspectionLookbackFromYear(today: Date, lookbackYears: number) {
  return shanghaiParts(today).year - lookbackYears;
}

/** Penalties decided on or after this instant (00:00 Shanghai, same day 3 years earlier) count. */
export function penaltyCutoff(today: Date) {
  const p = shanghaiParts(today);
  return shanghaiMidnight(p.year - PENALTY_LOOKBACK_YEARS, p.month, p.day);
}

function failedOrMissed(report: { status: string; conclusion: string | null }): "UNQUALIFIED" | "MISSED" | null {
  if (report.status === "MISSED" || report.conclusion === "MISSED") return "MISSED";
  if (report.conclusion === "UNQUALIFIED") return "UNQUALIFIED";
  return null;
}

/** Checks the exclusion rules; every reason that applies is listed, in Chinese. */
export function checkIncubationEligibility(input: EligibilityInput): EligibilityResult {
  const reasons: string[] = [];

  if (!(INCUBATION_APPLICANT_STATUSES as readonly string[]).includes(input.organizationStatus)) {
    reasons.push(
      `本机构登记状态为「${orgStatusLabel(input.organizationStatus)}」，只有已登记或正在筹备登记的社会组织可以申请入驻`,
    );
  }

  for (const open of input.openIncubations) {
    reasons.push(
      open.status === "IN_RESIDENCE"
        ? "本机构目前正在孵化基地入驻，不能重复申请"
        : `本机构已有一份入驻申请正在办理中（${incubationStatusLabel(open.status)}），请等待办理结果`,
    );
  }

  const lookbackYears = input.rules["incubation.exclusionLookbackYears"];
  const fromYear = inspectionLookbackFromYear(input.today, lookbackYears);
  const inspections = input.inspections
    .filter((r) => r.year >= fromYear)
    .map((r) => ({ year: r.year, result: failedOrMissed(r) }))
    .sort((a, b) => b.year - a.year);
  for (const { year, result } of inspections) {
    if (result === "UNQUALIFIED") {
      reasons.push(`${year}年度年检结论为不合格（近 ${lookbackYears} 年内年检不合格的社会组织不能申请入驻）`);
    } else if (result === "MISSED") {
      reasons.push(`${year}年度未参加年检（近 ${lookbackYears} 年内未参检的社会组织不能申请入驻）`);
    }
  }

  const cutoff = penaltyCutoff(input.today).getTime();
  const credit = [...input.creditRecords].sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime());
  for (const record of credit) {
    if (record.kind === "ADMIN_PENALTY" && record.decidedAt.getTime() >= cutoff) {
      reasons.push(
        `${formatDate(record.decidedAt)}受到行政处罚：${record.description}（近 ${PENALTY_LOOKBACK_YEARS} 年内受到行政处罚的社会组织不能申请入驻）`,
      );
    } else if (record.kind === "FALSE_MATERIALS") {
      reasons.push(
        `${formatDate(record.decidedAt)}被认定提供虚假材料：${record.description}（有提供虚假材料记录的社会组织不能申请入驻）`,
      );
    }
  }

  return { eligible: reasons.length === 0, reasons };
}
