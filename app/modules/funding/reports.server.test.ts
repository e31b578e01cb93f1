import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { createProjectInDelivery } from "../../../tests/e2e/funding-delivery-helpers";
import { createTestUser } from "../../../tests/unit/helpers/users";
import { scheduleReports } from "./reports.server";

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
  return createProjectInDelivery({ adminId: admin.id, organizationId: org.id, userId: member.id });
}

describe("scheduleReports", () => {
  test("writes one report per period at countersign", async () => {
    const project = await setup();
    expect(project.reports.map((r) => r.sequence)).toEqual([1, 2, 3, 4]);
    expect(project.reports.every((r) => r.status === "SCHEDULED")).toBe(true);
  });

  test("after an extension, re-dates reports nobody started and keeps filed ones", async () => {
    const project = await setup();
    const first = project.reports[0]!;
    await prisma.grantProgressReport.update({ where: { id: first.id }, data: { status: "ACCEPTED" } });
    const p = await prisma.grantProject.findUniqueOrThrow({ where: { id: project.id }, select: { endsOn: true } });
    await prisma.grantProject.update({
      where: { id: project.id },
      data: { endsOn: new Date(p.endsOn.getTime() + 180 * 86_400_000) },
    });
    expect(await prisma.$transaction((tx) => scheduleReports(tx, project.id))).toBe(6);
    const after = await prisma.grantProgressReport.findMany({
      where: { projectId: project.id },
      orderBy: { sequence: "asc" },
      select: { sequence: true, status: true, dueAt: true },
    });
    expect(after.map((r) => r.status)).toEqual(["ACCEPTED", ...Array(5).fill("SCHEDULED")]);
    expect(after[0]!.dueAt).toEqual(first.dueAt);
  });
});
