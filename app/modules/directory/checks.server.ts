// The staff's "run checks" (#15 item 5): a safety net that reads the record of every
// proposed and listed organization and removes those a trigger fired for since they
// were listed — facts recorded by a path that does not remove at once (a final
// evaluation 不合格, a venture-philanthropy ban, data corrected by hand).
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { prisma } from "~/utils/db.server";
import { succeed } from "~/utils/write-result";
import { loadDirectoryFacts } from "./conditions.server";
import { removalTriggers } from "./removal";
import { removeFromDirectory, type Removal } from "./removal.server";

export async function runDirectoryChecks(
  editionId: string,
  actor: { id: string; request?: Request },
  now = new Date(),
) {
  const rules = await getRules(now);
  return prisma.$transaction(async (tx) => {
    const entries = await tx.directoryEntry.findMany({
      where: { editionId, status: { in: ["PASSED", "LISTED"] } },
      select: { organizationId: true, listedAt: true, decidedAt: true, createdAt: true },
    });
    const facts = await loadDirectoryFacts(
      tx,
      entries.map((e) => e.organizationId),
      now,
      rules,
    );
    const removals: Removal[] = [];
    for (const entry of entries) {
      const f = facts.get(entry.organizationId);
      if (!f) continue;
      const since = entry.listedAt ?? entry.decidedAt ?? entry.createdAt;
      const fired = removalTriggers(f, rules, since, now);
      if (fired.length)
        removals.push({ organizationId: entry.organizationId, reason: fired.map((t) => t.reason).join("；") });
    }
    const removed = await removeFromDirectory(tx, removals, actor, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "directory_edition.checks",
      entityType: "DirectoryEdition",
      entityId: editionId,
      reason: `核查 ${entries.length} 家机构，移出 ${removed} 家`,
      request: actor.request,
    });
    return succeed({ checked: entries.length, removed });
  });
}
