// Who may sit on a panel: the active reviewers with their tags and load in a
// round, the organizations each may not review (membership, declared
// affiliation, shared legal representative), and why one reviewer cannot be
// put on one subject. Bulk reads only: a round's whole pool in a few statements.
import { chunks } from "~/utils/chunks";
import { prisma, type Tx } from "~/utils/db.server";
import { conflictingOrganizationIds } from "./assignment";
import { ACTIVE_ASSIGNMENT_STATES } from "./assignment-workflow";
import { parseExpertiseTags } from "./expertise";
import type { PanelDb, PanelSubject, PanelSubjectKind } from "./subject";

/** Organizations each reviewer may not review, computed in bulk (three queries). */
export async function conflictsOf(
  db: PanelDb,
  reviewers: { id: string; name: string }[],
  subjectOrganizationIds: string[],
) {
  const ids = reviewers.map((r) => r.id);
  const [memberships, affiliations] = await Promise.all([
    db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, organizationId: true } }),
    db.reviewerAffiliation.findMany({
      where: { reviewerId: { in: ids } },
      select: { reviewerId: true, organizationId: true },
    }),
  ]);
  const orgIds = new Set([
    ...subjectOrganizationIds,
    ...memberships.map((m) => m.organizationId),
    ...affiliations.map((a) => a.organizationId),
  ]);
  const organizations = (
    await Promise.all(
      chunks([...orgIds]).map((part) =>
        db.organization.findMany({ where: { id: { in: part } }, select: { id: true, legalRepresentative: true } }),
      ),
    )
  ).flat();
  const result = new Map<string, string[]>();
  for (const r of reviewers) {
    result.set(
      r.id,
      conflictingOrganizationIds(
        {
          name: r.name,
          memberOrganizationIds: memberships.filter((m) => m.userId === r.id).map((m) => m.organizationId),
          affiliatedOrganizationIds: affiliations.filter((a) => a.reviewerId === r.id).map((a) => a.organizationId),
        },
        organizations,
      ),
    );
  }
  return result;
}

export const reviewerSelect = {
  id: true,
  name: true,
  reviewerProfile: { select: { expertiseTags: true } },
} as const;

export function tagsOf(reviewer: { reviewerProfile: { expertiseTags: string | null } | null }) {
  return parseExpertiseTags(reviewer.reviewerProfile?.expertiseTags);
}

/** Active reviewers with their tags and their active load in this round. */
export async function panelCandidates(subjectType: string, roundId: string, db: PanelDb = prisma) {
  const [reviewers, loads] = await Promise.all([
    db.user.findMany({
      where: { role: "REVIEWER", status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: reviewerSelect,
    }),
    db.reviewAssignment.groupBy({
      by: ["reviewerId"],
      where: { roundId, subjectType, status: { in: ACTIVE_ASSIGNMENT_STATES } },
      _count: { _all: true },
    }),
  ]);
  const loadOf = new Map(loads.map((l) => [l.reviewerId, l._count._all]));
  return reviewers.map((r) => ({ id: r.id, name: r.name, tags: tagsOf(r), load: loadOf.get(r.id) ?? 0 }));
}

export type PanelCandidate = Awaited<ReturnType<typeof panelCandidates>>[number];

/** Why `reviewerId` cannot be put on the subject, or null. */
export async function ineligibility(
  tx: Tx,
  kind: Pick<PanelSubjectKind, "type" | "labels">,
  subject: Pick<PanelSubject, "id" | "organizationId">,
  reviewerId: string,
) {
  const { item, owner } = kind.labels;
  const reviewer = await tx.user.findUnique({
    where: { id: reviewerId },
    select: { id: true, name: true, role: true, status: true },
  });
  if (!reviewer || reviewer.role !== "REVIEWER") return { reviewer: null, why: "所选评审专家不存在" };
  if (reviewer.status !== "ACTIVE") return { reviewer, why: `${reviewer.name} 的账号已停用，不能指派` };
  const existing = await tx.reviewAssignment.findUnique({
    where: { subjectType_subjectId_reviewerId: { subjectType: kind.type, subjectId: subject.id, reviewerId } },
    select: { status: true },
  });
  if (existing) {
    return {
      reviewer,
      why: (ACTIVE_ASSIGNMENT_STATES as string[]).includes(existing.status)
        ? `${reviewer.name} 已在本${item}的评审名单中`
        : `${reviewer.name} 曾在本${item}${existing.status === "RECUSED" ? "申请回避" : "被更换"}，不能再次指派`,
    };
  }
  const conflicts = await conflictsOf(tx, [reviewer], [subject.organizationId]);
  if ((conflicts.get(reviewer.id) ?? []).includes(subject.organizationId)) {
    return { reviewer, why: `${reviewer.name} 与${owner}存在利益关联（所属机构、声明的关联机构或法定代表人），需回避` };
  }
  return { reviewer, why: null };
}
