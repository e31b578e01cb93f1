import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { gradeValidity } from "./grade";
import { refreshCurrentGrades, recomputeCurrentGrade } from "./grade.server";
import {
  addCreditRecord,
  changeOrganizationStatus,
  endAbnormalListing,
  recordChange,
  recordGrade,
} from "./registry.server";

const sh = (day: string) => new Date(`${day}T00:00:00+08:00`);

let adminId: string;
let memberId: string;

async function createOrg(name: string, status = "REGISTERED") {
  return prisma.organization.create({
    data: {
      name,
      type: "SOCIAL_GROUP",
      status,
      registeredAt: status === "PREPARING" ? null : sh("2018-05-01"),
      address: "旧住所1号",
      purpose: "宗旨",
      scope: "范围",
      area: "江宁区",
      areaCode: "320115",
      legalRepresentative: "张三",
      capitalFen: 3_000_000n,
      memberships: { create: { userId: memberId, role: "OWNER" } },
    },
    select: { id: true, name: true },
  });
}

beforeEach(async () => {
  adminId = (
    await prisma.user.create({ data: { email: "a@test.local", name: "管理员", role: "ADMIN" }, select: { id: true } })
  ).id;
  memberId = (
    await prisma.user.create({
      data: { email: "m@test.local", name: "成员", role: "ORG_MEMBER" },
      select: { id: true },
    })
  ).id;
});

describe("grades", () => {
  test("recording a grade sets currentGrade only once it is in force; expired grades never count", async () => {
    const org = await createOrg("评级测试协会");
    const ctx = { actorId: adminId };
    // Announced 2019 → valid 2020–2024: expired by mid-2026.
    const old = await recordGrade(
      { organizationId: org.id, grade: 4, announcedAt: sh("2019-12-01"), note: null },
      ctx,
      sh("2026-06-01"),
    );
    expect(old).toEqual({ ok: true, currentGrade: null });
    // Announced 2025 → valid 2026–2030: in force in 2026.
    const current = await recordGrade(
      { organizationId: org.id, grade: 3, announcedAt: sh("2025-11-20"), note: null },
      ctx,
      sh("2026-06-01"),
    );
    expect(current).toEqual({ ok: true, currentGrade: 3 });
    // Re-rated in 2026: takes effect on 1 January 2027, so 3A stays for now.
    const next = await recordGrade(
      { organizationId: org.id, grade: 5, announcedAt: sh("2026-05-20"), note: null },
      ctx,
      sh("2026-06-01"),
    );
    expect(next).toEqual({ ok: true, currentGrade: 3 });

    const row = await prisma.organizationGrade.findFirstOrThrow({
      where: { organizationId: org.id, grade: 5 },
      select: { validFrom: true, validTo: true },
    });
    expect(row).toEqual(gradeValidity(sh("2026-05-20")));
    expect(await prisma.auditEvent.count({ where: { action: "grade.record", actorId: adminId } })).toBe(3);
    expect(await prisma.notification.count({ where: { userId: memberId } })).toBe(3);

    await prisma.$transaction((tx) => recomputeCurrentGrade(tx, org.id, sh("2027-01-01")));
    expect(
      (await prisma.organization.findUniqueOrThrow({ where: { id: org.id }, select: { currentGrade: true } }))
        .currentGrade,
    ).toBe(5);
  });

  test("refreshCurrentGrades brings every copy up to date with the calendar", async () => {
    const a = await createOrg("刷新测试甲");
    const b = await createOrg("刷新测试乙");
    const c = await createOrg("刷新测试丙");
    await prisma.organizationGrade.createMany({
      data: [
        { organizationId: a.id, grade: 2, announcedAt: sh("2020-12-01"), ...gradeValidity(sh("2020-12-01")) },
        { organizationId: b.id, grade: 4, announcedAt: sh("2025-12-01"), ...gradeValidity(sh("2025-12-01")) },
      ],
    });
    await prisma.organization.updateMany({ where: { id: a.id }, data: { currentGrade: 2 } });
    await prisma.organization.updateMany({ where: { id: c.id }, data: { currentGrade: null } });

    // On 1 January 2026 a's 2A (valid 2021–2025) has expired and b's 4A takes effect; c has no grade rows.
    expect(await refreshCurrentGrades(sh("2026-01-01"))).toBe(2);
    const grades = async () =>
      Object.fromEntries(
        (
          await prisma.organization.findMany({
            where: { id: { in: [a.id, b.id, c.id] } },
            select: { name: true, currentGrade: true },
          })
        ).map((o) => [o.name, o.currentGrade]),
      );
    expect(await grades()).toEqual({ 刷新测试甲: null, 刷新测试乙: 4, 刷新测试丙: null });
    expect(await refreshCurrentGrades(sh("2026-01-02"))).toBe(0);
    await refreshCurrentGrades(sh("2031-01-01"));
    expect(await grades()).toEqual({ 刷新测试甲: null, 刷新测试乙: null, 刷新测试丙: null });
  });
});

describe("变更, 注销, credit", () => {
  test("a change writes one row per changed field, audits and notifies; names stay unique", async () => {
    const org = await createOrg("变更测试协会");
    await createOrg("已有名称协会");
    const ctx = { actorId: adminId };
    const values = {
      name: org.name,
      address: "旧住所1号",
      purpose: "宗旨",
      scope: "范围",
      area: "江宁区",
      legalRepresentative: "张三",
      capitalFen: 3_000_000n,
      supervisingUnit: null,
    };
    expect(
      await recordChange({ organizationId: org.id, values, effectiveAt: sh("2026-11-01"), reason: "无" }, ctx),
    ).toEqual({
      ok: false,
      formErrors: ["没有修改任何登记事项"],
    });
    expect(
      await recordChange(
        {
          organizationId: org.id,
          values: { ...values, name: "已有名称协会" },
          effectiveAt: sh("2026-11-01"),
          reason: "更名",
        },
        ctx,
      ),
    ).toEqual({ ok: false, fieldErrors: { name: ["已有其他社会组织使用该名称"] } });

    const ok = await recordChange(
      {
        organizationId: org.id,
        values: { ...values, address: "新住所2号", capitalFen: 5_000_000n },
        effectiveAt: sh("2026-11-01"),
        reason: "搬迁并增资",
      },
      ctx,
    );
    expect(ok).toEqual({ ok: true, changed: 2 });
    const rows = await prisma.organizationChange.findMany({
      where: { organizationId: org.id },
      orderBy: { field: "asc" },
      select: { kind: true, field: true, oldValue: true, newValue: true, reason: true },
    });
    expect(rows).toEqual([
      { kind: "CHANGE", field: "address", oldValue: "旧住所1号", newValue: "新住所2号", reason: "搬迁并增资" },
      { kind: "CHANGE", field: "capitalFen", oldValue: "3000000", newValue: "5000000", reason: "搬迁并增资" },
    ]);
    expect(
      await prisma.organization.findUniqueOrThrow({
        where: { id: org.id },
        select: { address: true, capitalFen: true },
      }),
    ).toEqual({
      address: "新住所2号",
      capitalFen: 5_000_000n,
    });
    expect(await prisma.auditEvent.count({ where: { action: "organization.change", entityId: org.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: memberId, title: "登记事项已变更" } })).toBe(1);
  });

  test("注销 goes through the workflow once; a second attempt is refused", async () => {
    const org = await createOrg("注销测试协会");
    const ctx = { actorId: adminId };
    const input = {
      organizationId: org.id,
      to: "DEREGISTERED" as const,
      reason: "会员大会决议解散",
      effectiveAt: sh("2026-11-20"),
    };
    expect(await changeOrganizationStatus({ ...input, reason: " " }, ctx)).toEqual({
      ok: false,
      formErrors: ["「注销登记」必须填写理由"],
    });
    expect(await changeOrganizationStatus(input, ctx)).toEqual({ ok: true });
    expect(await changeOrganizationStatus({ ...input, to: "REVOKED" }, ctx)).toEqual({
      ok: false,
      formErrors: ["当前状态「已注销」不能变为「已撤销」"],
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: org.id, action: "organization.transition" },
      select: { fromState: true, toState: true, reason: true },
    });
    expect(audit).toEqual({ fromState: "REGISTERED", toState: "DEREGISTERED", reason: "会员大会决议解散" });
    expect(await prisma.organizationChange.count({ where: { organizationId: org.id, kind: "DEREGISTER" } })).toBe(1);
  });

  test("an abnormal-list entry can be ended once, not before it began", async () => {
    const org = await createOrg("信用测试协会");
    const ctx = { actorId: adminId };
    await addCreditRecord(
      {
        organizationId: org.id,
        kind: "ABNORMAL_LIST",
        description: "未按规定报送年度报告",
        authority: null,
        decidedAt: sh("2026-03-01"),
      },
      ctx,
    );
    const record = await prisma.creditRecord.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true },
    });
    const end = { organizationId: org.id, recordId: record.id, note: "" };
    expect(await endAbnormalListing({ ...end, endedAt: sh("2026-02-01") }, ctx)).toMatchObject({
      ok: false,
      fieldErrors: { endedAt: [expect.any(String)] },
    });
    expect(await endAbnormalListing({ ...end, endedAt: sh("2026-09-01") }, ctx)).toEqual({ ok: true });
    expect(await endAbnormalListing({ ...end, endedAt: sh("2026-10-01") }, ctx)).toEqual({
      ok: false,
      formErrors: ["该组织已移出活动异常名录"],
    });
    expect(
      await prisma.auditEvent.count({ where: { entityId: record.id, action: { in: ["credit.add", "credit.end"] } } }),
    ).toBe(2);
  });
});
