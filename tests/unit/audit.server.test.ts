import { describe, expect, test } from "vitest";
import { recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { createTestUser } from "./helpers/users";

function requestFrom(ip: string, extra: Record<string, string> = {}) {
  return new Request("http://localhost/admin/orgs/1", {
    method: "POST",
    headers: { "x-yimiao-client-ip": ip, ...extra },
  });
}

describe("recordAudit", () => {
  test("a committed transaction writes actor, action, states, reason and IP", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const org = await prisma.organization.create({ data: { name: "阳光社工服务中心", type: "SOCIAL_SERVICE" } });

    await prisma.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: org.id }, data: { status: "REGISTERED" } });
      await recordAudit(tx, {
        actorId: admin.id,
        action: "registration.transition",
        entityType: "Organization",
        entityId: org.id,
        fromState: "PREPARING",
        toState: "REGISTERED",
        reason: "  材料齐全，准予登记  ",
        // The spoofable forwarding header must not be what gets recorded.
        request: requestFrom("198.51.100.23", { "x-forwarded-for": "10.6.6.6" }),
      });
    });

    const events = await prisma.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      action: "registration.transition",
      entityType: "Organization",
      entityId: org.id,
      fromState: "PREPARING",
      toState: "REGISTERED",
      reason: "材料齐全，准予登记",
      ip: "198.51.100.23",
    });
    expect(events[0].createdAt).toBeInstanceOf(Date);
  });

  test("a transaction that throws afterwards leaves neither the event nor the change", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const org = await prisma.organization.create({ data: { name: "夕阳红志愿者协会", type: "SOCIAL_GROUP" } });

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: org.id }, data: { status: "REVOKED" } });
        await recordAudit(tx, {
          actorId: admin.id,
          action: "organization.revoke",
          entityType: "Organization",
          entityId: org.id,
          fromState: "PREPARING",
          toState: "REVOKED",
          request: requestFrom("198.51.100.23"),
        });
        // The event is visible inside the transaction…
        expect(await tx.auditEvent.count()).toBe(1);
        throw new Error("后续步骤失败");
      }),
    ).rejects.toThrow("后续步骤失败");

    // …and gone with it after the rollback.
    expect(await prisma.auditEvent.count()).toBe(0);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("PREPARING");
  });

  test("optional fields are stored as null: system actor, no request, blank reason", async () => {
    await prisma.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: "system.cleanup",
        entityType: "Session",
        entityId: "all",
        reason: "   ",
      }),
    );
    const event = await prisma.auditEvent.findFirstOrThrow();
    expect(event).toMatchObject({ actorId: null, fromState: null, toState: null, reason: null, ip: null });
  });

  test("a request without the server's IP header records no IP", async () => {
    const request = new Request("http://localhost/", { headers: { "x-forwarded-for": "10.6.6.6" } });
    await prisma.$transaction((tx) =>
      recordAudit(tx, { actorId: null, action: "x.y", entityType: "User", entityId: "u1", request }),
    );
    expect((await prisma.auditEvent.findFirstOrThrow()).ip).toBeNull();
  });
});
