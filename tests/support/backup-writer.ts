// A stream of acknowledged writes for the backup test, like the app's uploads: a file is written
// into UPLOAD_DIR, then its audit event commits, then "ack <name>" is printed.
// npx tsx tests/support/backup-writer.ts <count>
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";

const count = Number(process.argv[2] ?? 60);
const dir = path.resolve(process.env.UPLOAD_DIR!);
fs.mkdirSync(path.join(dir, "stream"), { recursive: true });
for (let i = 0; i < count; i++) {
  const name = `stream/w-${i}.bin`;
  const content = randomBytes(2048 + i);
  fs.writeFileSync(path.join(dir, name), content);
  const sha = createHash("sha256").update(content).digest("hex");
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: null,
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: name,
      reason: sha,
    }),
  );
  process.stdout.write(`ack ${name}\n`);
}
await prisma.$disconnect();
