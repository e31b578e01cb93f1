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
