// Reviewer vocabulary shared by the admin forms and, later, reviewer assignment.

/** Fixed list so assignment can match tags exactly; "其他" catches the rest. */
export const EXPERTISE_TAGS = [
  "为老",
  "助残",
  "青少年",
  "救助帮困",
  "社区治理",
  "财务",
  "法律",
  "社会工作",
  "其他",
] as const;
export type ExpertiseTag = (typeof EXPERTISE_TAGS)[number];

/** The affiliation picker shows at most this many matches per search. */
export const ORGANIZATION_SEARCH_LIMIT = 20;

/** Reads ReviewerProfile.expertiseTags (a JSON array); malformed data yields no tags instead of an error page. */
export function parseExpertiseTags(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}
