// The scope of the public statistics (#14 item 11): a year or a call, narrowed to one category
// (服务领域) and to one street (where the funded organization is based). One zod schema reads
// it for the page and for its Excel download, and one function writes it back into a query
// string, so the download always holds the figures the page shows.
import { z } from "zod";

const choice = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .catch(null);

const StatsScopeSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).nullable().catch(null),
  callId: choice(40),
  category: choice(50),
  street: choice(20),
});
export type StatsScope = z.infer<typeof StatsScopeSchema>;

/** The scope a query string asks for; anything malformed is dropped (never an error page). */
export function parseStatsScope(params: URLSearchParams): StatsScope {
  return StatsScopeSchema.parse({
    year: params.get("year") || null,
    callId: params.get("call") ?? "",
    category: params.get("category") ?? "",
    street: params.get("street") ?? "",
  });
}

/** Whether the visitor chose anything (a first visit shows the latest year instead of all years). */
export function scopeAsked(params: URLSearchParams) {
  return ["year", "call", "category", "street"].some((name) => params.has(name));
}

/** The query string of a scope (a call stands for its year, so the year is left out with it). */
export function statsScopeQuery(scope: StatsScope) {
  const params = new URLSearchParams();
  if (scope.callId) params.set("call", scope.callId);
  else if (scope.year) params.set("year", String(scope.year));
  if (scope.category) params.set("category", scope.category);
  if (scope.street) params.set("street", scope.street);
  return params.toString();
}

/** How the page and the workbook name a scope, e.g. 2025 年度 · 为老 · 东山街道. */
export function statsScopeLabel(scope: StatsScope, call: { year: number; title: string } | null) {
  const period = call
    ? `${call.year} 年度 · ${call.title}`
    : scope.callId
      ? "所选活动"
      : scope.year
        ? `${scope.year} 年度`
        : "全部年度";
  return [period, scope.category, scope.street].filter(Boolean).join(" · ");
}
