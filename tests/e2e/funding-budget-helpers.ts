// A funded project in delivery with three budget lines, for the budget tab journeys:
// made by the funding module's own createFundedProject (tests/support/funding-fixtures)
// and signed the way the agreement module leaves it.
import { prisma } from "~/utils/db.server";
import { createUser } from "../playwright-utils";
import { createConfirmedCall, createProjectInCall, markSigned } from "../support/funding-fixtures";

const DAY = 86_400_000;

/** ¥100,000: 活动费 ¥60,000, 专业社工服务费 ¥30,000, 管理费 ¥10,000. */
export async function projectInDelivery() {
  const staff = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  const call = await createConfirmedCall({ createdById: staff.id });
  const project = await createProjectInCall({
    callId: call.id,
    organizationId: member.organizationId!,
    userId: member.id,
    staffId: staff.id,
    awardFen: 10_000_000,
  });
  await prisma.$transaction([
    prisma.grantProjectBudgetLine.deleteMany({ where: { projectId: project.id } }),
    prisma.grantProjectBudgetLine.createMany({
      data: [
        {
          projectId: project.id,
          category: "ACTIVITY",
          description: "社区助餐活动",
          plannedFen: 6_000_000,
          revisedFen: 6_000_000,
          position: 1,
        },
        {
          projectId: project.id,
          category: "SOCIAL_WORK",
          description: "驻点社工",
          plannedFen: 3_000_000,
          revisedFen: 3_000_000,
          position: 2,
        },
        {
          projectId: project.id,
          category: "OVERHEAD",
          description: "",
          plannedFen: 1_000_000,
          revisedFen: 1_000_000,
          position: 3,
        },
      ],
    }),
  ]);
  await markSigned(project.id, new Date(Date.now() - 3 * DAY));
  const lines = await prisma.grantProjectBudgetLine.findMany({
    where: { projectId: project.id },
    orderBy: { position: "asc" },
    select: { id: true, category: true },
  });
  return { staff, member, call, project, lines };
}
