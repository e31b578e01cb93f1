// Monitoring visits (#13 item 8) through their steps: planned, recorded, answered, closed;
// closing an unanswered visit needs a reason; an ended project takes no more replies.
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { createProjectInDelivery } from "../../../tests/e2e/funding-delivery-helpers";
import { createTestUser } from "../../../tests/unit/helpers/users";
import { closeVisit, planVisit, recordVisit, replyToVisit } from "./monitoring.server";

const DAY = 86_400_000;

async function setup() {
  const admin = await createTestUser({ role: "ADMIN" });
  const member = await createTestUser();
  const org = await prisma.organization.create({
    data: {
      name: "测试服务中心",
      type: "SOCIAL_SERVICE",
      memberships: { create: { userId: member.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  const project = await createProjectInDelivery({ adminId: admin.id, organizationId: org.id, userId: member.id });
  return { admin, member, projectId: project.id };
}

const findings = {
  findings: "留样记录缺三天，签到表个别无签名。",
  requestedActions: "补齐留样记录，签到表补签。",
};

describe("monitoring visits", () => {
  test("planned, recorded, answered and closed, each step audited", async () => {
    const { admin, member, projectId } = await setup();
    const who = { projectId, actorId: admin.id };
    const planned = await prisma.$transaction((tx) =>
      planVisit(tx, { ...who, visitedOn: new Date(), purpose: "食品安全台账" }),
    );
    const visitId = planned.visitId;
    await prisma.$transaction((tx) =>
      recordVisit(tx, {
        ...who,
        visitId,
        visitedOn: new Date(),
        ...findings,
        replyDueAt: new Date(Date.now() + 14 * DAY),
      }),
    );
    await prisma.$transaction((tx) =>
      replyToVisit(tx, { projectId, actorId: member.id, visitId, reply: "已补齐留样记录并补签签到表。" }),
    );
    const closed = await prisma.$transaction((tx) => closeVisit(tx, { ...who, visitId }));
    expect(closed.ok).toBe(true);
    const visit = await prisma.grantMonitoringVisit.findUniqueOrThrow({ where: { id: visitId } });
    expect(visit).toMatchObject({ status: "CLOSED", purpose: "食品安全台账", repliedById: member.id });
    expect(visit.closedAt).not.toBeNull();
    const steps = await prisma.auditEvent.findMany({
      where: { entityId: visitId },
      orderBy: { createdAt: "asc" },
      select: { toState: true },
    });
    expect(steps.map((s) => s.toState)).toEqual(["PLANNED", "OPEN", "REPLIED", "CLOSED"]);
  });

  test("an unanswered visit closes only with a reason; an ended project takes no reply", async () => {
    const { admin, member, projectId } = await setup();
    const who = { projectId, actorId: admin.id };
    const { visitId } = await prisma.$transaction((tx) =>
      recordVisit(tx, { ...who, visitedOn: new Date(), ...findings, replyDueAt: new Date(Date.now() + 7 * DAY) }),
    );
    const refused = await prisma.$transaction((tx) => closeVisit(tx, { ...who, visitId }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { note: ["机构尚未回复，关闭前请说明理由"] } });

    await prisma.grantProject.update({ where: { id: projectId }, data: { status: "TERMINATED" } });
    await expect(
      prisma.$transaction((tx) =>
        replyToVisit(tx, { projectId, actorId: member.id, visitId, reply: "已经整改完毕。" }),
      ),
    ).rejects.toThrow("项目不在执行中");
    const closed = await prisma.$transaction((tx) => closeVisit(tx, { ...who, visitId, note: "项目已终止" }));
    expect(closed.ok).toBe(true);
  });
});
