// readRows (prepared statements on Prisma's connection) binds values as Prisma's adapter does,
// so one Prisma.sql can go either way: a Date as the stored DateTime text, a boolean as 0/1.
import { expect, test } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { readRows } from "~/utils/prepared-reads.server";

test("a Date and a boolean bind as Prisma stores them; dates come back as their stored text", async () => {
  const at = new Date("2026-05-01T08:30:00.123Z");
  await prisma.auditEvent.createMany({
    data: [
      { action: "user.lock", entityType: "User", entityId: "early", createdAt: new Date(at.getTime() - 1) },
      { action: "user.lock", entityType: "User", entityId: "on-time", createdAt: at },
    ],
  });
  const rows = await readRows<{ entityId: string; createdAt: string; yes: number }>(
    Prisma.sql`SELECT "entityId", "createdAt", ${true} AS "yes" FROM "AuditEvent"
      WHERE "createdAt" >= ${at} AND "entityType" = ${"User"}`,
  );
  expect(rows).toEqual([{ entityId: "on-time", createdAt: "2026-05-01T08:30:00.123+00:00", yes: 1 }]);
  // The same statement through Prisma reads the same row.
  const viaPrisma = await prisma.$queryRaw<Array<{ entityId: string }>>(
    Prisma.sql`SELECT "entityId" FROM "AuditEvent" WHERE "createdAt" >= ${at} AND "entityType" = ${"User"}`,
  );
  expect(viaPrisma.map((r) => r.entityId)).toEqual(["on-time"]);
});
