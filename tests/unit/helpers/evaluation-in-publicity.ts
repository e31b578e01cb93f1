// A funded project whose mid-term or final result was scored and published, its publicity
// period ending `endedDaysAgo` days ago (negative: still running), for the tests of what
// happens when a period ends (evaluation-finality) and of what the 待办 counts (evaluation-queue),
// and the running project under it (also funding-termination).
import { EVALUATION_PUBLICATION_TYPE } from "~/modules/evaluation/publicity.server";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createRunningProject } from "../../support/funded-project";
import { createTestUser } from "./users";

/** A registered organization with a member and a running funded project (`paidTranches` paid). */
export async function arrangeRunningProject(paidTranches = 1) {
  const admin = await createTestUser({ role: "ADMIN" });
  const member = await createTestUser();
  const org = await prisma.organization.create({
    data: { type: "SOCIAL_SERVICE", name: `测试机构${member.id.slice(-6)}`, status: "REGISTERED" },
    select: { id: true },
  });
  await prisma.membership.create({ data: { userId: member.id, organizationId: org.id } });
  const project = await createRunningProject({
    organizationId: org.id,
    userId: member.id,
    adminId: admin.id,
    paidTranches,
  });
  return { admin, member, org, project };
}

export async function inPublicity(kind: "MIDTERM" | "FINAL", grade: string, score: number, endedDaysAgo: number) {
  const { admin, org, project } = await arrangeRunningProject(kind === "FINAL" ? 2 : 1);
  // Scored and published (the panel and the publishing step have their own tests).
  const endsAt = addDays(new Date(), -endedDaysAgo);
  const evaluation = await prisma.grantEvaluation.create({
    data: {
      projectId: project.projectId,
      kind,
      dueAt: addDays(endsAt, -20),
      submittedAt: addDays(endsAt, -22),
      status: "PUBLICITY",
      score,
      grade,
      publicityStartsAt: addDays(endsAt, -7),
      publicityEndsAt: endsAt,
    },
    select: { id: true },
  });
  return { admin, org, project, evaluationId: evaluation.id, endsAt };
}

/** A public objection to an evaluation result in publicity, waiting for staff's decision. */
export function objectTo(published: { project: { callId: string }; evaluationId: string }) {
  return prisma.objection.create({
    data: {
      publicationType: EVALUATION_PUBLICATION_TYPE,
      publicationId: published.project.callId,
      entryType: "GrantEvaluation",
      entryId: published.evaluationId,
      name: "李明",
      contact: "13800001234",
      content: "服务人次与报告不符，请核实评估结果。",
      accessToken: `t-${published.evaluationId}`,
    },
    select: { id: true },
  });
}
