// Staff review of registration applications: due dates and the code given on
// approval. Pure; the numbers and the codes already in use are passed in.
import type { OrgType } from "~/modules/organizations/labels";
import { generateUscc, USCC_TYPE_DIGITS } from "~/modules/organizations/uscc";
import { addDays } from "~/utils/dates";
import type { ApplicationKind } from "./application-form";
import type { RegistrationState } from "./workflow";

/** States in which a decision is still owed. */
export const UNDECIDED_STATES: RegistrationState[] = ["SUBMITTED", "ACCEPTED", "CORRECTION"];

/** States staff see in their list (drafts stay private to the applicant). */
export const REVIEW_LIST_STATES: RegistrationState[] = ["SUBMITTED", "ACCEPTED", "CORRECTION", "APPROVED", "REJECTED"];

/** States in which the organization may not start another application. */
export const OPEN_STATES: RegistrationState[] = ["DRAFT", "SUBMITTED", "ACCEPTED", "CORRECTION"];

/** The decision is due `reviewDays` (rule registration.reviewDays) after the first submission. */
export function decisionDueAt(firstSubmittedAt: Date, reviewDays: number) {
  return addDays(firstSubmittedAt, reviewDays);
}

export function isOverdue(application: { status: string; dueAt: Date | string | null }, now: Date) {
  if (!application.dueAt || !(UNDECIDED_STATES as string[]).includes(application.status)) return false;
  return new Date(application.dueAt).getTime() < now.getTime();
}

/** Position 2 of the code: 1 社会团体, 2 民非, 3 基金会; 9 for a 备案 and anything else. */
export function usccTypeDigit(orgType: string, kind: ApplicationKind | string) {
  if (kind === "FILING") return USCC_TYPE_DIGITS.COMMUNITY;
  return USCC_TYPE_DIGITS[orgType as OrgType] ?? USCC_TYPE_DIGITS.COMMUNITY;
}

/** The 8-character organization-code body inside a USCC (positions 9–16). */
export function orgCodeBodyOf(uscc: string) {
  return uscc.slice(8, 16);
}

/**
 * The next free organization-code body "MJ" + 6 digits, counting on from
 * `counter` (the number of organizations already coded) and skipping any
 * body a code in `taken` already uses.
 */
export function nextOrgCodeBody(counter: number, taken: ReadonlySet<string>) {
  for (let n = counter + 1; n <= 999_999; n++) {
    const body = `MJ${String(n).padStart(6, "0")}`;
    if (!taken.has(body)) return body;
  }
  throw new Error("No free organization code left in the MJ series");
}

/** The USCC given on approval. `existingCodes` are the codes already issued. */
export function assignUscc(input: { orgType: string; kind: string; areaCode: string; existingCodes: string[] }) {
  const taken = new Set(input.existingCodes.map(orgCodeBodyOf));
  return generateUscc({
    typeDigit: usccTypeDigit(input.orgType, input.kind),
    areaCode: input.areaCode,
    orgCodeBase8: nextOrgCodeBody(input.existingCodes.length, taken),
  });
}
