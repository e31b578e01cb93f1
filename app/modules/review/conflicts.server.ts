// Who may sit on a panel: the active reviewers with their tags and load in a
// round, the organizations each may not review (membership, declared
// affiliation, shared legal representative), and why one reviewer cannot be
// put on one subject. Bulk reads only: a round's whole pool in a few statements.
import { prisma, type Tx } from "~/utils/db.server";
import { conflictingOrganizationIdsOf } from "./assignment";
import { ACTIVE_ASSIGNMENT_STATES } from "./assignment-workflow";
import { parseExpertiseTags } from "./expertise";
import type { PanelDb, PanelSubject, PanelSubjectKind } from "./subject";

/**
 * Organizations each reviewer may not review (reviewer id → sorted ids), among their own
 * ties and the subjects' organizations. Two statements whatever the size: the panel's ties
 * with their organizations' legal representatives, and the subjects' organizations by
 * primary key. Ids travel as one JSON parameter each: an IN list of 5,000 bound values is
 * refused by the adapter and, through the client, costs a query compilation per chunk.
 */
export async function conflictsOf(
  db: PanelDb,
  reviewers: { id: string; name: string }[],
  subjectOrganizationIds: string[],
) {
  const reviewerIds = JSON.stringify(reviewers.map((r) => r.id));
  const [ties, subjectOrganizations] = await Promise.all([
    db.$queryRaw<
      Array<{ reviewerId: string; organizationId: string; member: number; legalRepresentative: string | null }>
    >`
      SELECT t."reviewerId" AS "reviewerId", t."organizationId" AS "organizationId", t."member" AS "member",
        o."legalRepresentative" AS "legalRepresentative"
      FROM (
        SELECT m."userId" AS "reviewerId", m."organizationId" AS "organizationId", 1 AS "member" FROM "Membership" m
        WHERE m."userId" IN (SELECT value FROM json_each(${reviewerIds}))
        UNION ALL
        SELECT a."reviewerId", a."organizationId", 0 FROM "ReviewerAffiliation" a
        WHERE a."reviewerId" IN (SELECT value FROM json_each(${reviewerIds}))
      ) t LEFT JOIN "Organization" o ON o."id" = t."organizationId"`,
    subjectOrganizationIds.length === 0
      ? []
      : db.$queryRaw<Array<{ id: string; legalRepresentative: string | null }>>`
          SELECT o."id" AS "id", o."legalRepresentative" AS "legalRepresentative" FROM "Organization" o
          WHERE o."id" IN (SELECT value FROM json_each(${JSON.stringify([...new Set(subjectOrganizationIds)])}))`,
  ]);
  const organizations = [
    ...subjectOrganizations,
    ...ties.map((t) => ({ id: t.organizationId, legalRepresentative: t.legalRepresentative })),
  ];
  const tiesOf = (reviewerId: string, member: number) =>
    ties.filter((t) => t.reviewerId === reviewerId && Number(t.member) === member).map((t) => t.organizationId);
  return conflictingOrganizationIdsOf(
    reviewers.map((r) => ({
      id: r.id,
      name: r.name,
      memberOrganizationIds: tiesOf(r.id, 1),
      affiliatedOrganizationIds: tiesOf(r.id, 0),
    })),
    organizations,
  );
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
