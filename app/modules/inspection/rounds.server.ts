import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { gradesInForce } from "~/modules/registry/grade.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { keysetSql } from "~/utils/keyset-sql.server";
import { keysetPage, type KeysetFindArgs, type KeysetFrom, type KeysetOrder, type PageStart } from "~/utils/paging";
import { readRows } from "~/utils/prepared-reads.server";
import { shortCached } from "~/utils/short-cache.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { classifyObligation, isSimplified } from "./obligation";

export async function listRounds() {
  const [rounds, counts] = await Promise.all([
    prisma.inspectionRound.findMany({
      orderBy: { year: "desc" },
      take: 50,
      select: {
        id: true,
        year: true,
        deadline: true,
        foundationDeadline: true,
        status: true,
        openedAt: true,
        missedMarkedAt: true,
      },
    }),
    // A round holds a report per registered organization (100,000 at province scale): the
    // per-status counts are shared for a few seconds and dropped on any write (decision 028).
    shortCached("inspection-round-status-counts", 10_000, () =>
      prisma.inspectionReport.groupBy({
        by: ["roundId", "status"],
        orderBy: { roundId: "asc" },
        _count: { _all: true },
      }),
    ),
  ]);
  return rounds.map((round) => {
    const byStatus: Record<string, number> = {};
    for (const c of counts) if (c.roundId === round.id) byStatus[c.status] = (c._count as { _all: number })._all;
    return { ...round, byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0) };
  });
}

/** A year's round, shared for 10 s and dropped on any write (its pages read it on every view). */
export async function getRoundByYear(year: number) {
  return shortCached(`inspection-round:${year}`, 10_000, () =>
    prisma.inspectionRound.findUnique({
      where: { year },
      select: { id: true, year: true, deadline: true, foundationDeadline: true, status: true, missedMarkedAt: true },
    }),
  );
}

/**
 * Opens the round for `year` in one transaction: lists every organization that
 * must report (PENDING) or is exempt (EXEMPT, with the reason) and notifies
 * their members. Opening the same year twice is refused.
 */
export async function openRound(input: {
  year: number;
  deadline: Date;
  foundationDeadline: Date;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ roundId: string; obligated: number; exempt: number }>> {
  const now = input.now ?? new Date();
  const taken = fail(`${input.year}年度的年检已经开启，不能重复开启`, { field: "year" });
  if (await prisma.inspectionRound.findUnique({ where: { year: input.year }, select: { id: true } })) return taken;
  const rules = await getRules(now);
  try {
    return await prisma.$transaction(async (tx) => {
      const round = await tx.inspectionRound.create({
        data: {
          year: input.year,
          deadline: input.deadline,
          foundationDeadline: input.foundationDeadline,
          openedById: input.actorId,
          openedAt: now,
        },
        select: { id: true },
      });
      const organizations = await tx.organization.findMany({
        where: { status: "REGISTERED" },
        select: { id: true, type: true, status: true, registeredAt: true },
      });
      const grades = await gradesInForce(
        tx,
        organizations.map((o) => o.id),
        now,
      );
      const rows = [];
      for (const org of organizations) {
        const obligation = classifyObligation(org, input.year, rules);
        if (obligation.kind === "NONE") continue;
        rows.push({
          roundId: round.id,
          organizationId: org.id,
          year: input.year,
          status: obligation.kind === "EXEMPT" ? "EXEMPT" : "PENDING",
          exemptReason: obligation.kind === "EXEMPT" ? obligation.reason : null,
          simplified:
            obligation.kind === "REPORT" &&
            isSimplified(grades.get(org.id)?.grade, rules["inspection.simplifiedMinGrade"]),
        });
      }
      await tx.inspectionReport.createMany({ data: rows });

      const typeById = new Map(organizations.map((o) => [o.id, o.type]));
      const members = await tx.membership.findMany({
        where: { organizationId: { in: rows.map((r) => r.organizationId) } },
        select: { userId: true, organizationId: true },
      });
      const statusByOrg = new Map(rows.map((r) => [r.organizationId, r.status]));
      const group = (pred: (orgId: string) => boolean) =>
        members.filter((m) => pred(m.organizationId)).map((m) => m.userId);
      await notifyUsers(tx, {
        userIds: group((id) => statusByOrg.get(id) === "PENDING" && typeById.get(id) !== "FOUNDATION"),
        title: `请填报${input.year}年度工作报告（年检）`,
        body: `${input.year}年度年检已开始，请于${formatDate(input.deadline)}前提交年度工作报告。`,
        link: "/org/inspection",
      });
      await notifyUsers(tx, {
        userIds: group((id) => statusByOrg.get(id) === "PENDING" && typeById.get(id) === "FOUNDATION"),
        title: `请填报${input.year}年度工作报告（年检）`,
        body: `${input.year}年度年检已开始，基金会请于${formatDate(input.foundationDeadline)}前提交年度工作报告及审计报告。`,
        link: "/org/inspection",
      });
      await notifyUsers(tx, {
        userIds: group((id) => statusByOrg.get(id) === "EXEMPT"),
        title: `${input.year}年度免于年检`,
        body: `贵机构登记不满${rules["inspection.exemptMonths"]}个月，免于${input.year}年度年检。`,
        link: "/org/inspection",
      });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "inspection.round_open",
        entityType: "InspectionRound",
        entityId: round.id,
        toState: "OPEN",
        reason: `${input.year}年度：应参检 ${rows.filter((r) => r.status === "PENDING").length} 家，免检 ${rows.filter((r) => r.status === "EXEMPT").length} 家`,
        request: input.request,
      });
      return succeed({
        roundId: round.id,
        obligated: rows.filter((r) => r.status === "PENDING").length,
        exempt: rows.filter((r) => r.status === "EXEMPT").length,
      });
    });
  } catch (error) {
    // Two administrators opening the same year at once: the unique year decides.
    if ((error as { code?: string }).code === "P2002") return taken;
    throw error;
  }
}

export type RoundReportFilters = { status: string; conclusion: string; page: number };

/**
 * A year's reports in (status, id) order: a keyset page is one range of the index
 * (roundId, status, id), or (roundId, conclusion, status, id) under a conclusion filter, so
 * page 5,000 of 100,000 reports costs what page 1 costs (decision 028).
 */
export const ROUND_REPORT_ORDER: KeysetOrder = { field: "status", direction: "asc", type: "string" };

type RoundReportRow = {
  id: string;
  status: string;
  simplified: boolean;
  submittedAt: Date | null;
  conclusion: string | null;
  supervisorOpinion: string | null;
  organizationId: string;
  organizationName: string;
  organizationType: string;
};

/** A report row as SQLite returns it: the flag as 0/1, the date as its stored text. */
type StoredRoundReportRow = Omit<RoundReportRow, "simplified" | "submittedAt"> & {
  simplified: number;
  submittedAt: string | null;
};

/**
 * A page of a year's reports with each one's organization: one raw statement (decision 033;
 * Prisma compiled the reports and their organizations as two queries, most of the page's CPU).
 */
export function roundReportPageSql(
  roundId: string,
  filters: Pick<RoundReportFilters, "status" | "conclusion">,
  page: Pick<KeysetFindArgs, "skip" | "take">,
  from: KeysetFrom,
) {
  const { range, orderBy } = keysetSql(ROUND_REPORT_ORDER, "r", from);
  const status = filters.status ? Prisma.sql`AND r."status" = ${filters.status}` : Prisma.empty;
  const conclusion = filters.conclusion ? Prisma.sql`AND r."conclusion" = ${filters.conclusion}` : Prisma.empty;
  return Prisma.sql`SELECT r."id", r."status", r."simplified", r."submittedAt", r."conclusion", r."supervisorOpinion",
      o."id" AS "organizationId", o."name" AS "organizationName", o."type" AS "organizationType"
    FROM "InspectionReport" r CROSS JOIN "Organization" o ON o."id" = r."organizationId"
    WHERE ${range} AND r."roundId" = ${roundId} ${status} ${conclusion}
    ORDER BY ${orderBy} LIMIT ${page.take} OFFSET ${page.skip}`;
}

export async function listRoundReports(
  roundId: string,
  filters: RoundReportFilters,
  pageSize: number,
  start: PageStart = { after: null, before: null },
) {
  const where = {
    roundId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.conclusion ? { conclusion: filters.conclusion } : {}),
  };
  const [{ rows, cursors }, total] = await Promise.all([
    keysetPage({
      order: ROUND_REPORT_ORDER,
      start,
      page: filters.page,
      pageSize,
      // A prepared statement on Prisma's connection (prepared-reads.server.ts): no per-call client work.
      find: async (args, from) =>
        (await readRows<StoredRoundReportRow>(roundReportPageSql(roundId, filters, args, from))).map((row) => ({
          ...row,
          simplified: row.simplified === 1,
          submittedAt: row.submittedAt == null ? null : new Date(row.submittedAt),
        })),
    }),
    // Counting 100,000 index entries per view is the page's cost: shared for a few seconds, dropped on any write.
    shortCached(`inspection-round-count:${JSON.stringify(where)}`, 10_000, () =>
      prisma.inspectionReport.count({ where }),
    ),
  ]);
  const reports = rows.map(({ organizationId, organizationName, organizationType, ...report }) => ({
    ...report,
    organization: { id: organizationId, name: organizationName, type: organizationType },
  }));
  return { reports, total, cursors };
}
