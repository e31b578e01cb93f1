/**
 * Splits a list for `IN (…)` queries: SQLite through the Prisma adapter accepts a
 * bounded number of bound parameters per statement, and a round of 5,000
 * applications passes it (P2029). 500 per statement stays well inside it.
 */
export const IN_LIST_SIZE = 500;

export function chunks<T>(items: readonly T[], size = IN_LIST_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
