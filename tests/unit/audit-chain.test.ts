// The audit hash chain against a real SQLite file: concurrent writers in two processes
// append one chain, a row edited directly in SQLite is found, seeding seals createMany rows,
// and nothing in app/ writes AuditEvent except the audit writer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { recordAudit, recordAudits } from "~/modules/audit/audit.server";
import { sealAuditChain, verifyAuditChain } from "~/modules/audit/chain.server";
import { prisma } from "~/utils/db.server";

const event = (entityId: string) => ({ actorId: null, action: "grade.record", entityType: "Organization", entityId });

describe("audit hash chain", () => {
  test("writers in two other processes append one unforked chain", async () => {
    await prisma.$disconnect();
    const write = (prefix: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn("npx", ["tsx", "tests/support/audit-writer.ts", "25", prefix], {
          env: process.env,
          stdio: "ignore",
        });
        child.on("exit", resolve);
      });
    expect(await Promise.all([write("left"), write("right")])).toEqual([0, 0]);
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyAuditChain()).toMatchObject({ intact: true, length: 50 });
  }, 60_000);

  test("a bulk write links every event", async () => {
    await prisma.$transaction((tx) => recordAudits(tx, [event("a"), event("b"), event("c")]));
    await prisma.$transaction((tx) => recordAudit(tx, event("d")));
    expect(await verifyAuditChain()).toMatchObject({ intact: true, length: 4 });
  });

  test("a row edited directly in SQLite fails verification at that row", async () => {
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 6; i++) await recordAudit(tx, { ...event(`o${i}`), reason: "评估结果" });
    });
    const target = await prisma.auditEvent.findFirstOrThrow({ where: { seq: 3 }, select: { id: true } });
    await prisma.$disconnect();
    const file = process.env.DATABASE_URL!.replace(/^file:/, "");
    const db = new Database(file);
    db.prepare(`UPDATE "AuditEvent" SET "toState" = 'A' WHERE "seq" = 3`).run();
    db.close();

    expect(await verifyAuditChain()).toEqual({
      intact: false,
      intactUpTo: 2,
      broken: { seq: 3, eventId: target.id, reason: "content" },
    });
  });

  test("a duplicated position is refused by the unique index", async () => {
    await prisma.$transaction((tx) => recordAudit(tx, event("x")));
    await expect(
      prisma.auditEvent.create({ data: { ...event("y"), seq: 1, prevHash: "0", hash: "0" } }),
    ).rejects.toThrow();
  });

  test("events written without a link are reported, then sealed in createdAt order", async () => {
    await prisma.$transaction((tx) => recordAudit(tx, event("linked")));
    await prisma.auditEvent.createMany({
      data: [
        { ...event("later"), createdAt: new Date("2026-02-01T00:00:00Z") },
        { ...event("earlier"), createdAt: new Date("2026-01-01T00:00:00Z") },
      ],
    });
    expect(await verifyAuditChain()).toMatchObject({ intact: false, broken: { seq: 2, reason: "unsealed" } });
    expect(await sealAuditChain()).toBe(2);
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { entityId: true } });
    expect(rows.map((r) => r.entityId)).toEqual(["linked", "earlier", "later"]);
    expect(await verifyAuditChain()).toMatchObject({ intact: true, length: 3 });
  });
});

test("only app/modules/audit writes AuditEvent rows", () => {
  const app = path.resolve(__dirname, "../../app");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "generated" ? [] : files(full);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    });
  const writers = files(app).filter(
    (f) =>
      !f.includes(`${path.sep}modules${path.sep}audit${path.sep}`) &&
      /auditEvent\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\b/.test(fs.readFileSync(f, "utf8")),
  );
  expect(writers.map((f) => path.relative(app, f))).toEqual([]);
});
