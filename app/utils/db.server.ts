import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export type { Prisma } from "~/generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

type PreparingClient = { prepare: (sql: string) => unknown; open?: boolean };

/** The adapter's own connection once Prisma has connected (prepared-reads.server.ts). */
let adapterClient: PreparingClient | null = null;

/**
 * The adapter starts interactive transactions with a plain (deferred) BEGIN. In WAL mode a
 * deferred transaction that has read and then writes after another connection committed (a
 * test worker, the seed, a second server process) fails at once with SQLITE_BUSY_SNAPSHOT;
 * the busy timeout does not cover it, so the user got a 500. BEGIN IMMEDIATE takes the write
 * lock up front and waits its turn under the busy timeout instead. This process runs one
 * transaction at a time anyway (the adapter's mutex), so nothing is lost.
 */
export class ImmediateTransactionsSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client?: PreparingClient }).client;
    // Fail loudly if an adapter upgrade moves the connection, rather than silently going back to BEGIN.
    if (!client || typeof client.prepare !== "function")
      throw new Error("better-sqlite3 adapter: connection not found");
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    // 4 MB of page cache, not better-sqlite3's 16 MB: the file is in the OS cache anyway, and
    // the memory goes to V8's young generation instead (server/cluster.js, decision 032).
    (client as unknown as { pragma: (sql: string) => unknown }).pragma("cache_size = -4000");
    adapterClient = client;
    return adapter;
  }
}

export function createClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  return new PrismaClient({ adapter: new ImmediateTransactionsSQLite({ url, timeout: 5000 }) });
}

// Reuse one client across dev rebuilds so we don't leak SQLite handles.
const globalForPrisma = globalThis as unknown as { __yimiaoPrisma?: PrismaClient };

export const prisma: PrismaClient = (globalForPrisma.__yimiaoPrisma ??= createClient());

/**
 * The better-sqlite3 connection Prisma itself queries through, for the few hot reads that
 * run their own prepared statements (prepared-reads.server.ts): the same connection, so
 * they see exactly what Prisma's queries see.
 */
export async function adapterConnection() {
  // $disconnect closes the connection; the next query (or $connect) opens another.
  if (!adapterClient?.open) await prisma.$connect();
  if (!adapterClient?.open) throw new Error("better-sqlite3 adapter: not connected");
  return adapterClient;
}

/** A client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Either the client or an open transaction: what read helpers take so they work inside a write. */
export type Db = Tx | typeof prisma;
