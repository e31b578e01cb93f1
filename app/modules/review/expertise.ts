// A reviewer's expertise tags as stored on ReviewerProfile, read by automatic
// assignment (tags matched against a subject's category) and the staff pages.

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
