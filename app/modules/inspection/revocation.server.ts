import { prisma } from "~/utils/db.server";
import { evaluateRevocation } from "./revocation";

/**
 * The 拟撤销登记 list and the warnings, for registered organizations. Reads
 * each organization's concluded or missed outcomes of the last few years in one
 * query and applies the two-years rule.
 */
export async function listRevocationCandidates(now = new Date(), lookbackYears = 6) {
  const thisYear = now.getUTCFullYear();
  const outcomes = await prisma.inspectionReport.findMany({
    where: {
      year: { gte: thisYear - lookbackYears },
      status: { in: ["CONCLUDED", "MISSED"] },
      organization: { status: "REGISTERED" },
    },
    select: { organizationId: true, year: true, conclusion: true },
  });
  const { revocation, warnings } = evaluateRevocation(outcomes);
  const ids = [...revocation.map((r) => r.organizationId), ...warnings.map((w) => w.organizationId)];
  const organizations = await prisma.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, type: true, uscc: true, contactName: true, contactPhone: true },
  });
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const byName = (a: { organizationId: string }, b: { organizationId: string }) =>
    (byId.get(a.organizationId)?.name ?? "").localeCompare(byId.get(b.organizationId)?.name ?? "", "zh-CN");
  return {
    revocation: revocation.sort(byName).map((r) => ({ ...r, organization: byId.get(r.organizationId)! })),
    warnings: warnings.sort(byName).map((w) => ({ ...w, organization: byId.get(w.organizationId)! })),
  };
}
