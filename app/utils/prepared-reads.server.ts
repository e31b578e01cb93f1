// Hot reads through prepared statements on Prisma's own SQLite connection (issue #17).
// A Prisma call costs about a millisecond of CPU before SQLite runs (its query compiler,
// then the adapter prepares the statement anew every time); a read done on every request
// of a busy page — the name search — binds a statement prepared once instead. Only for
// reads whose SQL is built in one place and whose plan a query-plan test checks.
import type { Statement } from "better-sqlite3";
import { adapterConnection } from "./db.server";

type Query = { sql: string; values: readonly unknown[] };

/** Prepared statements by SQL text, per connection (a reconnect gets its own). */
const prepared = new WeakMap<object, Map<string, Statement>>();
/** Search SQL varies with the number of a term's pairs; a few hundred shapes at most. */
const MAX_STATEMENTS = 300;

/**
 * A value as Prisma's SQLite adapter binds it: a Date as the ISO text DateTime columns hold
 * ("…T…+00:00", so comparisons with stored dates are text comparisons in the same format),
 * a boolean as 0/1. Query builders can then hand the same Prisma.sql to either path.
 */
const bindable = (value: unknown) =>
  value instanceof Date
    ? value.toISOString().replace("Z", "+00:00")
    : typeof value === "boolean"
      ? Number(value)
      : value;

/**
 * The rows of a read, integers as numbers (the adapter's connection defaults to BigInt).
 * Raw values come back: DateTime columns as their stored text, booleans as 0/1.
 */
export async function readRows<Row>(query: Query): Promise<Row[]> {
  const connection = (await adapterConnection()) as { prepare: (sql: string) => Statement };
  let statements = prepared.get(connection);
  if (!statements) prepared.set(connection, (statements = new Map()));
  let statement = statements.get(query.sql);
  if (!statement) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = connection.prepare(query.sql).safeIntegers(false);
    statements.set(query.sql, statement);
  }
  return statement.all(...query.values.map(bindable)) as Row[];
}
