import { describe, expect, test, vi } from "vitest";
import { prisma } from "~/utils/db.server";
import { createTestUser } from "../../../tests/unit/helpers/users";
import { defineWorkflow, WorkflowError } from "./state-machine";
import { runBulkTransition } from "./transition.server";

// A table of its own, so the test does not follow any area's rules.
const workflow = defineWorkflow<"PREPARING" | "REGISTERED" | "REVOKED">({
  name: "bulk_test",
  stateLabels: { PREPARING: "筹备中", REGISTERED: "已登记", REVOKED: "已撤销" },
  transitions: [
    { from: "PREPARING", to: "REVOKED", by: ["ADMIN", "SYSTEM"], label: "撤销筹备" },
    { from: "REGISTERED", to: "REVOKED", by: ["ADMIN"], label: "撤销登记", requiresReason: true },
  ],
});

async function organizations(...statuses: string[]) {
  return Promise.all(
    statuses.map((status, i) =>
      prisma.organization.create({
        data: { name: `批量测试机构${i}`, type: "SOCIAL_SERVICE", status },
        select: { id: true, status: true },
      }),
    ),
  );
}

function revoke(
  orgs: { id: string; status: string }[],
  options: { role?: "ADMIN" | "ORG_MEMBER" | "SYSTEM"; actorId?: string | null; reason?: string; request?: Request },
) {
  return prisma.$transaction((tx) =>
    runBulkTransition(tx, {
      workflow,
      entityType: "Organization",
      entities: orgs.map((o) => ({ id: o.id, from: o.status as "PREPARING" | "REGISTERED" })),
      to: "REVOKED",
      actor: { id: options.actorId ?? null, role: options.role ?? "ADMIN" },
      reason: options.reason,
      request: options.request,
      apply: async (from, ids) =>
        (await tx.organization.updateMany({ where: { id: { in: ids }, status: from }, data: { status: "REVOKED" } }))
          .count,
    }),
  );
}

async function statusesOf(orgs: { id: string }[]) {
  const rows = await prisma.organization.findMany({
    where: { id: { in: orgs.map((o) => o.id) } },
    select: { status: true },
  });
  return rows.map((r) => r.status);
}

describe("runBulkTransition", () => {
  test("moves every record and writes one audit event each, with its own starting state", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const orgs = await organizations("PREPARING", "PREPARING", "REGISTERED");
    const request = new Request("http://localhost/admin", { headers: { "x-yimiao-client-ip": "198.51.100.7" } });

    const moved = await revoke(orgs, { actorId: admin.id, reason: "  长期未开展活动  ", request });

    expect(moved).toBe(3);
    expect(await statusesOf(orgs)).toEqual(["REVOKED", "REVOKED", "REVOKED"]);
    const events = await prisma.auditEvent.findMany({
      where: { entityType: "Organization", entityId: { in: orgs.map((o) => o.id) } },
      select: { actorId: true, action: true, entityId: true, fromState: true, toState: true, reason: true, ip: true },
    });
    expect(events).toHaveLength(3);
    for (const org of orgs) {
      expect(events.find((e) => e.entityId === org.id)).toEqual({
        actorId: admin.id,
        action: "bulk_test.transition",
        entityId: org.id,
        fromState: org.status,
        toState: "REVOKED",
        reason: "长期未开展活动",
        ip: "198.51.100.7",
      });
    }
  });

  test("without a reason each event carries its transition's label", async () => {
    const orgs = await organizations("PREPARING");
    await revoke(orgs, { role: "SYSTEM" });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: orgs[0]!.id },
      select: { actorId: true, reason: true, ip: true },
    });
    expect(event).toEqual({ actorId: null, reason: "撤销筹备", ip: null });
  });

  test("a record that changed meanwhile refuses the whole move with a 409", async () => {
    const orgs = await organizations("PREPARING", "PREPARING");
    // Read as PREPARING, but someone registered it before the move.
    await prisma.organization.update({ where: { id: orgs[1]!.id }, data: { status: "REGISTERED" } });

    const refused = await revoke(orgs, {}).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(WorkflowError);
    expect((refused as WorkflowError).status).toBe(409);
    expect(await statusesOf(orgs)).toEqual(expect.arrayContaining(["PREPARING", "REGISTERED"]));
    expect(await prisma.auditEvent.count({ where: { entityId: { in: orgs.map((o) => o.id) } } })).toBe(0);
  });

  test("checks the table before writing: who may, and the reason", async () => {
    const orgs = await organizations("PREPARING", "REGISTERED");
    const apply = vi.fn();

    const notAllowed = await prisma
      .$transaction((tx) =>
        runBulkTransition(tx, {
          workflow,
          entityType: "Organization",
          entities: [{ id: orgs[0]!.id, from: "PREPARING" }],
          to: "REVOKED",
          actor: { id: null, role: "ORG_MEMBER" },
          apply,
        }),
      )
      .catch((e: unknown) => e);
    expect(notAllowed).toMatchObject({ status: 403, message: "您不能执行「撤销筹备」" });

    const noReason = await revoke(orgs, { role: "ADMIN" }).catch((e: unknown) => e);
    expect(noReason).toMatchObject({ status: 400, message: "「撤销登记」必须填写理由" });

    expect(apply).not.toHaveBeenCalled();
    expect(await statusesOf(orgs)).toEqual(expect.arrayContaining(["PREPARING", "REGISTERED"]));
  });

  test("nothing to move writes nothing", async () => {
    const before = await prisma.auditEvent.count();
    expect(await revoke([], {})).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
