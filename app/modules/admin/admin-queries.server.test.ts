import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { parseAuditFilters } from "./audit-filters";
import { listAuditEvents } from "./audit-log.server";
import { getAdminOverview } from "./overview.server";

async function seedEvents() {
  const admin = await prisma.user.create({
    data: { email: "wang@example.com", name: "王敏", role: "ADMIN" },
    select: { id: true },
  });
  const other = await prisma.user.create({
    data: { email: "zhao@example.com", name: "赵强", role: "ADMIN" },
    select: { id: true },
  });
  const events = [
    // 2026-05-01 23:30 in Shanghai
    {
      actorId: admin.id,
      action: "user.disable",
      entityType: "User",
      entityId: "u1",
      createdAt: new Date("2026-05-01T15:30:00Z"),
    },
    // 2026-05-02 00:30 in Shanghai
    {
      actorId: other.id,
      action: "user.enable",
      entityType: "User",
      entityId: "u1",
      createdAt: new Date("2026-05-01T16:30:00Z"),
    },
    {
      actorId: null,
      action: "user.lock",
      entityType: "User",
      entityId: "u2",
      createdAt: new Date("2026-05-03T02:00:00Z"),
    },
    {
      actorId: admin.id,
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: "a1",
      createdAt: new Date("2026-05-04T02:00:00Z"),
    },
  ];
  await prisma.auditEvent.createMany({ data: events });
  return { admin, other };
}

const list = (query: string) =>
  listAuditEvents(parseAuditFilters(new URLSearchParams(query)), 1).then((r) =>
    r.events.map((e) => `${e.action}:${e.entityId}`),
  );

describe("listAuditEvents", () => {
  test("newest first, with the actor's name", async () => {
    await seedEvents();
    const { events, total } = await listAuditEvents(parseAuditFilters(new URLSearchParams()), 1);
    expect(total).toBe(4);
    expect(events.map((e) => e.action)).toEqual(["attachment.upload", "user.lock", "user.enable", "user.disable"]);
    expect(events[0]!.actor?.name).toBe("王敏");
    expect(events[1]!.actor).toBeNull();
  });

  test("filters by action, entity and actor", async () => {
    await seedEvents();
    expect(await list("action=user.lock")).toEqual(["user.lock:u2"]);
    expect(await list("entityType=Attachment")).toEqual(["attachment.upload:a1"]);
    expect(await list("entityId=u1")).toEqual(["user.enable:u1", "user.disable:u1"]);
    expect(await list("actor=赵")).toEqual(["user.enable:u1"]);
    expect(await list("actor=WANG@example")).toEqual(["attachment.upload:a1", "user.disable:u1"]);
    expect(await list("actor=系统")).toEqual(["user.lock:u2"]);
    expect(await list("actor=nobody")).toEqual([]);
  });

  test("date bounds follow the Shanghai calendar", async () => {
    await seedEvents();
    expect(await list("from=2026-05-01&to=2026-05-01")).toEqual(["user.disable:u1"]);
    expect(await list("from=2026-05-02&to=2026-05-03")).toEqual(["user.lock:u2", "user.enable:u1"]);
    expect(await list("from=2026-05-04")).toEqual(["attachment.upload:a1"]);
  });
});

test("getAdminOverview counts from the database", async () => {
  const now = new Date("2026-05-10T00:00:00Z");
  await prisma.organization.createMany({
    data: [
      { name: "甲", type: "SOCIAL_SERVICE", status: "REGISTERED" },
      { name: "乙", type: "SOCIAL_GROUP", status: "REGISTERED" },
      { name: "丙", type: "FOUNDATION", status: "PREPARING" },
    ],
  });
  await prisma.user.createMany({
    data: [
      { email: "a@example.com", name: "甲", role: "ADMIN" },
      { email: "r@example.com", name: "乙", role: "REVIEWER", lockedUntil: new Date("2026-05-10T00:10:00Z") },
      {
        email: "m@example.com",
        name: "丙",
        role: "ORG_MEMBER",
        status: "DISABLED",
        lockedUntil: new Date("2026-05-09T00:00:00Z"),
      },
    ],
  });
  await prisma.auditEvent.createMany({
    data: [
      { action: "user.lock", entityType: "User", entityId: "x", createdAt: new Date("2026-05-09T00:00:00Z") },
      { action: "user.lock", entityType: "User", entityId: "y", createdAt: new Date("2026-05-01T00:00:00Z") },
    ],
  });
  const overview = await getAdminOverview(now);
  expect(overview.organizationTotal).toBe(3);
  expect(overview.organizationsByStatus).toEqual([
    { status: "PREPARING", count: 1 },
    { status: "REGISTERED", count: 2 },
    { status: "DEREGISTERED", count: 0 },
    { status: "REVOKED", count: 0 },
  ]);
  expect(overview.usersByRole).toEqual([
    { role: "ADMIN", count: 1 },
    { role: "REVIEWER", count: 1 },
    { role: "ORG_MEMBER", count: 1 },
  ]);
  expect(overview.lockedCount).toBe(1);
  expect(overview.disabledCount).toBe(1);
  expect(overview.weekEventCount).toBe(1);
  expect(overview.recentEvents.map((e) => e.entityId)).toEqual(["x", "y"]);
});
