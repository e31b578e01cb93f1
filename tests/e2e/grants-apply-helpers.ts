// Arrangements shared by the grants-apply and grants-screening specs: a call
// created straight in the database (the call editor is tested elsewhere), a
// registered organization, and a complete application.
import crypto from "node:crypto";
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

const DAY = 86_400_000;

export async function createCall(input: {
  createdById: string;
  opensInDays?: number;
  closesInDays?: number;
  title?: string;
}) {
  const now = Date.now();
  const opens = new Date(now + (input.opensInDays ?? -10) * DAY);
  const closes = new Date(now + (input.closesInDays ?? 30) * DAY);
  return prisma.grantCall.create({
    data: {
      title: input.title ?? `测试公益创投大赛${crypto.randomBytes(3).toString("hex")}`,
      year: shanghaiParts(new Date()).year,
      description: "面向全区社会组织征集为老、助残等公益服务项目。",
      status: "PUBLISHED",
      categories: JSON.stringify(["为老", "助残", "青少年"]),
      poolFen: 200_000_000n,
      perProjectCapFen: 10_000_000,
      maxGrantSharePct: 80,
      minMatchRatioPct: 20,
      overheadCapPct: 10,
      applyOpensAt: opens,
      applyClosesAt: closes,
      screeningEndsAt: new Date(closes.getTime() + 15 * DAY),
      reviewEndsAt: new Date(closes.getTime() + 30 * DAY),
      signingEndsAt: new Date(closes.getTime() + 60 * DAY),
      eligibility: JSON.stringify({}),
      createdById: input.createdById,
      publishedAt: opens,
    },
    select: { id: true, title: true, applyClosesAt: true },
  });
}

export async function registerOrganization(organizationId: string) {
  await prisma.organization.update({
    where: { id: organizationId },
    data: { status: "REGISTERED", registeredAt: new Date("2022-06-01T00:00:00+08:00") },
  });
}

/** A complete application (rows, plan attachment) in the given state. */
export async function createCompleteApplication(input: {
  callId: string;
  organizationId: string;
  userId: string;
  status: "DRAFT" | "SUBMITTED" | "SCREEN_PASSED";
  title: string;
}) {
  const start = new Date(Date.now() + 40 * DAY);
  const end = new Date(Date.now() + 400 * DAY);
  const app = await prisma.grantApplication.create({
    data: {
      callId: input.callId,
      organizationId: input.organizationId,
      createdById: input.userId,
      status: input.status,
      title: input.title,
      category: "为老",
      projectStart: start,
      projectEnd: end,
      requestedFen: 8_000_000,
      ownFundsFen: 1_500_000,
      matchedFen: 500_000,
      totalBudgetFen: 10_000_000,
      submittedAt: input.status === "DRAFT" ? null : new Date(),
      data: JSON.stringify({
        serviceArea: "江宁区东山街道",
        community: "竹山社区",
        beneficiaries: "辖区独居和空巢老人",
        beneficiaryCount: 150,
        needs: "辖区 60 岁以上老人占比高，独居老人就餐困难。",
        goals: "为 150 名老人提供助餐和探访服务。",
        team: [{ name: "王芳", role: "项目主管", socialWorker: true, certificate: "SOCIAL_WORKER" }],
        declared: { requestedFen: 8_000_000, ownFen: 1_500_000, matchedFen: 500_000 },
      }),
      budgetLines: {
        create: [
          {
            category: "ACTIVITY",
            description: "助餐补贴",
            requestedFen: 7_000_000,
            ownFen: 1_500_000,
            matchedFen: 500_000,
            position: 0,
          },
          {
            category: "OVERHEAD",
            description: "项目管理",
            requestedFen: 1_000_000,
            ownFen: 0,
            matchedFen: 0,
            position: 1,
          },
        ],
      },
      milestones: { create: [{ title: "项目启动", dueDate: new Date(start.getTime() + 5 * DAY), position: 0 }] },
      indicators: { create: [{ kind: "OUTPUT", name: "助餐人次", target: "6000 人次", position: 0 }] },
    },
    select: { id: true },
  });
  await prisma.attachment.create({
    data: {
      organizationId: input.organizationId,
      uploaderId: input.userId,
      purpose: "grant.plan",
      originalName: "项目计划书.pdf",
      mimeType: "application/pdf",
      sizeBytes: 15,
      storageKey: `test/${crypto.randomUUID()}.pdf`,
      subjectType: "GrantApplication",
      subjectId: app.id,
    },
  });
  return app;
}
