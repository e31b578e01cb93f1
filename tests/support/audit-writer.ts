// A second process appending audit events to DATABASE_URL, for the chain's concurrency test:
// npx tsx tests/support/audit-writer.ts <count> <prefix>
import { recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";

const count = Number(process.argv[2] ?? 20);
const prefix = process.argv[3] ?? "child";
for (let i = 0; i < count; i++) {
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: null, action: "grade.record", entityType: "Organization", entityId: `${prefix}${i}` }),
  );
}
await prisma.$disconnect();
