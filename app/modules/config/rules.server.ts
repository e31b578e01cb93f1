import { recordAudit } from "~/modules/audit/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { RULE_KEYS, valuesInForce, type RuleKey, type RuleValues } from "./rules";

/** Every rule value in force at `at` (defaults where nothing was configured). */
export async function getRules(at = new Date(), db: Tx | typeof prisma = prisma): Promise<RuleValues> {
  const rows = await db.ruleParameter.findMany({
    where: { key: { in: RULE_KEYS }, effectiveFrom: { lte: at } },
    select: { key: true, value: true, effectiveFrom: true },
  });
  return valuesInForce(rows, at);
}

export async function listRuleHistory(key: RuleKey) {
  return prisma.ruleParameter.findMany({
    where: { key },
    orderBy: { effectiveFrom: "desc" },
    select: { id: true, value: true, effectiveFrom: true, note: true, createdAt: true },
  });
}

/** Adds a new value that takes effect on `effectiveFrom`; history is kept. */
export async function setRule(input: {
  key: RuleKey;
  value: unknown;
  effectiveFrom: Date;
  note?: string;
  actorId: string;
  request?: Request;
}) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.ruleParameter.create({
      data: {
        key: input.key,
        value: JSON.stringify(input.value),
        effectiveFrom: input.effectiveFrom,
        note: input.note?.trim() || null,
        createdById: input.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "rule.set",
      entityType: "RuleParameter",
      entityId: input.key,
      toState: JSON.stringify(input.value),
      reason: input.note,
      request: input.request,
    });
    return row;
  });
}
