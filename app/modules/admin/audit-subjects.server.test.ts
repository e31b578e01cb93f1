import { expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { withAuditSubjects } from "./audit-subjects.server";

test("audit events name their objects as people call them, with a staff link", async () => {
  const user = await prisma.user.create({
    data: { email: "li@example.com", name: "李华", role: "ADMIN" },
    select: { id: true },
  });
  const org = await prisma.organization.create({
    data: { name: "阳光社区服务中心", type: "SOCIAL_SERVICE", status: "REGISTERED" },
    select: { id: true },
  });
  const events = [
    { entityType: "User", entityId: user.id },
    { entityType: "Organization", entityId: org.id },
    { entityType: "Organization", entityId: "gone" },
    { entityType: "SomethingNew", entityId: "x1" },
  ];
  const named = await withAuditSubjects(events);
  expect(named.map((e) => e.subject)).toEqual([
    { name: "李华（li@example.com）", href: `/admin/users/${user.id}` },
    { name: "阳光社区服务中心", href: `/admin/organizations/${org.id}` },
    null,
    null,
  ]);
});

test("objects of several types are named together, whatever the type of the first one's columns", async () => {
  const org = await prisma.organization.create({
    data: { name: "春晖医疗救助工作室", type: "SOCIAL_SERVICE", status: "REGISTERED" },
    select: { id: true },
  });
  const now = new Date("2026-03-01T00:00:00Z");
  const round = await prisma.inspectionRound.create({
    data: { year: 2025, deadline: now, foundationDeadline: now, openedAt: now },
    select: { id: true },
  });
  const report = await prisma.inspectionReport.create({
    data: { roundId: round.id, organizationId: org.id, year: 2025 },
    select: { id: true },
  });
  const named = await withAuditSubjects([
    { entityType: "InspectionReport", entityId: report.id },
    { entityType: "InspectionRound", entityId: round.id },
    { entityType: "Organization", entityId: org.id },
  ]);
  expect(named.map((e) => e.subject)).toEqual([
    { name: "春晖医疗救助工作室 2025年度报告", href: `/admin/inspection/reports/${report.id}` },
    { name: "2025年度年检", href: "/admin/inspection/2025" },
    { name: "春晖医疗救助工作室", href: `/admin/organizations/${org.id}` },
  ]);
});
