import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { createConfirmedCall, createProjectInCall, markSigned } from "../../../tests/support/funding-fixtures";
import { createTestUser } from "../../../tests/unit/helpers/users";
import { trancheDueAt } from "./tranches";
import { meetTrancheGates } from "./tranches.server";

async function signedProject() {
  const staff = await createTestUser({ role: "ADMIN" });
  const member = await createTestUser();
  const org = await prisma.organization.create({
    data: { name: `拨付测试中心${member.id}`, type: "SOCIAL_SERVICE", memberships: { create: { userId: member.id } } },
    select: { id: true },
  });
  const call = await createConfirmedCall({ createdById: staff.id });
  const project = await createProjectInCall({
    callId: call.id,
    organizationId: org.id,
    userId: member.id,
    staffId: staff.id,
  });
  return { staff, member, project };
}

const tranchesOf = (projectId: string) =>
  prisma.grantTranche.findMany({
    where: { projectId },
    orderBy: { position: "asc" },
    select: { trigger: true, status: true, dueAt: true, gateMetAt: true, amountFen: true },
  });

describe("meetTrancheGates", () => {
  test("signing opens only the signing tranche, due 15 working days later, audited and notified", async () => {
    const { staff, member, project } = await signedProject();
    const signedAt = new Date("2026-03-02T02:00:00Z");
    await markSigned(project.id, signedAt);
    await prisma.$transaction((tx) =>
      meetTrancheGates(tx, {
        projectId: project.id,
        trigger: "SIGNING",
        at: signedAt,
        actor: { id: staff.id, role: "ADMIN" },
        reason: "双方签订协议",
      }),
    );
    const tranches = await tranchesOf(project.id);
    expect(tranches.map((t) => t.status)).toEqual(["PAYABLE", "PLANNED", "PLANNED"]);
    expect(tranches[0]!.dueAt).toEqual(trancheDueAt(signedAt));
    expect(tranches.reduce((s, t) => s + t.amountFen, 0)).toBe(8_000_001);
    const audits = await prisma.auditEvent.count({ where: { entityId: { in: [project.id] } } });
    expect(audits).toBeGreaterThan(0);
    expect(await prisma.auditEvent.count({ where: { action: "grant_tranche.transition", toState: "PAYABLE" } })).toBe(
      1,
    );
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: staff.id } })).toBe(1);
  });

  test("a mid-term pass sets midtermPassedAt once and opens the mid-term tranche", async () => {
    const { project } = await signedProject();
    await markSigned(project.id, new Date("2026-03-02T02:00:00Z"));
    const passed = new Date("2026-09-10T02:00:00Z");
    const run = (at: Date) =>
      prisma.$transaction((tx) =>
        meetTrancheGates(tx, {
          projectId: project.id,
          trigger: "MIDTERM_PASS",
          at,
          actor: { id: null, role: "SYSTEM" },
          reason: "中期评估合格",
        }),
      );
    await run(passed);
    const again = await run(new Date("2026-10-01T02:00:00Z"));
    expect(again.opened).toEqual([]);
    expect(again.metAt).toEqual(passed);
    const row = await prisma.grantProject.findUniqueOrThrow({
      where: { id: project.id },
      select: { midtermPassedAt: true, finalPassedAt: true },
    });
    expect(row).toEqual({ midtermPassedAt: passed, finalPassedAt: null });
    expect((await tranchesOf(project.id)).map((t) => t.status)).toEqual(["PLANNED", "PAYABLE", "PLANNED"]);
  });

  test("staff must give a reason, and a terminated project opens nothing", async () => {
    const { staff, project } = await signedProject();
    const input = {
      projectId: project.id,
      trigger: "FINAL_EVALUATION" as const,
      at: new Date(),
      actor: { id: staff.id, role: "ADMIN" as const },
    };
    await expect(prisma.$transaction((tx) => meetTrancheGates(tx, { ...input, reason: "  " }))).rejects.toThrow(
      "必须填写理由",
    );
    await prisma.grantProject.update({ where: { id: project.id }, data: { status: "TERMINATED" } });
    await expect(prisma.$transaction((tx) => meetTrancheGates(tx, { ...input, reason: "人工登记" }))).rejects.toThrow(
      "不能再登记拨付条件",
    );
    expect((await tranchesOf(project.id)).every((t) => t.status === "PLANNED")).toBe(true);
  });
});
