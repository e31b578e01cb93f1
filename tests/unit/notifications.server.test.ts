import { describe, expect, test } from "vitest";
import {
  countUnread,
  notifyAdmins,
  notifyOrganization,
  notifyUsers,
} from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import { createTestUser } from "./helpers/users";

describe("notifyUsers", () => {
  test("creates one notification per distinct user", async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    await prisma.$transaction((tx) =>
      notifyUsers(tx, {
        userIds: [a.id, b.id, a.id, a.id],
        title: "材料已退回",
        body: "请补充章程",
        link: "/org/registration",
      }),
    );
    const rows = await prisma.notification.findMany({ orderBy: { userId: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
    expect(rows[0]).toMatchObject({ title: "材料已退回", body: "请补充章程", link: "/org/registration", readAt: null });
  });

  test("optional body and link are stored as null; an empty list does nothing", async () => {
    const a = await createTestUser();
    await prisma.$transaction(async (tx) => {
      await notifyUsers(tx, { userIds: [], title: "无人" });
      await notifyUsers(tx, { userIds: [a.id], title: "仅标题" });
    });
    const rows = await prisma.notification.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: a.id, title: "仅标题", body: null, link: null });
  });

  test("rolls back with the caller's transaction", async () => {
    const a = await createTestUser();
    await expect(
      prisma.$transaction(async (tx) => {
        await notifyUsers(tx, { userIds: [a.id], title: "不会送达" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await prisma.notification.count()).toBe(0);
  });
});

describe("notifyOrganization", () => {
  test("reaches every member of that organization and nobody else", async () => {
    const owner = await createTestUser();
    const member1 = await createTestUser();
    const member2 = await createTestUser();
    const outsider = await createTestUser();
    const org = await prisma.organization.create({
      data: {
        name: "向日葵社区服务社",
        type: "COMMUNITY",
        memberships: {
          create: [{ userId: owner.id, role: "OWNER" }, { userId: member1.id }, { userId: member2.id }],
        },
      },
    });
    await prisma.organization.create({
      data: {
        name: "另一家机构",
        type: "SOCIAL_GROUP",
        memberships: { create: { userId: outsider.id, role: "OWNER" } },
      },
    });

    await prisma.$transaction((tx) => notifyOrganization(tx, org.id, { title: "登记已核准", link: "/org" }));

    const rows = await prisma.notification.findMany();
    expect(rows.map((r) => r.userId).sort()).toEqual([owner.id, member1.id, member2.id].sort());
    expect(rows.every((r) => r.title === "登记已核准" && r.link === "/org")).toBe(true);
  });

  test("an organization without members notifies nobody", async () => {
    const org = await prisma.organization.create({ data: { name: "空机构", type: "FOUNDATION" } });
    await prisma.$transaction((tx) => notifyOrganization(tx, org.id, { title: "x" }));
    expect(await prisma.notification.count()).toBe(0);
  });
});

describe("notifyAdmins", () => {
  test("reaches active administrators only", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    await createTestUser({ role: "ADMIN", status: "DISABLED" });
    await createTestUser({ role: "REVIEWER" });
    await prisma.$transaction((tx) => notifyAdmins(tx, { title: "新的登记申请待审核" }));
    const rows = await prisma.notification.findMany();
    expect(rows.map((r) => r.userId)).toEqual([admin.id]);
  });
});

describe("countUnread", () => {
  test("counts only that user's unread notifications", async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    expect(await countUnread(a.id)).toBe(0);
    await prisma.$transaction(async (tx) => {
      await notifyUsers(tx, { userIds: [a.id, b.id], title: "一" });
      await notifyUsers(tx, { userIds: [a.id], title: "二" });
      await notifyUsers(tx, { userIds: [a.id], title: "三" });
    });
    expect(await countUnread(a.id)).toBe(3);
    expect(await countUnread(b.id)).toBe(1);

    await prisma.notification.updateMany({ where: { userId: a.id, title: "二" }, data: { readAt: new Date() } });
    expect(await countUnread(a.id)).toBe(2);
    expect(await countUnread(b.id)).toBe(1);
  });
});
