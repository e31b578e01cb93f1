// Keyset paging (decision 023) for a list read by one raw SQL statement (decision 033): the
// same range and order keysetWhere / keysetOrderBy give Prisma, as SQL on a table alias.
import { Prisma } from "~/generated/prisma/client";
import type { KeysetFrom, KeysetOrder } from "./paging";

/** A column of the list's table (trusted names from the list's own code, never from a request). */
const column = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);

/**
 * The page's range from its cursor (or TRUE without one) and its ORDER BY. Put the range
 * FIRST in the WHERE: when the list has its own bound on the sort column (the audit log's
 * date range), SQLite bounds the index walk by the first bound it meets, and the cursor's is
 * the tight one — with the list's bound first, page 1,801 walked the 90,000 entries above it.
 */
export function keysetSql(order: KeysetOrder, alias: string, from: KeysetFrom) {
  const key = column(alias, order.field);
  const id = column(alias, "id");
  const descending = (order.direction === "desc") === (from.way === "forward");
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const orderBy = Prisma.sql`${key} ${direction}, ${id} ${direction}`;
  if (!from.cursor) return { range: Prisma.sql`1`, orderBy };
  const value = order.type === "date" ? new Date(from.cursor.key) : from.cursor.key;
  const range = descending
    ? Prisma.sql`${key} <= ${value} AND (${key} < ${value} OR ${id} < ${from.cursor.id})`
    : Prisma.sql`${key} >= ${value} AND (${key} > ${value} OR ${id} > ${from.cursor.id})`;
  return { range, orderBy };
}
