// What a person calls the object of an audit event ("社区助老服务项目", "订单 YM2026…"),
// and where staff can open it. One statement for the page, never a query per row.
import { Prisma } from "~/generated/prisma/client";
import { OBJECTION_SUBJECT_TYPE } from "~/modules/publicity/objection";
import { readRows } from "~/utils/prepared-reads.server";

export type AuditSubject = { name: string; href: string | null };

/** What a type's SQL reads of each object: its id and up to three values its name is made of. */
type SubjectRow = { type: string; id: string; a: string | null; b: string | null; c: string | null };

type Resolver = {
  /**
   * `SELECT x."id", … AS a, … AS b, … AS c FROM ${ids} j CROSS JOIN "Table" x ON x."id" = j."value" …`:
   * ids is the page's ids of the type (a json_each); CROSS JOIN keeps them the outer loop, so
   * each object is read by primary key, never by a scan, whatever SQLite's statistics say.
   */
  sql: (ids: Prisma.Sql) => Prisma.Sql;
  subject: (row: SubjectRow) => AuditSubject;
};

const text = (value: string | null) => value ?? "";

// Required relations are inner joins: the object then resolves exactly when Prisma's nested select did.
const RESOLVERS: Record<string, Resolver> = {
  User: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."name" AS a, x."email" AS b, NULL AS c FROM ${ids} j CROSS JOIN "User" x ON x."id" = j."value"`,
    subject: (r) => ({ name: `${text(r.a)}（${text(r.b)}）`, href: `/admin/users/${r.id}` }),
  },
  Organization: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."name" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "Organization" x ON x."id" = j."value"`,
    subject: (r) => ({ name: text(r.a), href: `/admin/organizations/${r.id}` }),
  },
  RegistrationApplication: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."proposedName" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "RegistrationApplication" x ON x."id" = j."value"`,
    subject: (r) => ({ name: text(r.a), href: `/admin/registrations/${r.id}` }),
  },
  IncubationApplication: {
    sql: (
      ids,
    ) => Prisma.sql`SELECT x."id", o."name" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "IncubationApplication" x ON x."id" = j."value"
      JOIN "Organization" o ON o."id" = x."organizationId"`,
    subject: (r) => ({ name: `${text(r.a)} 入驻申请`, href: `/admin/incubation/${r.id}` }),
  },
  InspectionRound: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."year" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "InspectionRound" x ON x."id" = j."value"`,
    subject: (r) => ({ name: `${text(r.a)}年度年检`, href: `/admin/inspection/${text(r.a)}` }),
  },
  InspectionReport: {
    sql: (
      ids,
    ) => Prisma.sql`SELECT x."id", x."year" AS a, o."name" AS b, NULL AS c FROM ${ids} j CROSS JOIN "InspectionReport" x ON x."id" = j."value"
      JOIN "Organization" o ON o."id" = x."organizationId"`,
    subject: (r) => ({ name: `${text(r.b)} ${text(r.a)}年度报告`, href: `/admin/inspection/reports/${r.id}` }),
  },
  Rectification: {
    sql: (
      ids,
    ) => Prisma.sql`SELECT x."id", o."name" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "Rectification" x ON x."id" = j."value"
      JOIN "Organization" o ON o."id" = x."organizationId"`,
    subject: (r) => ({ name: `${text(r.a)} 年检整改`, href: "/admin/inspection/rectifications" }),
  },
  CreditRecord: {
    sql: (ids) => Prisma.sql`SELECT x."id", o."name" AS a, x."description" AS b, x."organizationId" AS c
      FROM ${ids} j CROSS JOIN "CreditRecord" x ON x."id" = j."value" JOIN "Organization" o ON o."id" = x."organizationId"`,
    subject: (r) => ({ name: `${text(r.a)}：${text(r.b).slice(0, 30)}`, href: `/admin/organizations/${text(r.c)}` }),
  },
  IndicatorScheme: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."title" AS a, x."version" AS b, NULL AS c FROM ${ids} j CROSS JOIN "IndicatorScheme" x ON x."id" = j."value"`,
    subject: (r) => ({ name: `${text(r.a)}（第 ${text(r.b)} 版）`, href: `/admin/indicators/${r.id}` }),
  },
  GrantCall: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."title" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "GrantCall" x ON x."id" = j."value"`,
    subject: (r) => ({ name: text(r.a), href: `/admin/grants/${r.id}` }),
  },
  GrantApplication: {
    sql: (
      ids,
    ) => Prisma.sql`SELECT x."id", x."title" AS a, o."name" AS b, NULL AS c FROM ${ids} j CROSS JOIN "GrantApplication" x ON x."id" = j."value"
      JOIN "Organization" o ON o."id" = x."organizationId"`,
    subject: (r) => ({
      name: `「${text(r.a) || "未命名项目"}」（${text(r.b)}）`,
      href: `/admin/grants/applications/${r.id}`,
    }),
  },
  [OBJECTION_SUBJECT_TYPE]: {
    sql: (ids) => Prisma.sql`SELECT x."id", x."name" AS a, x."publicationType" AS b, x."publicationId" AS c
      FROM ${ids} j CROSS JOIN "Objection" x ON x."id" = j."value"`,
    subject: (r) => ({
      name: `${text(r.a)} 提交的异议`,
      // the shortlist's publicity desk; other publications are reached from their own pages
      href: r.b === "GrantCall" ? `/admin/grants/${text(r.c)}/publicity` : null,
    }),
  },
  GrantProject: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."projectNo" AS a, x."title" AS b, NULL AS c FROM ${ids} j CROSS JOIN "GrantProject" x ON x."id" = j."value"`,
    subject: (r) => ({ name: `${text(r.a)}「${text(r.b)}」`, href: `/admin/projects/${r.id}` }),
  },
  ReviewAssignment: {
    sql: (
      ids,
    ) => Prisma.sql`SELECT x."id", u."name" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "ReviewAssignment" x ON x."id" = j."value"
      JOIN "User" u ON u."id" = x."reviewerId"`,
    subject: (r) => ({ name: `${text(r.a)} 的评审任务`, href: null }),
  },
  RatingRound: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."title" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "RatingRound" x ON x."id" = j."value"`,
    subject: (r) => ({ name: text(r.a), href: `/admin/rating/${r.id}` }),
  },
  RatingApplication: {
    sql: (
      ids,
    ) => Prisma.sql`SELECT x."id", o."name" AS a, g."title" AS b, NULL AS c FROM ${ids} j CROSS JOIN "RatingApplication" x ON x."id" = j."value"
      JOIN "Organization" o ON o."id" = x."organizationId" JOIN "RatingRound" g ON g."id" = x."roundId"`,
    subject: (r) => ({ name: `${text(r.a)}（${text(r.b)}）`, href: `/admin/rating/applications/${r.id}` }),
  },
  RatingCertificate: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."number" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "RatingCertificate" x ON x."id" = j."value"`,
    subject: (r) => ({ name: `证书 ${text(r.a)}`, href: `/admin/rating/certificates/${r.id}` }),
  },
  Product: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."name" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "Product" x ON x."id" = j."value"`,
    subject: (r) => ({ name: text(r.a), href: "/admin/products" }),
  },
  Order: {
    sql: (ids) =>
      Prisma.sql`SELECT x."id", x."orderNo" AS a, NULL AS b, NULL AS c FROM ${ids} j CROSS JOIN "Order" x ON x."id" = j."value"`,
    subject: (r) => ({ name: `订单 ${text(r.a)}`, href: `/admin/orders/${r.id}` }),
  },
};

/** The types in a fixed order: the statement's text never changes, so it is prepared once. */
export const AUDIT_SUBJECT_TYPES = Object.keys(RESOLVERS);

/**
 * The objects of a page's events, every type in one statement (decision 033): one SELECT
 * per type, each reaching its table by primary key, joined by UNION ALL. Per-type Prisma
 * queries cost a compile each, most of the audit page's CPU. Every type has its arm, with
 * its ids as one JSON array parameter (empty when the page has none of that type), so the
 * text is the same for every page and runs as one prepared statement (prepared-reads).
 */
export function auditSubjectsSql(byType: Map<string, Set<string>>): Prisma.Sql {
  const parts = AUDIT_SUBJECT_TYPES.map((type) => {
    const ids = JSON.stringify([...(byType.get(type) ?? [])]);
    // As text: a compound SELECT takes its columns' types from its first arm, and a year
    // (an integer there) would turn the names of the arms after it into numbers.
    return Prisma.sql`SELECT ${type} AS "type", s."id", CAST(s.a AS TEXT) AS a, CAST(s.b AS TEXT) AS b,
        CAST(s.c AS TEXT) AS c FROM (${RESOLVERS[type]!.sql(Prisma.sql`json_each(${ids})`)}) s`;
  });
  return Prisma.join(parts, " UNION ALL ");
}

/**
 * Adds `subject` (name and staff link) to each event. An object that was deleted,
 * or of a type without a resolver, gets null and is shown by its id.
 */
export async function withAuditSubjects<E extends { entityType: string; entityId: string }>(events: E[]) {
  const byType = new Map<string, Set<string>>();
  for (const e of events) {
    if (!RESOLVERS[e.entityType]) continue;
    const set = byType.get(e.entityType) ?? new Set<string>();
    set.add(e.entityId);
    byType.set(e.entityType, set);
  }
  const rows = byType.size ? await readRows<SubjectRow>(auditSubjectsSql(byType)) : [];
  const subjects = new Map<string, AuditSubject>();
  for (const row of rows) subjects.set(`${row.type}:${row.id}`, RESOLVERS[row.type]!.subject(row));
  return events.map((e) => ({ ...e, subject: subjects.get(`${e.entityType}:${e.entityId}`) ?? null }));
}
