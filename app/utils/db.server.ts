import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export type { Prisma } from "~/generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

function createClient() {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return new PrismaClient({ adapter });
}

// Reuse one client across dev rebuilds so we don't leak SQLite handles.
const globalForPrisma = globalThis as unknown as { __yimiaoPrisma?: PrismaClient };

export const prisma: PrismaClient = (globalForPrisma.__yimiaoPrisma ??= createClient());

/** A client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
