import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { applyForIncubation } from "./apply.server";
import { getIncubationEligibility } from "./eligibility.server";
import { addInspection, PLAN, setup } from "./test-fixtures.server";

describe("applying", () => {
  test("a clean organization applies; the first check is due in 5 working days and staff are told", async () => {
    const { admin, member, org } = await setup();
    // Thursday 19 November 2026, 10:00 Shanghai.
    const now = new Date("2026-11-19T10:00:00+08:00");
    const result = await applyForIncubation({
      organizationId: org.id,
      actorId: member.id,
      plan: PLAN,
      needs: ["SEED_FUNDING", "SPACE"],
      now,
    });
    expect(result.ok).toBe(true);
    const row = await prisma.incubationApplication.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true, status: true, needs: true, firstCheckDueAt: true, createdById: true },
    });
    expect(row).toMatchObject({ status: "APPLIED", needs: '["SPACE","SEED_FUNDING"]', createdById: member.id });
    expect(row.firstCheckDueAt).toEqual(new Date("2026-11-26T23:59:59.999+08:00"));
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: row.id },
      select: { action: true, toState: true },
    });
    expect(audit).toEqual({ action: "incubation.apply", toState: "APPLIED" });
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: admin.id }, select: { link: true } });
    expect(note.link).toBe(`/admin/incubation/${row.id}`);

    // A second application while the first is open is refused.
    const again = await applyForIncubation({
      organizationId: org.id,
      actorId: member.id,
      plan: PLAN,
      needs: ["SPACE"],
      now,
    });
    expect(again).toEqual({
      ok: false,
      status: 403,
      formErrors: ["本机构已有一份入驻申请正在办理中（已申请），请等待办理结果"],
    });
    expect(await prisma.incubationApplication.count({ where: { organizationId: org.id } })).toBe(1);
  });

  test("an organization that failed last year's inspection is refused and nothing is written", async () => {
    const { member, org } = await setup();
    await addInspection(org.id, 2025, "CONCLUDED", "UNQUALIFIED");
    const result = await applyForIncubation({
      organizationId: org.id,
      actorId: member.id,
      plan: PLAN,
      needs: ["SPACE"],
      now: new Date("2026-11-23T10:00:00+08:00"),
    });
    expect(result).toEqual({
      ok: false,
      status: 403,
      formErrors: ["2025年度年检结论为不合格（近 2 年内年检不合格的社会组织不能申请入驻）"],
    });
    expect(await prisma.incubationApplication.count({ where: { organizationId: org.id } })).toBe(0);
  });

  test("the gathered inputs cover inspections, credit records and the configured look-back", async () => {
    const { org } = await setup();
    const today = new Date("2026-11-23T10:00:00+08:00");
    await addInspection(org.id, 2024, "MISSED", "MISSED");
    await addInspection(org.id, 2023, "CONCLUDED", "UNQUALIFIED");
    await prisma.creditRecord.createMany({
      data: [
        {
          organizationId: org.id,
          kind: "ADMIN_PENALTY",
          description: "未按规定办理变更登记，警告",
          decidedAt: new Date("2025-04-10T00:00:00+08:00"),
        },
        {
          organizationId: org.id,
          kind: "ADMIN_PENALTY",
          description: "旧处罚",
          decidedAt: new Date("2022-04-10T00:00:00+08:00"),
        },
        {
          organizationId: org.id,
          kind: "ABNORMAL_LIST",
          description: "列入异常名录",
          decidedAt: new Date("2026-01-10T00:00:00+08:00"),
        },
      ],
    });
    expect((await getIncubationEligibility(org.id, { today })).reasons).toEqual([
      "2024年度未参加年检（近 2 年内未参检的社会组织不能申请入驻）",
      "2025年4月10日受到行政处罚：未按规定办理变更登记，警告（近 3 年内受到行政处罚的社会组织不能申请入驻）",
    ]);
    // An administrator shortens the look-back to one year: 2024 no longer counts.
    await prisma.ruleParameter.create({
      data: {
        key: "incubation.exclusionLookbackYears",
        value: "1",
        effectiveFrom: new Date("2026-01-01T00:00:00+08:00"),
      },
    });
    expect((await getIncubationEligibility(org.id, { today })).reasons).toEqual([
      "2025年4月10日受到行政处罚：未按规定办理变更登记，警告（近 3 年内受到行政处罚的社会组织不能申请入驻）",
    ]);
  });
});
