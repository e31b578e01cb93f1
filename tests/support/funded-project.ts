// A funded project already signed and in delivery, built straight in the database
// with the funding module's own function (createFundedProject), for the closing,
// termination and public-record tests. Signing and payments are set on the rows:
// their flows are tested by their own journeys.
import crypto from "node:crypto";
import { createFundedProject } from "~/modules/funding/create-projects.server";
import { addDays, shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

export async function createRunningProject(input: {
  organizationId: string;
  userId: string;
  adminId: string;
  title?: string;
  awardFen?: number;
  /** how many tranches (50% / 30% / 20%) are already paid */
  paidTranches?: number;
  /** the call's year (default last year) */
  year?: number;
  category?: string;
  beneficiaryCount?: number;
}) {
  const now = new Date();
  const suffix = crypto.randomBytes(3).toString("hex");
  const year = input.year ?? shanghaiParts(now).year - 1;
  const awardFen = input.awardFen ?? 6_000_000;
  const signedAt = addDays(now, -300);
  const call = await prisma.grantCall.create({
    data: {
      title: `测试公益创投${year}-${suffix}`,
      year,
      description: "测试用的公益创投活动。",
      status: "CLOSED",
      categories: JSON.stringify(["为老", "助残", "青少年"]),
      poolFen: 100_000_000n,
      perProjectCapFen: 10_000_000,
      maxGrantSharePct: 80,
      overheadCapPct: 10,
      applyOpensAt: addDays(now, -420),
      applyClosesAt: addDays(now, -390),
      screeningEndsAt: addDays(now, -375),
      reviewEndsAt: addDays(now, -350),
      signingEndsAt: addDays(now, -310),
      reviewStage: "CONFIRMED",
      confirmedAt: addDays(now, -330),
      createdById: input.adminId,
      publishedAt: addDays(now, -420),
      tranchePlan: {
        create: [
          { position: 1, percent: 50, trigger: "SIGNING" },
          { position: 2, percent: 30, trigger: "MIDTERM_PASS" },
          { position: 3, percent: 20, trigger: "FINAL_EVALUATION" },
        ],
      },
    },
    select: { id: true, title: true, year: true },
  });
  const app = await prisma.grantApplication.create({
    data: {
      callId: call.id,
      organizationId: input.organizationId,
      createdById: input.userId,
      status: "IN_PROGRESS",
      title: input.title ?? `社区长者助餐${suffix}`,
      category: input.category ?? "为老",
      projectStart: addDays(now, -300),
      projectEnd: addDays(now, 30),
      requestedFen: awardFen,
      totalBudgetFen: awardFen + 1_000_000,
      ownFundsFen: 1_000_000,
      submittedAt: addDays(now, -395),
      data: JSON.stringify({
        serviceArea: "江宁区东山街道",
        community: "竹山社区",
        beneficiaries: "辖区独居和空巢老人",
        beneficiaryCount: input.beneficiaryCount ?? 150,
        goals: "为老人提供助餐和探访服务。",
      }),
      budgetLines: {
        create: [
          { category: "ACTIVITY", description: "助餐补贴", requestedFen: awardFen - 500_000, position: 0 },
          { category: "OVERHEAD", description: "项目管理", requestedFen: 500_000, position: 1 },
        ],
      },
      milestones: { create: [{ title: "项目启动", dueDate: addDays(now, -290), position: 0 }] },
      indicators: { create: [{ kind: "OUTPUT", name: "助餐人次", target: "6000 人次", position: 0 }] },
    },
    select: { id: true, title: true },
  });
  const rank = 100 + crypto.randomInt(800);
  await prisma.grantAward.create({
    data: {
      callId: call.id,
      applicationId: app.id,
      rank,
      finalScore: 85,
      reviewCount: 3,
      recommended: true,
      recommendedFen: awardFen,
      selected: true,
      amountFen: awardFen,
    },
  });
  const project = await prisma.$transaction((tx) =>
    createFundedProject(tx, { applicationId: app.id, awardFen, actorId: input.adminId, now: addDays(now, -330) }),
  );
  await prisma.grantProject.update({
    where: { id: project.id },
    data: {
      status: "IN_DELIVERY",
      signedAt,
      projectNo: `GY${year}-T${suffix}`,
      agreements: { updateMany: { where: {}, data: { status: "SIGNED", bureauSignedAt: signedAt } } },
    },
  });
  const tranches = await prisma.grantTranche.findMany({
    where: { projectId: project.id },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  for (const t of tranches) {
    if (t.position > (input.paidTranches ?? 1)) continue;
    await prisma.grantTranche.update({
      where: { id: t.id },
      data: {
        status: "PAID",
        gateMetAt: signedAt,
        paidAt: addDays(signedAt, 10 * t.position),
        voucherNo: `PZ-${suffix}-${t.position}`,
      },
    });
  }
  return { projectId: project.id, callId: call.id, callTitle: call.title, applicationId: app.id, title: app.title };
}
