import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Without a resolvable url the CLI falls back to downloading a native engine,
// which cannot work offline, so always provide the default.
process.env.DATABASE_URL ??= "file:./data/dev.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
