// Arranging incubation data for the module tests (not a test file itself).
import { prisma } from "~/utils/db.server";
import { applyForIncubation } from "./apply.server";

export const PLAN = "入驻后开展社区老年人助餐和陪伴服务，培育十名社区志愿者骨干。";
let counter = 0;

export async function setup(status = "REGISTERED") {
  counter += 1;
  const admin = await prisma.user.create({
    data: { email: `admin${counter}@test.yimiao.local`, name: "王敏", role: "ADMIN" },
    select: { id: true },
  });
  const member = await prisma.user.create({
    data: { email: `member${counter}@test.yimiao.local`, name: "陈晓", role: "ORG_MEMBER" },
    select: { id: true },
  });
  const org = await prisma.organization.create({
    data: {
      name: `江宁区测试社会工作服务中心${counter}`,
      type: "SOCIAL_SERVICE",
      status,
      memberships: { create: { userId: member.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  return { admin, member, org };
}

export async function addInspection(organizationId: string, year: number, status: string, conclusion: string | null) {
  const round = await prisma.inspectionRound.upsert({
    where: { year },
    create: {
      year,
      deadline: new Date(`${year + 1}-05-31T23:59:59+08:00`),
      foundationDeadline: new Date(`${year + 1}-03-31T23:59:59+08:00`),
    },
    update: {},
    select: { id: true },
  });
  await prisma.inspectionReport.create({ data: { roundId: round.id, organizationId, year, status, conclusion } });
}

export async function applied(now = new Date("2026-11-19T10:00:00+08:00")) {
  const ctx = await setup();
  const result = await applyForIncubation({
    organizationId: ctx.org.id,
    actorId: ctx.member.id,
    plan: PLAN,
    needs: ["SPACE"],
    now,
  });
  if (!result.ok) throw new Error((result.formErrors ?? []).join());
  return { ...ctx, id: result.id };
}

export const read = (id: string) =>
  prisma.incubationApplication.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      firstCheckNote: true,
      reviewNote: true,
      agreementNo: true,
      termStart: true,
      termEnd: true,
      exitResult: true,
      exitAt: true,
      exitNote: true,
      handoverDueAt: true,
    },
  });
