// What an organization reads on its directory page: the edition taking applications
// (or the latest one), its necessary conditions with the facts, and its entries.
import { prisma } from "~/utils/db.server";
import { conditionsOf } from "./conditions.server";
import { parseAreas } from "./publication";

export async function getOrgDirectory(organizationId: string, now = new Date()) {
  const [edition, record, history] = await Promise.all([
    prisma.directoryEdition.findFirst({
      where: { status: { in: ["OPEN", "REVIEWING", "PUBLICITY", "PUBLISHED"] } },
      orderBy: { year: "desc" },
      select: {
        id: true,
        year: true,
        title: true,
        status: true,
        applyOpensAt: true,
        applyClosesAt: true,
        serviceAreas: true,
      },
    }),
    conditionsOf(prisma, organizationId, now),
    prisma.directoryEntry.findMany({
      where: { organizationId },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: {
        id: true,
        route: true,
        status: true,
        capability: true,
        taxDeclared: true,
        taxNote: true,
        taxCheckedAt: true,
        returnNote: true,
        rejectReason: true,
        removedAt: true,
        removalReason: true,
        areas: { select: { area: true } },
        edition: { select: { id: true, year: true, title: true, status: true } },
      },
    }),
  ]);
  const current = edition ? (history.find((e) => e.edition.id === edition.id) ?? null) : null;
  return {
    edition: edition ? { ...edition, serviceAreas: parseAreas(edition.serviceAreas) } : null,
    checks: record?.checks ?? [],
    current,
    history,
  };
}
