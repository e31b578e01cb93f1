// 跟踪评估 (a seeded sample of 4A+ organizations) and 核查评估 (one organization,
// triggered by an event): the draw and the table of a check's states. Pure.
import { hashString, mulberry32 } from "~/modules/review/assignment";

export const CHECK_KIND_LABELS = { FOLLOW_UP: "跟踪评估", VERIFICATION: "核查评估" } as const;
export type CheckKind = keyof typeof CHECK_KIND_LABELS;

/**
 * Draws `size` ids from `population` with the seed: the population is sorted
 * first, so the same seed over the same organizations always gives the same
 * sample, whatever order the database returned them in.
 */
export function drawSample(population: readonly string[], size: number, seed: string): string[] {
  const items = [...new Set(population)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const random = mulberry32(hashString(seed));
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.slice(0, Math.max(0, Math.min(size, items.length)));
}

/** A fresh seed for a draw; stored with the sample so it can be redrawn. */
export function newSeed(now: Date) {
  return `${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}
