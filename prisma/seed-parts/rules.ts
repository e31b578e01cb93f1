// Seed: the default value of every rule key, in force since 2020-01-01, so the
// rules page shows where each number came from.
import type { PrismaClient } from "~/generated/prisma/client";
import { RULE_KEYS, RULES } from "~/modules/config/rules";
import { shanghaiMidnight } from "~/utils/dates";

export const INITIAL_RULES_FROM = shanghaiMidnight(2020, 1, 1);

/** Writes one RuleParameter row per key that has none yet (safe to run twice). */
export async function seedRules(prisma: PrismaClient) {
  const existing = await prisma.ruleParameter.findMany({
    where: { key: { in: RULE_KEYS } },
    distinct: ["key"],
    select: { key: true },
  });
  const have = new Set(existing.map((row) => row.key));
  const missing = RULE_KEYS.filter((key) => !have.has(key));
  if (missing.length === 0) return 0;
  const admin = await prisma.user.findFirst({
    where: { role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const { count } = await prisma.ruleParameter.createMany({
    data: missing.map((key) => ({
      key,
      value: JSON.stringify(RULES[key].defaultValue),
      effectiveFrom: INITIAL_RULES_FROM,
      note: "系统初始值",
      createdById: admin?.id ?? null,
      createdAt: INITIAL_RULES_FROM,
    })),
  });
  return count;
}
