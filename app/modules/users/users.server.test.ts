import bcrypt from "bcryptjs";
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import {
  createPasswordResetLink,
  createReviewer,
  disableUser,
  enableUser,
  listUsers,
  searchOrganizations,
  unlockUser,
} from "./users.server";

async function makeUser(role: string, extra: { email?: string; name?: string; lockedUntil?: Date } = {}) {
  return prisma.user.create({
    data: {
      email: extra.email ?? `${role.toLowerCase()}-${Math.random()}@example.com`,
      name: extra.name ?? "测试",
      role,
      lockedUntil: extra.lockedUntil,
    },
    select: { id: true },
  });
}

async function makeOrg(name: string) {
  return prisma.organization.create({ data: { name, type: "SOCIAL_SERVICE" }, select: { id: true } });
}

const reviewerInput = (organizationIds: string[] = []) => ({
  name: "张评审",
  email: "zhang@example.com",
  phone: "13912345678",
  password: "Reviewer123",
  title: "副教授",
  employer: "市社会工作学院",
  expertiseTags: ["为老", "财务"],
  organizationIds,
});

describe("createReviewer", () => {
  test("creates the account, profile, affiliations, audit event and welcome notice together", async () => {
    const admin = await makeUser("ADMIN");
    const orgA = await makeOrg("甲社工中心");
    const orgB = await makeOrg("乙基金会");
    const result = await createReviewer(reviewerInput([orgA.id, orgB.id, orgA.id]), { actorId: admin.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const user = await prisma.user.findUniqueOrThrow({
      where: { id: result.userId },
      select: {
        role: true,
        status: true,
        password: { select: { hash: true } },
        reviewerProfile: { select: { expertiseTags: true, title: true, employer: true } },
        affiliations: { select: { organizationId: true } },
      },
    });
    expect(user.role).toBe("REVIEWER");
    expect(user.status).toBe("ACTIVE");
    expect(await bcrypt.compare("Reviewer123", user.password!.hash)).toBe(true);
    expect(JSON.parse(user.reviewerProfile!.expertiseTags)).toEqual(["为老", "财务"]);
    expect(user.reviewerProfile).toMatchObject({ title: "副教授", employer: "市社会工作学院" });
    expect(user.affiliations.map((a) => a.organizationId).sort()).toEqual([orgA.id, orgB.id].sort());

    const events = await prisma.auditEvent.findMany({
      where: { entityType: "User", entityId: result.userId },
      select: { action: true, actorId: true, toState: true },
    });
    expect(events).toEqual([{ action: "user.create_reviewer", actorId: admin.id, toState: "ACTIVE" }]);
    expect(await prisma.notification.count({ where: { userId: result.userId } })).toBe(1);
  });

  test("a taken email is a field error and nothing is written", async () => {
    const admin = await makeUser("ADMIN");
    await makeUser("ORG_MEMBER", { email: "zhang@example.com" });
    const result = await createReviewer(reviewerInput(), { actorId: admin.id });
    expect(result).toEqual({ ok: false, fieldErrors: { email: ["该邮箱已被使用"] } });
    expect(await prisma.user.count()).toBe(2);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  test("an unknown organization id is refused and nothing is written", async () => {
    const admin = await makeUser("ADMIN");
    const org = await makeOrg("甲社工中心");
    const result = await createReviewer(reviewerInput([org.id, "no-such-org"]), { actorId: admin.id });
    expect(result).toMatchObject({ ok: false, fieldErrors: { organizationIds: [expect.any(String)] } });
    expect(await prisma.user.count({ where: { role: "REVIEWER" } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
  });
});

describe("disableUser / enableUser", () => {
  test("disabling ends the user's sessions and is audited with the reason", async () => {
    const admin = await makeUser("ADMIN");
    const member = await makeUser("ORG_MEMBER");
    await prisma.session.create({ data: { userId: member.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    await prisma.session.create({ data: { userId: admin.id, expiresAt: new Date(Date.now() + 86_400_000) } });

    expect(await disableUser({ userId: member.id, reason: "机构已注销" }, { actorId: admin.id })).toEqual({ ok: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { status: true } })).toEqual({
      status: "DISABLED",
    });
    expect(await prisma.session.count({ where: { userId: member.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: member.id },
      select: { action: true, fromState: true, toState: true, reason: true, actorId: true },
    });
    expect(event).toEqual({
      action: "user.disable",
      fromState: "ACTIVE",
      toState: "DISABLED",
      reason: "机构已注销",
      actorId: admin.id,
    });
  });

  test("an admin cannot disable themselves", async () => {
    const admin = await makeUser("ADMIN");
    expect(await disableUser({ userId: admin.id, reason: "测试" }, { actorId: admin.id })).toEqual({
      ok: false,
      formErrors: ["不能停用自己的账号"],
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { status: true } })).toEqual({
      status: "ACTIVE",
    });
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  test("disabling twice records one event", async () => {
    const admin = await makeUser("ADMIN");
    const member = await makeUser("ORG_MEMBER");
    await disableUser({ userId: member.id, reason: "第一次" }, { actorId: admin.id });
    expect((await disableUser({ userId: member.id, reason: "第二次" }, { actorId: admin.id })).ok).toBe(false);
    expect(await prisma.auditEvent.count({ where: { action: "user.disable" } })).toBe(1);
  });

  test("enabling clears a lock, notifies the user and is audited", async () => {
    const admin = await makeUser("ADMIN");
    const member = await makeUser("ORG_MEMBER", { lockedUntil: new Date(Date.now() + 600_000) });
    await disableUser({ userId: member.id, reason: "误操作" }, { actorId: admin.id });
    expect(await enableUser({ userId: member.id, reason: "核实后恢复" }, { actorId: admin.id })).toEqual({ ok: true });
    expect(
      await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { status: true, lockedUntil: true } }),
    ).toEqual({ status: "ACTIVE", lockedUntil: null });
    expect(
      await prisma.auditEvent.findFirstOrThrow({
        where: { action: "user.enable" },
        select: { fromState: true, toState: true, reason: true },
      }),
    ).toEqual({ fromState: "DISABLED", toState: "ACTIVE", reason: "核实后恢复" });
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(1);
    expect((await enableUser({ userId: member.id }, { actorId: admin.id })).ok).toBe(false);
  });
});

describe("unlockUser", () => {
  test("lifts a current lock and audits it; an unlocked account is refused", async () => {
    const admin = await makeUser("ADMIN");
    const locked = await makeUser("REVIEWER", { lockedUntil: new Date(Date.now() + 600_000) });
    expect(await unlockUser({ userId: locked.id }, { actorId: admin.id })).toEqual({ ok: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: locked.id }, select: { lockedUntil: true } })).toEqual({
      lockedUntil: null,
    });
    expect(await prisma.auditEvent.count({ where: { action: "user.unlock", entityId: locked.id } })).toBe(1);
    expect(await unlockUser({ userId: locked.id }, { actorId: admin.id })).toEqual({
      ok: false,
      formErrors: ["该账号当前未被锁定"],
    });
  });

  test("an expired lock does not count as locked", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("REVIEWER", { lockedUntil: new Date(Date.now() - 1000) });
    expect((await unlockUser({ userId: user.id }, { actorId: admin.id })).ok).toBe(false);
  });
});

test("createPasswordResetLink stores only a hash of the token and audits the issue", async () => {
  const admin = await makeUser("ADMIN");
  const user = await makeUser("ORG_MEMBER");
  const token = await createPasswordResetLink({ userId: user.id }, { actorId: admin.id });
  expect(token.length).toBeGreaterThan(20);
  const rows = await prisma.passwordResetToken.findMany({ where: { userId: user.id }, select: { tokenHash: true } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.tokenHash).not.toContain(token);
  expect(await prisma.auditEvent.count({ where: { action: "user.password_reset_link", entityId: user.id } })).toBe(1);
});

describe("listUsers", () => {
  test("filters by role, status, lock and search text, newest first, with memberships", async () => {
    const org = await makeOrg("阳光社工中心");
    const older = await prisma.user.create({
      data: {
        email: "chen@example.com",
        name: "陈晓",
        role: "ORG_MEMBER",
        createdAt: new Date("2026-01-01T00:00:00Z"),
        memberships: { create: { organizationId: org.id } },
      },
      select: { id: true },
    });
    const newer = await prisma.user.create({
      data: { email: "li@example.com", name: "李建国", role: "REVIEWER", createdAt: new Date("2026-02-01T00:00:00Z") },
      select: { id: true },
    });
    const locked = await prisma.user.create({
      data: {
        email: "wang@example.com",
        name: "王敏",
        role: "ADMIN",
        status: "DISABLED",
        lockedUntil: new Date(Date.now() + 600_000),
        createdAt: new Date("2025-12-01T00:00:00Z"),
      },
      select: { id: true },
    });
    const base = { role: "", status: "", q: "" };

    const all = await listUsers(base, 1);
    expect(all.total).toBe(3);
    expect(all.users.map((u) => u.id)).toEqual([newer.id, older.id, locked.id]);
    expect(all.users[1]!.memberships).toEqual([{ organization: { id: org.id, name: "阳光社工中心" } }]);

    expect((await listUsers({ ...base, role: "REVIEWER" }, 1)).users.map((u) => u.id)).toEqual([newer.id]);
    expect((await listUsers({ ...base, status: "DISABLED" }, 1)).users.map((u) => u.id)).toEqual([locked.id]);
    expect((await listUsers({ ...base, status: "LOCKED" }, 1)).users.map((u) => u.id)).toEqual([locked.id]);
    expect((await listUsers({ ...base, q: "建国" }, 1)).users.map((u) => u.id)).toEqual([newer.id]);
    expect((await listUsers({ ...base, q: "CHEN@" }, 1)).users.map((u) => u.id)).toEqual([older.id]);
    expect((await listUsers(base, 2)).users).toEqual([]);
  });
});

test("searchOrganizations matches part of a name and caps the results", async () => {
  await prisma.organization.createMany({
    data: Array.from({ length: 25 }, (_, i) => ({
      name: `星火社工站${String(i).padStart(2, "0")}`,
      type: "COMMUNITY",
    })),
  });
  await makeOrg("阳光基金会");
  const results = await searchOrganizations("社工站");
  expect(results).toHaveLength(20);
  expect(results[0]!.name).toBe("星火社工站00");
  expect((await searchOrganizations("阳光")).map((o) => o.name)).toEqual(["阳光基金会"]);
  expect(await searchOrganizations("   ")).toEqual([]);
});
