// How many rows a paginated list shows. Not a .server module on purpose: the
// Pagination component runs in the browser too, and a constant imported from a
// .server file is undefined there ("第 1 / NaN 页", hydration errors, #19).
// Server queries and components read the same numbers from here.

/** Rows per page of every list (docs/DEVELOPING.md: 20 per page). */
export const PAGE_SIZE = 20;

/** The audit log pages by 50: its rows are one line each. */
export const AUDIT_PAGE_SIZE = 50;

// ───────────────────────── Keyset paging (issue #17, decision 023) ─────────────────────────
// OFFSET makes page 4,000 read and drop 80,000 rows first. The previous/next links of a
// long list carry instead the sort key and id of the row they continue from (?after= /
// ?before=), and the page is read from there by an index range: page 4,000 costs what
// page 1 costs. A page number typed without a cursor still works, by OFFSET.

/** A list ordered by one column, then by id in the same direction (so every row has one place). */
export type KeysetOrder = { field: string; direction: "asc" | "desc"; type: "date" | "string" | "number" };

/** The row a page continues from: its sort key and id. */
export type PageCursor = { key: string | number; id: string };

/** Where a page starts: after a cursor (next), before one (previous), or by page number. */
export type PageStart = { after: PageCursor | null; before: PageCursor | null };

/** The links' cursors: null when there is no such page (or no keyset paging). */
export type PageCursors = { next: string | null; prev: string | null };

export function encodeCursor(cursor: PageCursor) {
  return JSON.stringify([cursor.key, cursor.id]);
}

/** A cursor from the URL, or null when absent or malformed (then the page number counts). */
export function decodeCursor(value: string | null, order: KeysetOrder): PageCursor | null {
  if (!value || value.length > 300) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "string") return null;
  const [key, id] = parsed as [unknown, string];
  if (order.type === "number") return typeof key === "number" && Number.isFinite(key) ? { key, id } : null;
  if (typeof key !== "string") return null;
  if (order.type === "date" && Number.isNaN(Date.parse(key))) return null;
  return { key, id };
}

export function readPageStart(params: URLSearchParams, order: KeysetOrder): PageStart {
  const after = decodeCursor(params.get("after"), order);
  return { after, before: after ? null : decodeCursor(params.get("before"), order) };
}

/** The sort key as the database compares it. */
function keyValue(cursor: PageCursor, order: KeysetOrder): string | number | Date {
  return order.type === "date" ? new Date(cursor.key) : cursor.key;
}

/**
 * The rows strictly after the cursor in the list's order ("forward"), or strictly before
 * it ("backward"), as a Prisma where. The range on the sort column comes first so SQLite
 * seeks the column's index; the id only decides among rows with the same key.
 */
export function keysetWhere(order: KeysetOrder, cursor: PageCursor, way: "forward" | "backward") {
  const value = keyValue(cursor, order);
  const descending = (order.direction === "desc") === (way === "forward");
  const [inclusive, strict] = descending ? (["lte", "lt"] as const) : (["gte", "gt"] as const);
  return {
    [order.field]: { [inclusive]: value },
    OR: [{ [order.field]: { [strict]: value } }, { id: { [strict]: cursor.id } }],
  };
}

/** orderBy for the list's order, or its reverse (a previous page is read backwards, then flipped). */
export function keysetOrderBy(order: KeysetOrder, way: "forward" | "backward" = "forward") {
  const direction = way === "forward" ? order.direction : order.direction === "desc" ? "asc" : "desc";
  return [{ [order.field]: direction }, { id: direction }];
}

export function cursorOf(row: Record<string, unknown>, order: KeysetOrder): string {
  const key = row[order.field];
  return encodeCursor({
    key: key instanceof Date ? key.toISOString() : (key as string | number),
    id: row.id as string,
  });
}

/** What `find` gets: Prisma's extra where (AND it with the list's own), orderBy, skip and take. */
export type KeysetFindArgs = {
  where: Record<string, unknown>;
  orderBy: Array<Record<string, "asc" | "desc">>;
  skip: number;
  take: number;
};

/** The row a page continues from (null: the first page, or a page typed by number), and which way. */
export type KeysetFrom = { cursor: PageCursor | null; way: "forward" | "backward" };

/**
 * One page of a keyset-paged list: `find` gets the extra where (AND it with the list's
 * own), the orderBy, skip and take; a raw SQL read builds the same range from its second
 * argument instead (keyset-sql.server.ts). From a cursor it reads by range; without one, by
 * OFFSET of the page number. The next and previous links' cursors come back with the rows.
 */
export async function keysetPage<Row extends { id: string }>(options: {
  order: KeysetOrder;
  start: PageStart;
  page: number;
  pageSize: number;
  find: (args: KeysetFindArgs, from: KeysetFrom) => Promise<Row[]>;
}): Promise<{ rows: Row[]; cursors: PageCursors }> {
  const { order, start, page, pageSize, find } = options;
  // One row more than the page tells whether there is a next (or previous) page.
  const take = pageSize + 1;
  let rows: Row[];
  let more: boolean;
  if (start.before) {
    const read = await find(
      {
        where: keysetWhere(order, start.before, "backward"),
        orderBy: keysetOrderBy(order, "backward"),
        skip: 0,
        take,
      },
      { cursor: start.before, way: "backward" },
    );
    more = read.length > pageSize;
    rows = read.slice(0, pageSize).reverse();
    const first = rows[0];
    const last = rows[rows.length - 1];
    return {
      rows,
      cursors: {
        next: last ? cursorOf(last, order) : null,
        prev: more && first && page > 1 ? cursorOf(first, order) : null,
      },
    };
  }
  const read = await find(
    {
      where: start.after ? keysetWhere(order, start.after, "forward") : {},
      orderBy: keysetOrderBy(order),
      skip: start.after ? 0 : (page - 1) * pageSize,
      take,
    },
    { cursor: start.after, way: "forward" },
  );
  more = read.length > pageSize;
  rows = read.slice(0, pageSize);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    cursors: {
      next: more && last ? cursorOf(last, order) : null,
      prev: page > 1 && first ? cursorOf(first, order) : null,
    },
  };
}
