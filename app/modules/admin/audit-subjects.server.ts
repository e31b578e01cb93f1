// What a person calls the object of an audit event ("社区助老服务项目", "订单 YM2026…"),
// and where staff can open it. One query per entity type on the page, never per row.
import { OBJECTION_SUBJECT_TYPE } from "~/modules/publicity/objection";
import { prisma } from "~/utils/db.server";

export type AuditSubject = { name: string; href: string | null };

type Named = { id: string; name: string; href: string | null };
type Resolver = (ids: string[]) => Promise<Named[]>;

const ids = (list: string[]) => ({ id: { in: list } });

const RESOLVERS: Record<string, Resolver> = {
  User: async (list) =>
    (await prisma.user.findMany({ where: ids(list), select: { id: true, name: true, email: true } })).map((u) => ({
      id: u.id,
      name: `${u.name}（${u.email}）`,
      href: `/admin/users/${u.id}`,
    })),
  Organization: async (list) =>
    (await prisma.organization.findMany({ where: ids(list), select: { id: true, name: true } })).map((o) => ({
      ...o,
      href: `/admin/organizations/${o.id}`,
    })),
  RegistrationApplication: async (list) =>
    (await prisma.registrationApplication.findMany({ where: ids(list), select: { id: true, proposedName: true } })).map(
      (r) => ({ id: r.id, name: r.proposedName, href: `/admin/registrations/${r.id}` }),
    ),
  IncubationApplication: async (list) =>
    (
      await prisma.incubationApplication.findMany({
        where: ids(list),
        select: { id: true, organization: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: `${r.organization.name} 入驻申请`, href: `/admin/incubation/${r.id}` })),
  InspectionRound: async (list) =>
    (await prisma.inspectionRound.findMany({ where: ids(list), select: { id: true, year: true } })).map((r) => ({
      id: r.id,
      name: `${r.year}年度年检`,
      href: `/admin/inspection/${r.year}`,
    })),
  InspectionReport: async (list) =>
    (
      await prisma.inspectionReport.findMany({
        where: ids(list),
        select: { id: true, year: true, organization: { select: { name: true } } },
      })
    ).map((r) => ({
      id: r.id,
      name: `${r.organization.name} ${r.year}年度报告`,
      href: `/admin/inspection/reports/${r.id}`,
    })),
  Rectification: async (list) =>
    (
      await prisma.rectification.findMany({
        where: ids(list),
        select: { id: true, organization: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: `${r.organization.name} 年检整改`, href: "/admin/inspection/rectifications" })),
  CreditRecord: async (list) =>
    (
      await prisma.creditRecord.findMany({
        where: ids(list),
        select: { id: true, organizationId: true, description: true, organization: { select: { name: true } } },
      })
    ).map((r) => ({
      id: r.id,
      name: `${r.organization.name}：${r.description.slice(0, 30)}`,
      href: `/admin/organizations/${r.organizationId}`,
    })),
  IndicatorScheme: async (list) =>
    (await prisma.indicatorScheme.findMany({ where: ids(list), select: { id: true, title: true, version: true } })).map(
      (s) => ({ id: s.id, name: `${s.title}（第 ${s.version} 版）`, href: `/admin/indicators/${s.id}` }),
    ),
  GrantCall: async (list) =>
    (await prisma.grantCall.findMany({ where: ids(list), select: { id: true, title: true } })).map((c) => ({
      id: c.id,
      name: c.title,
      href: `/admin/grants/${c.id}`,
    })),
  GrantApplication: async (list) =>
    (
      await prisma.grantApplication.findMany({
        where: ids(list),
        select: { id: true, title: true, organization: { select: { name: true } } },
      })
    ).map((a) => ({
      id: a.id,
      name: `「${a.title || "未命名项目"}」（${a.organization.name}）`,
      href: `/admin/grants/applications/${a.id}`,
    })),
  [OBJECTION_SUBJECT_TYPE]: async (list) =>
    (
      await prisma.objection.findMany({
        where: ids(list),
        select: { id: true, name: true, publicationType: true, publicationId: true, createdAt: true },
      })
    ).map((o) => ({
      id: o.id,
      name: `${o.name} 提交的异议`,
      // the shortlist's publicity desk; other publications are reached from their own pages
      href: o.publicationType === "GrantCall" ? `/admin/grants/${o.publicationId}/publicity` : null,
    })),
  GrantProject: async (list) =>
    (await prisma.grantProject.findMany({ where: ids(list), select: { id: true, projectNo: true, title: true } })).map(
      (p) => ({ id: p.id, name: `${p.projectNo}「${p.title}」`, href: `/admin/projects/${p.id}` }),
    ),
  ReviewAssignment: async (list) =>
    (
      await prisma.reviewAssignment.findMany({
        where: ids(list),
        select: { id: true, reviewer: { select: { name: true } } },
      })
    ).map((a) => ({ id: a.id, name: `${a.reviewer.name} 的评审任务`, href: null })),
  RatingRound: async (list) =>
    (await prisma.ratingRound.findMany({ where: ids(list), select: { id: true, title: true } })).map((r) => ({
      id: r.id,
      name: r.title,
      href: `/admin/rating/${r.id}`,
    })),
  RatingApplication: async (list) =>
    (
      await prisma.ratingApplication.findMany({
        where: ids(list),
        select: { id: true, organization: { select: { name: true } }, round: { select: { title: true } } },
      })
    ).map((a) => ({
      id: a.id,
      name: `${a.organization.name}（${a.round.title}）`,
      href: `/admin/rating/applications/${a.id}`,
    })),
  RatingCertificate: async (list) =>
    (await prisma.ratingCertificate.findMany({ where: ids(list), select: { id: true, number: true } })).map((c) => ({
      id: c.id,
      name: `证书 ${c.number}`,
      href: `/admin/rating/certificates/${c.id}`,
    })),
  Product: async (list) =>
    (await prisma.product.findMany({ where: ids(list), select: { id: true, name: true } })).map((p) => ({
      ...p,
      href: "/admin/products",
    })),
  Order: async (list) =>
    (await prisma.order.findMany({ where: ids(list), select: { id: true, orderNo: true } })).map((o) => ({
      id: o.id,
      name: `订单 ${o.orderNo}`,
      href: `/admin/orders/${o.id}`,
    })),
};

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
  const resolved = await Promise.all(
    [...byType].map(async ([type, set]) => [type, await RESOLVERS[type]!([...set])] as const),
  );
  const subjects = new Map<string, AuditSubject>();
  for (const [type, rows] of resolved) {
    for (const row of rows) subjects.set(`${type}:${row.id}`, { name: row.name, href: row.href });
  }
  return events.map((e) => ({ ...e, subject: subjects.get(`${e.entityType}:${e.entityId}`) ?? null }));
}
