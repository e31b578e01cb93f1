// What an organization must meet to apply to a call: the call's rules (budget
// limits, categories) and the eligibility facts gathered for several organizations at once.
import { activeGrantBans } from "~/modules/funding/bans.server";
import { gradesInForce } from "~/modules/registry/grade.server";
import type { Db, Prisma } from "~/utils/db.server";
import { checkEligibility, lastInspectionYear, type EligibilityFacts } from "../calls/eligibility";
import { parseCallEligibility, parseCategories } from "../calls/settings";

export type { Db };

export const callRulesSelect = {
  id: true,
  title: true,
  year: true,
  status: true,
  categories: true,
  perProjectCapFen: true,
  maxGrantSharePct: true,
  minMatchRatioPct: true,
  overheadCapPct: true,
  applyOpensAt: true,
  applyClosesAt: true,
  eligibility: true,
} as const satisfies Prisma.GrantCallSelect;

type CallRow = Prisma.GrantCallGetPayload<{ select: typeof callRulesSelect }>;

export function budgetRulesOf(call: CallRow) {
  return {
    perProjectCapFen: call.perProjectCapFen,
    maxGrantSharePct: call.maxGrantSharePct,
    minMatchRatioPct: call.minMatchRatioPct,
    overheadCapPct: call.overheadCapPct,
  };
}

export function callRulesOf(call: CallRow) {
  return { ...budgetRulesOf(call), categories: parseCategories(call.categories) };
}

/** The facts the eligibility rules look at, for several organizations at once (no query per organization). */
export async function loadEligibilityFacts(db: Db, organizationIds: string[], excludeCallId: string | null, now: Date) {
  const ids = [...new Set(organizationIds)];
  const year = lastInspectionYear(now);
  const [orgs, grades, inspections, credits, projects, bans, incubations] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } }),
    gradesInForce(db, ids, now),
    db.inspectionReport.findMany({
      where: { organizationId: { in: ids }, year },
      select: { organizationId: true, year: true, status: true, conclusion: true },
    }),
    db.creditRecord.findMany({
      where: { organizationId: { in: ids }, kind: "ABNORMAL_LIST" },
      select: { organizationId: true, kind: true, decidedAt: true, endedAt: true },
    }),
    // Funded projects of other calls that failed (terminated, or a final 不合格 that became final).
    // The evaluation module owns the bans these lead to (funding/bans.server.ts); this reads the same records.
    db.grantProject.findMany({
      where: {
        organizationId: { in: ids },
        ...(excludeCallId ? { callId: { not: excludeCallId } } : {}),
        OR: [
          { status: "TERMINATED" },
          { evaluations: { some: { kind: "FINAL", grade: "不合格", finalAt: { not: null } } } },
        ],
      },
      select: {
        id: true,
        organizationId: true,
        title: true,
        status: true,
        updatedAt: true,
        evaluations: {
          where: { kind: "FINAL", finalAt: { not: null } },
          select: { kind: true, grade: true, finalAt: true, createdAt: true },
        },
      },
    }),
    activeGrantBans(db, ids, now),
    db.incubationApplication.findMany({
      where: { organizationId: { in: ids }, status: { in: ["IN_RESIDENCE", "GRADUATED"] } },
      select: { organizationId: true, status: true },
    }),
  ]);
  const facts = new Map<string, EligibilityFacts>();
  for (const org of orgs) {
    facts.set(org.id, {
      organization: { status: org.status, currentGrade: grades.get(org.id)?.grade ?? null },
      inspections: inspections.filter((r) => r.organizationId === org.id),
      credits: credits.filter((c) => c.organizationId === org.id),
      earlierProjects: projects
        .filter((p) => p.organizationId === org.id)
        .map((p) => ({
          id: p.id,
          title: p.title,
          status: p.status,
          updatedAt: p.updatedAt,
          evaluations: p.evaluations.map((e) => ({
            kind: e.kind,
            status: e.grade === "不合格" ? "FAILED" : "PASSED",
            decidedAt: e.finalAt,
            createdAt: e.createdAt,
          })),
        })),
      bans: bans.filter((b) => b.organizationId === org.id),
      incubations: incubations.filter((i) => i.organizationId === org.id),
    });
  }
  return facts;
}

export async function eligibilityOf(
  db: Db,
  organizationId: string,
  call: { id: string; eligibility: string },
  now = new Date(),
) {
  const facts = (await loadEligibilityFacts(db, [organizationId], call.id, now)).get(organizationId);
  if (!facts) return { eligible: false, reasons: ["未找到本机构"] };
  return checkEligibility(parseCallEligibility(call.eligibility), facts, now);
}
