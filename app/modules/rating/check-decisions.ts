/** What staff may decide on a submitted rating application (staff-check.server.ts). */
export const CHECK_DECISIONS = ["ACCEPTED", "RETURNED", "REJECTED"] as const;
export type CheckDecision = (typeof CHECK_DECISIONS)[number];
