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
