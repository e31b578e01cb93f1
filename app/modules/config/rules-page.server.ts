// The rules page: every rule key with its value in force, its default and its history.
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { formatRuleValue, ruleInputHint, ruleValueAsInput } from "./rule-display";
import { RULE_KEYS, RULES, type RuleKey } from "./rules";
import { getRules, setRule } from "./rules.server";

function parseStored(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** One query for every key's history (newest effective date first), plus the values in force at `at`. */
export async function getRulesOverview(at = new Date()) {
  const [inForce, rows] = await Promise.all([
    getRules(at),
    prisma.ruleParameter.findMany({
      where: { key: { in: RULE_KEYS } },
      orderBy: [{ key: "asc" }, { effectiveFrom: "desc" }, { createdAt: "desc" }],
      select: { id: true, key: true, value: true, effectiveFrom: true, note: true, createdAt: true },
    }),
  ]);
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return RULE_KEYS.map((key: RuleKey) => {
    const def = RULES[key];
    const history = byKey.get(key) ?? [];
    // The row in force is the latest one that has taken effect (rows are newest first).
    const inForceRow = history.find((row) => row.effectiveFrom.getTime() <= at.getTime());
    return {
      key,
      group: def.group,
      label: def.label,
      kind: def.kind,
      hint: ruleInputHint(key),
      current: formatRuleValue(key, inForce[key]),
      currentInput: ruleValueAsInput(key, inForce[key]),
      defaultValue: formatRuleValue(key, def.defaultValue),
      history: history.map((row) => ({
        id: row.id,
        value: formatRuleValue(key, parseStored(row.value)),
        effectiveFrom: row.effectiveFrom,
        note: row.note,
        createdAt: row.createdAt,
        inForce: row.id === inForceRow?.id,
        pending: row.effectiveFrom.getTime() > at.getTime(),
      })),
    };
  });
}

/** A value already set for `key` with exactly this effective date, if any. */
export async function findRuleOnDay(key: RuleKey, effectiveFrom: Date) {
  const row = await prisma.ruleParameter.findFirst({ where: { key, effectiveFrom }, select: { value: true } });
  return row ? { value: parseStored(row.value) } : null;
}

/**
 * Sets a new value from a date. Two values with one effective date would leave
 * it to chance which one is in force, so a second value for the same day is
 * refused at the date field.
 */
export async function scheduleRule(input: {
  key: RuleKey;
  value: unknown;
  effectiveFrom: Date;
  note?: string;
  actorId: string;
  request?: Request;
}): Promise<WriteResult> {
  const sameDay = await findRuleOnDay(input.key, input.effectiveFrom);
  if (sameDay) {
    return fail(
      `该规则在 ${formatDate(input.effectiveFrom)} 已设置为 ${formatRuleValue(input.key, sameDay.value)}，同一生效日期只能设置一次，请选择其他日期`,
      { field: "effectiveFrom" },
    );
  }
  await setRule(input);
  return succeed();
}
