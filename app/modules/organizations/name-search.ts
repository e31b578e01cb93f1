// How the directory matches a typed name (issue #19 item 12): by character
// pairs, so "阳光社工" finds 江宁区阳光社会工作服务中心 although the words
// are not adjacent. The database keeps the pairs of every name in
// OrganizationNameGram (filled by triggers on Organization, see the migration
// name_grams); these pure rules say which pairs a name and a term have, how
// many must match, and how matches rank. The SQL in name-search.server.ts
// applies the same rules.

/** Names are indexed up to this many characters (the trigger's position table). */
export const MAX_INDEXED_NAME_LENGTH = 200;

/**
 * ASCII letters fold to lower case (SQLite's lower() folds only ASCII); spaces,
 * half- and full-width, are dropped. NORMALIZED_NAME_SQL does the same in SQL.
 */
export function normalizeSearchText(text: string) {
  return text.replace(/[ \u3000]/g, "").replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The grams stored for a name: each pair of adjacent characters, and the last
 * character on its own (so a one-character term finds a name ending with it).
 * Distinct, in order of first appearance.
 */
export function nameGrams(name: string): string[] {
  const chars = Array.from(normalizeSearchText(name)).slice(0, MAX_INDEXED_NAME_LENGTH);
  const grams = chars.map((c, i) => c + (chars[i + 1] ?? ""));
  return [...new Set(grams)];
}

/**
 * The first text after every text starting with `prefix`, for an index range
 * [prefix, afterPrefix(prefix)): the last character moved one code point on.
 */
export function afterPrefix(prefix: string) {
  const chars = Array.from(prefix);
  const next = chars.pop()!.codePointAt(0)! + 1;
  // SQLite compares UTF-8 bytes, which order as code points; skip the surrogate block.
  return chars.join("") + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
}

export type NameSearchPlan =
  | { kind: "none" }
  /** a one-character term: every gram starting with it, an index range [from, to) */
  | { kind: "prefix"; term: string; from: string; to: string; minHits: 1 }
  /** two characters or more: its pairs, of which at least minHits must be in the name */
  | { kind: "pairs"; term: string; grams: string[]; minHits: number; chars: string[] };

/** The grams a term looks up, how many of them a name must have, and the characters it must hold. */
export function nameSearchPlan(rawTerm: string): NameSearchPlan {
  const term = normalizeSearchText(rawTerm);
  const chars = Array.from(term);
  if (chars.length === 0) return { kind: "none" };
  if (chars.length === 1) {
    const from = chars[0]!;
    return { kind: "prefix", term, from, to: afterPrefix(from), minHits: 1 };
  }
  const grams = [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
  // At least two thirds of the pairs (rounded up): "阳光社工" (阳光 光社 社工) needs two,
  // "基金会" (基金 金会) both, so a short term stays as precise as a substring. And every
  // character typed must be in the name: "江宁区益家社会工作服务中心" shares most of its
  // pairs with 江宁区阳光社会工作服务中心 but is another organization.
  return { kind: "pairs", term, grams, minHits: Math.ceil((grams.length * 2) / 3), chars: [...new Set(chars)] };
}

/** Match tiers, best first. */
export const MATCH_TIERS = ["exact", "prefix", "contains", "pairs"] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/**
 * How a name matches a term, or null when it is not listed: its tier (the
 * whole name, its beginning, anywhere, or only enough pairs) and how many of
 * the term's pairs it has. Results sort by tier, then by hits (more first).
 */
export function matchName(name: string, rawTerm: string): { tier: MatchTier; hits: number } | null {
  const plan = nameSearchPlan(rawTerm);
  if (plan.kind === "none") return null;
  const text = normalizeSearchText(name);
  const grams = new Set(nameGrams(name));
  const hits =
    plan.kind === "prefix"
      ? [...grams].some((g) => g.startsWith(plan.from))
        ? 1
        : 0
      : plan.grams.filter((g) => grams.has(g)).length;
  if (hits < plan.minHits) return null;
  if (plan.kind === "pairs" && !plan.chars.every((c) => text.includes(c))) return null;
  const tier: MatchTier =
    text === plan.term
      ? "exact"
      : text.startsWith(plan.term)
        ? "prefix"
        : text.includes(plan.term)
          ? "contains"
          : "pairs";
  return { tier, hits };
}

/** Orders names as the directory lists them for a term (ties keep their order). */
export function rankNames(names: readonly string[], term: string): string[] {
  return names
    .map((name, index) => ({ name, index, match: matchName(name, term) }))
    .filter((row) => row.match != null)
    .sort(
      (a, b) =>
        MATCH_TIERS.indexOf(a.match!.tier) - MATCH_TIERS.indexOf(b.match!.tier) ||
        b.match!.hits - a.match!.hits ||
        a.index - b.index,
    )
    .map((row) => row.name);
}

/**
 * What one search reads at most (decision 027), so that no term costs more than
 * another however many names hold it. A name with at least minHits of a term's k
 * grams holds at least one of any k − minHits + 1 of them, so a search reads only
 * that many of the term's gram lists, the shortest ("drivers"), and checks the
 * other grams per candidate by primary key: every match is found as long as those
 * lists are within GRAM_READS_PER_LIST entries each (GRAM_READS_PER_SEARCH in all).
 * NAME_PREFIX_READS names starting with the term come from the name index, so exact
 * and prefix matches are always candidates. A term whose shortest lists are longer
 * is answered from what was read, and the page says the list is incomplete.
 * Each candidate costs a few microseconds of SQLite CPU (its other pairs, its row, its
 * rank), so these bounds are what a common term's search costs: 400 per list keeps it
 * near 2 ms at 100,000 organizations, where 1,000 cost about 5 ms (decision 034).
 */
export const GRAM_READS_PER_SEARCH = 1_600;
export const GRAM_READS_PER_LIST = 400;
export const NAME_PREFIX_READS = 200;

/** How many of the plan's gram lists a search reads: any this many hold every match. */
export function driverListCount(plan: NameSearchPlan) {
  if (plan.kind === "none") return 0;
  return plan.kind === "prefix" ? 1 : plan.grams.length - plan.minHits + 1;
}

/** How many entries of each list read a search takes at most. */
export function gramReadsPerList(plan: NameSearchPlan) {
  const lists = driverListCount(plan);
  return lists === 0 ? 0 : Math.min(GRAM_READS_PER_LIST, Math.floor(GRAM_READS_PER_SEARCH / lists));
}

/** The indexes (into plan.grams) of the lists to read: the shortest, given each list's counted length. */
export function driverGrams(plan: NameSearchPlan & { kind: "pairs" }, lengths: readonly number[]) {
  return plan.grams
    .map((_, index) => index)
    .sort((a, b) => lengths[a]! - lengths[b]! || a - b)
    .slice(0, driverListCount(plan));
}
