// Query-plan checks at volume (issue #17): the SQL a Prisma call really sends, and what
// SQLite's EXPLAIN QUERY PLAN says about it on the test's own database.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export function openTestDb() {
  return new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
}

export function plan(db: Database.Database, query: { sql: string; values: unknown[] }) {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.values) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

/** A full scan of a table (by name or alias) that is not an index walk. */
export function fullScans(details: string[], tables: RegExp) {
  return details.filter((d) => /^SCAN /.test(d) && tables.test(d) && !/USING (COVERING )?INDEX/.test(d));
}

/** The SELECTs a Prisma call really sends, through a client that logs its statements. */
export async function capture(run: (client: PrismaClient) => Promise<unknown>) {
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: Array<{ sql: string; values: unknown[] }> = [];
  client.$on("query", (e) => statements.push({ sql: e.query, values: JSON.parse(e.params) as unknown[] }));
  try {
    await run(client);
  } finally {
    await client.$disconnect();
  }
  return statements.filter((s) => /^\s*SELECT/i.test(s.sql));
}
