// Countersigning the first agreement version starts delivery in one transaction: the
// project runs, the signing tranche opens, the progress reports are scheduled and the
// mid-term and final evaluations exist (#13 item 6, #14 item 1).
import { describe, expect, test } from "vitest";
import { defineRows } from "~/modules/indicators/define";
import { createScheme } from "~/modules/indicators/scheme.server";
import { prisma } from "~/utils/db.server";
import { GRANT_MIDTERM_SCHEME } from "../../../prisma/seed-parts/indicator-schemes";
import { createCall, createCompleteApplication, registerOrganization } from "../../../tests/e2e/grants-apply-helpers";
import { createTestUser } from "../../../tests/unit/helpers/users";
import { countersign, signAsOrganization } from "./agreement-signing.server";
import { issueAgreement } from "./agreements.server";
import { createFundedProject } from "./create-projects.server";
import { scheduleReports } from "./reports.server";

async function seedEvaluationScheme(createdById: string) {
  const { rows, rules, totalPoints } = defineRows(GRANT_MIDTERM_SCHEME.defs);
  const { defs: _defs, ...meta } = GRANT_MIDTERM_SCHEME;
  await prisma.$transaction((tx) =>
    createScheme(tx, { ...meta, subtype: null, totalPoints, rules, createdById }, rows),
  );
}

/** A confirmed project whose agreement the organization has signed: it waits for the bureau. */
async function projectAwaitingBureau() {
  const admin = await prisma.user.findUniqueOrThrow({
    where: { id: (await createTestUser({ role: "ADMIN" })).id },
    select: { id: true, name: true },
  });
  const member = await prisma.user.findUniqueOrThrow({
    where: { id: (await createTestUser()).id },
    select: { id: true, name: true },
  });
  const org = await prisma.organization.create({
    data: {
      name: "测试服务中心",
      type: "SOCIAL_SERVICE",
      memberships: { create: { userId: member.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  await seedEvaluationScheme(admin.id);
  const call = await createCall({ createdById: admin.id, opensInDays: -60, closesInDays: -30 });
  await registerOrganization(org.id);
  const app = await createCompleteApplication({
    callId: call.id,
    organizationId: org.id,
    userId: member.id,
    status: "SCREEN_PASSED",
    title: "社区长者助餐",
  });
  await prisma.grantApplication.update({ where: { id: app.id }, data: { status: "FUNDED" } });
  const project = await prisma.$transaction((tx) =>
    createFundedProject(tx, {
      applicationId: app.id,
      awardFen: 8_000_000,
      actorId: admin.id,
      now: new Date(),
    }),
  );
  expect((await issueAgreement({ projectId: project.id, actor: admin })).ok).toBe(true);
  const { textHash } = await prisma.grantAgreement.findFirstOrThrow({
    where: { projectId: project.id, version: 1 },
    select: { textHash: true },
  });
  const signed = await signAsOrganization({
    projectId: project.id,
    signer: member,
    signerName: member.name,
    textHash: textHash!,
  });
  expect(signed.ok).toBe(true);
  return { projectId: project.id, admin, textHash: textHash! };
}

describe("countersign", () => {
  test("schedules the progress reports and the evaluations in the same step", async () => {
    const { projectId, admin, textHash } = await projectAwaitingBureau();
    const before = await prisma.grantProgressReport.count({ where: { projectId } });
    expect(before).toBe(0);

    const result = await countersign({ projectId, signer: admin, signerName: admin.name, textHash });
    expect(result.ok).toBe(true);

    const project = await prisma.grantProject.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        status: true,
        signedAt: true,
        endsOn: true,
        reports: { orderBy: { sequence: "asc" }, select: { sequence: true, status: true, dueAt: true } },
        evaluations: { orderBy: { dueAt: "asc" }, select: { kind: true, status: true } },
      },
    });
    expect(project.status).toBe("IN_DELIVERY");
    expect(project.signedAt).not.toBeNull();
    expect(project.reports.length).toBeGreaterThan(0);
    expect(project.reports.every((r) => r.status === "SCHEDULED")).toBe(true);
    expect(project.reports.every((r) => r.dueAt.getTime() > project.signedAt!.getTime())).toBe(true);
    expect(project.evaluations.map((e) => e.kind)).toEqual(["MIDTERM", "FINAL"]);
    expect(project.evaluations.every((e) => e.status === "AWAITING_REPORT")).toBe(true);

    // Scheduling again (e.g. from a retry) adds nothing.
    const again = await prisma.$transaction((tx) => scheduleReports(tx, projectId));
    expect(again).toBe(project.reports.length);
    expect(await prisma.grantProgressReport.count({ where: { projectId } })).toBe(project.reports.length);
    expect(await prisma.grantEvaluation.count({ where: { projectId } })).toBe(2);
  });

  test("without an evaluation scheme nothing is signed: the whole step is one transaction", async () => {
    const { projectId, admin, textHash } = await projectAwaitingBureau();
    await prisma.indicatorScheme.deleteMany({ where: { purpose: "GRANT_EVALUATION" } });

    await expect(countersign({ projectId, signer: admin, signerName: admin.name, textHash })).rejects.toThrow(
      "尚未建立资助项目评估指标体系",
    );
    const project = await prisma.grantProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { status: true, signedAt: true, _count: { select: { reports: true, evaluations: true } } },
    });
    expect(project).toEqual({ status: "AWAITING_SIGNATURE", signedAt: null, _count: { reports: 0, evaluations: 0 } });
  });
});
