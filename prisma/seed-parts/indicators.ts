// Demo indicator schemes (评估指标体系): version 1 of each scheme in indicator-schemes.ts, as
// drafts; a round that uses one freezes it. Dates need no anchoring: a scheme has none.
import type { PrismaClient } from "~/generated/prisma/client";
import { defineRows } from "~/modules/indicators/define";
import { createScheme } from "~/modules/indicators/scheme.server";
import { GRANT_MIDTERM_SCHEME, RATING_SCHEMES } from "./indicator-schemes";

export async function seedIndicators(prisma: PrismaClient) {
  const admin = await prisma.user.findFirst({ where: { role: "ADMIN" }, select: { id: true } });
  for (const scheme of [...RATING_SCHEMES, GRANT_MIDTERM_SCHEME]) {
    const exists = await prisma.indicatorScheme.findFirst({ where: { key: scheme.key }, select: { id: true } });
    if (exists) continue;
    const { rows, rules, totalPoints } = defineRows(scheme.defs);
    const { defs: _defs, ...meta } = scheme;
    await prisma.$transaction((tx) =>
      createScheme(tx, { ...meta, subtype: null, totalPoints, rules, createdById: admin?.id ?? null }, rows),
    );
  }
}
