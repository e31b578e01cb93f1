// Funded projects arranged straight in the database for unit tests and browser specs:
// a confirmed call with a tranche plan, a FUNDED application of the given organization
// and its project made by the funding module's own createFundedProject (so tranches,
// budget lines and the draft agreement are what confirmation makes).
import crypto from "node:crypto";
import { createFundedProject } from "~/modules/funding/create-projects.server";
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

const DAY = 86_400_000;

export const STANDARD_PLAN = [
  { percent: 50, trigger: "SIGNING" },
  { percent: 30, trigger: "MIDTERM_PASS" },
  { percent: 20, trigger: "FINAL_EVALUATION" },
];

/** A confirmed call (reviewStage CONFIRMED) with a tranche plan and a pool. */
export async function createConfirmedCall(input: {
  createdById: string;
  poolFen?: number;
  plan?: { percent: number; trigger: string }[];
  title?: string;
}) {
  const now = Date.now();
  const suffix = crypto.randomBytes(3).toString("hex");
  return prisma.grantCall.create({
    data: {
      title: input.title ?? `资金测试公益创投${suffix}`,
      year: shanghaiParts(new Date()).year,
      description: "面向全区社会组织征集公益服务项目。",
      status: "PUBLISHED",
      categories: JSON.stringify(["为老", "助残"]),
      poolFen: BigInt(input.poolFen ?? 50_000_000),
      perProjectCapFen: 10_000_000,
      maxGrantSharePct: 80,
      overheadCapPct: 10,
      applyOpensAt: new Date(now - 120 * DAY),
      applyClosesAt: new Date(now - 90 * DAY),
      screeningEndsAt: new Date(now - 75 * DAY),
      reviewEndsAt: new Date(now - 60 * DAY),
      signingEndsAt: new Date(now + 20 * DAY),
      reviewStage: "CONFIRMED",
      confirmedAt: new Date(now - 10 * DAY),
      createdById: input.createdById,
      publishedAt: new Date(now - 120 * DAY),
      tranchePlan: { create: (input.plan ?? STANDARD_PLAN).map((p, i) => ({ ...p, position: i + 1 })) },
    },
    select: { id: true, title: true },
  });
}

/** A FUNDED application of `organizationId` in `callId` and its funded project (AWAITING_SIGNATURE). */
export async function createProjectInCall(input: {
  callId: string;
  organizationId: string;
  userId: string;
  staffId: string;
  awardFen?: number;
  title?: string;
}) {
  const awardFen = input.awardFen ?? 8_000_001;
  const now = new Date();
  const app = await prisma.grantApplication.create({
    data: {
      callId: input.callId,
      organizationId: input.organizationId,
      createdById: input.userId,
      status: "FUNDED",
      title: input.title ?? `社区长者助餐${crypto.randomBytes(2).toString("hex")}`,
      category: "为老",
      projectStart: new Date(now.getTime() - 5 * DAY),
      projectEnd: new Date(now.getTime() + 360 * DAY),
      requestedFen: awardFen,
      ownFundsFen: 1_000_000,
      matchedFen: 0,
      totalBudgetFen: awardFen + 1_000_000,
      submittedAt: new Date(now.getTime() - 100 * DAY),
      data: JSON.stringify({ serviceArea: "东山街道", community: "竹山社区" }),
      budgetLines: {
        create: [
          { category: "ACTIVITY", description: "助餐补贴", requestedFen: awardFen, ownFen: 1_000_000, position: 0 },
        ],
      },
      indicators: { create: [{ kind: "OUTPUT", name: "助餐人次", target: "6000 人次", position: 0 }] },
    },
    select: { id: true },
  });
  return prisma.$transaction((tx) =>
    createFundedProject(tx, { applicationId: app.id, awardFen, actorId: input.staffId, now }),
  );
}

/** Marks a project countersigned at `signedAt` the way the agreement module leaves it. */
export async function markSigned(projectId: string, signedAt: Date) {
  await prisma.grantProject.update({
    where: { id: projectId },
    data: { status: "IN_DELIVERY", signedAt },
    select: { id: true },
  });
}
