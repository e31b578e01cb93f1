// Automatic listing and carry-over (#15 item 4): when an edition opens (and again
// before its publicity), 5A organizations and the organizations listed in the
// edition published before are put on the proposed list, if they meet every
// necessary condition on the day. One transaction with the edition's move.
import { recordAudits } from "~/modules/audit/audit.server";
import type { Tx } from "~/utils/db.server";
import {
  allMet,
  checkConditions,
  listsAutomatically,
  priorityMarkers,
  streetOf,
  type DirectoryRules,
} from "./conditions";
import { loadDirectoryFacts } from "./conditions.server";
import type { EntryRoute } from "./entry-workflow";
import { notifyOrganizations } from "./notify.server";

type Edition = { id: string; year: number; title: string; serviceAreas: string[] };

/** The organizations the edition lists without an application, and those left out with why. */
export async function automaticCandidates(tx: Tx, edition: Edition, rules: DirectoryRules, at: Date) {
  const [fiveA, previous, existing] = await Promise.all([
    tx.organizationGrade.findMany({
      where: { grade: { gte: rules["directory.autoListGrade"] }, validFrom: { lte: at }, validTo: { gte: at } },
      select: { organizationId: true },
    }),
    tx.directoryEdition.findFirst({
      where: { status: "PUBLISHED", year: { lt: edition.year } },
      orderBy: { year: "desc" },
      select: {
        entries: {
          where: { status: "LISTED" },
          select: {
            organizationId: true,
            capability: true,
            taxDeclared: true,
            taxNote: true,
            taxCheckedAt: true,
            areas: { select: { area: true } },
          },
        },
      },
    }),
    tx.directoryEntry.findMany({ where: { editionId: edition.id }, select: { organizationId: true } }),
  ]);
  const taken = new Set(existing.map((e) => e.organizationId));
  const carried = new Map((previous?.entries ?? []).map((e) => [e.organizationId, e]));
  const ids = [...new Set([...fiveA.map((g) => g.organizationId), ...carried.keys()])].filter((id) => !taken.has(id));
  if (ids.length === 0) return { add: [], left: [] };
  const [facts, orgs] = await Promise.all([
    loadDirectoryFacts(tx, ids, at, rules),
    tx.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, address: true } }),
  ]);
  const left: Array<{ organizationId: string; name: string; reasons: string[] }> = [];
  const rows: EntryRow[] = [];
  for (const org of orgs) {
    const f = facts.get(org.id);
    if (!f) continue;
    const checks = checkConditions(f, rules, at);
    const route: EntryRoute | null = listsAutomatically(f, rules, checks)
      ? "AUTO_5A"
      : carried.has(org.id) && allMet(checks)
        ? "CARRY_OVER"
        : null;
    if (!route) {
      left.push({ organizationId: org.id, name: org.name, reasons: checks.filter((c) => !c.met).map((c) => c.fact) });
      continue;
    }
    const markers = priorityMarkers(f, rules);
    const before = carried.get(org.id);
    rows.push({
      editionId: edition.id,
      organizationId: org.id,
      route,
      street: streetOf(org.address),
      conditions: JSON.stringify(checks),
      markerGrade: markers.grade,
      markerProjects: markers.projects,
      capability: before?.capability ?? null,
      taxDeclared: before?.taxDeclared ?? false,
      taxNote: before?.taxNote ?? null,
      taxCheckedAt: before?.taxCheckedAt ?? null,
      areas: (before?.areas ?? []).map((a) => a.area).filter((a) => edition.serviceAreas.includes(a)),
    });
  }
  return { add: rows, left };
}

type EntryRow = {
  editionId: string;
  organizationId: string;
  route: EntryRoute;
  street: string;
  conditions: string;
  markerGrade: boolean;
  markerProjects: boolean;
  capability: string | null;
  taxDeclared: boolean;
  taxNote: string | null;
  taxCheckedAt: Date | null;
  areas: string[];
};

function buildEntry(row: EntryRow) {
  const { areas: _areas, ...data } = row;
  return data;
}

/** Adds the automatic entries as PASSED (拟列入), with audit events and a notice to each organization. */
export async function syncAutomaticEntries(
  tx: Tx,
  edition: Edition,
  rules: DirectoryRules,
  at: Date,
  actor: { id: string | null; request?: Request },
) {
  const { add } = await automaticCandidates(tx, edition, rules, at);
  if (add.length === 0) return 0;
  await tx.directoryEntry.createMany({
    data: add.map((row) => ({ ...buildEntry(row), status: "PASSED", decidedAt: at })),
  });
  const created = await tx.directoryEntry.findMany({
    where: { editionId: edition.id, organizationId: { in: add.map((r) => r.organizationId) } },
    select: { id: true, organizationId: true, route: true },
  });
  const areaRows = created.flatMap((entry) =>
    (add.find((r) => r.organizationId === entry.organizationId)?.areas ?? []).map((area) => ({
      entryId: entry.id,
      area,
    })),
  );
  if (areaRows.length) await tx.directoryEntryArea.createMany({ data: areaRows });
  await recordAudits(
    tx,
    created.map((entry) => ({
      actorId: actor.id,
      action: "directory_entry.auto",
      entityType: "DirectoryEntry",
      entityId: entry.id,
      toState: "PASSED",
      reason: entry.route === "AUTO_5A" ? "5A 等级自动列入" : "上年度目录结转",
      request: actor.request,
    })),
  );
  await notifyOrganizations(
    tx,
    created.map((entry) => ({
      organizationId: entry.organizationId,
      title: `${edition.title}：${entry.route === "AUTO_5A" ? "5A 自动列入" : "上年度结转"}拟列入名单`,
      body: "贵机构满足全部必要条件，已列入拟列入名单。请在申报期内补充服务领域和服务能力说明。",
      link: "/org/directory",
    })),
  );
  return created.length;
}
