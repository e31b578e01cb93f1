// Applies migrations to DATABASE_URL, switches the file to WAL mode, and loads
// the demo data when the database has no users yet (or when --seed is given), and chains
// audit events that predate the hash chain.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const url = (process.env.DATABASE_URL ??= "file:./data/dev.db");
const file = url.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });

const db = new Database(file);
db.pragma("journal_mode = WAL");
const { n } = db.prepare("SELECT COUNT(*) AS n FROM User").get() as { n: number };
db.close();

if (n === 0 || process.argv.includes("--seed")) {
  console.log("› Loading demo data…");
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { stdio: "inherit", env: process.env });
} else {
  console.log(`› Database ${file} already has data (${n} users); leaving it as it is.`);
  // Audit events written before the hash chain existed are chained once, in createdAt order.
  const { sealAuditChain } = await import("~/modules/audit/chain.server");
  const { prisma } = await import("~/utils/db.server");
  const sealed = await sealAuditChain(prisma);
  if (sealed > 0) console.log(`› Chained ${sealed} earlier audit events.`);
  await prisma.$disconnect();
}
