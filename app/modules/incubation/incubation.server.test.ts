import { describe, expect, test } from "vitest";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import {
  applyForIncubation,
  getIncubationEligibility,
  listPublicIncubationHistory,
  listPublicIncubations,
  recordExitReview,
  recordFirstCheck,
  recordReview,
  recordService,
  signAgreement,
} from "./incubation.server";

const PLAN = "入驻后开展社区老年人助餐和陪伴服务，培育十名社区志愿者骨干。";
let counter = 0;

async function setup(status = "REGISTERED") {
  counter += 1;
  const admin = await prisma.user.create({
    data: { email: `admin${counter}@test.yimiao.local`, name: "王敏", role: "ADMIN" },
    select: { id: true },
  });
  const member = await prisma.user.create({
    data: { email: `member${counter}@test.yimiao.local`, name: "陈晓", role: "ORG_MEMBER" },
    select: { id: true },
  });
  const org = await prisma.organization.create({
    data: {
      name: `江宁区测试社会工作服务中心${counter}`,
      type: "SOCIAL_SERVICE",
      status,
      memberships: { create: { userId: member.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  return { admin, member, org };
}

async function addInspection(organizationId: string, year: number, status: string, conclusion: string | null) {
  const round = await prisma.inspectionRound.upsert({
    where: { year },
    create: {
      year,
      deadline: new Date(`${year + 1}-05-31T23:59:59+08:00`),
      foundationDeadline: new Date(`${year + 1}-03-31T23:59:59+08:00`),
    },
    update: {},
    select: { id: true },
  });
  await prisma.inspectionReport.create({ data: { roundId: round.id, organizationId, year, status, conclusion } });
}

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
    expect(again).toEqual({ ok: false, reasons: ["本机构已有一份入驻申请正在办理中（已申请），请等待办理结果"] });
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
      reasons: ["2025年度年检结论为不合格（近 2 年内年检不合格的社会组织不能申请入驻）"],
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

async function applied(now = new Date("2026-11-19T10:00:00+08:00")) {
  const ctx = await setup();
  const result = await applyForIncubation({
    organizationId: ctx.org.id,
    actorId: ctx.member.id,
    plan: PLAN,
    needs: ["SPACE"],
    now,
  });
  if (!result.ok) throw new Error(result.reasons.join());
  return { ...ctx, id: result.id };
}

const read = (id: string) =>
  prisma.incubationApplication.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      firstCheckNote: true,
      reviewNote: true,
      agreementNo: true,
      termStart: true,
      termEnd: true,
      exitResult: true,
      exitAt: true,
      exitNote: true,
      handoverDueAt: true,
    },
  });

describe("staff steps", () => {
  test("first check, review, agreement with the default term, a service, then 出壳", async () => {
    const { admin, member, org, id } = await applied();
    await recordFirstCheck({ id, actor: admin, pass: true, note: "材料齐全" });
    expect(await read(id)).toMatchObject({ status: "FIRST_CHECK_PASSED", firstCheckNote: "材料齐全" });
    await recordReview({ id, actor: admin, pass: true });
    expect((await read(id)).status).toBe("ADMITTED");

    const start = new Date("2026-12-01T00:00:00+08:00");
    expect(await signAgreement({ id, actor: admin, agreementNo: "JNFH-2026-009", termStart: start })).toEqual({
      ok: true,
    });
    expect(await read(id)).toMatchObject({
      status: "IN_RESIDENCE",
      agreementNo: "JNFH-2026-009",
      termStart: start,
      termEnd: new Date("2028-12-01T00:00:00+08:00"),
    });

    // A service before the term began is refused at its field.
    expect(
      await recordService({
        id,
        actor: admin,
        kind: "TRAINING",
        description: "财务培训",
        providedAt: new Date("2026-11-30T00:00:00+08:00"),
        amountFen: null,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { providedAt: [expect.any(String)] } });
    expect(
      await recordService({
        id,
        actor: admin,
        kind: "SEED_FUNDING",
        description: "首期种子资金",
        providedAt: start,
        amountFen: 500_000,
      }),
    ).toEqual({ ok: true });
    const services = await prisma.incubationService.findMany({
      where: { incubationId: id },
      select: { kind: true, amountFen: true, recordedById: true },
    });
    expect(services).toEqual([{ kind: "SEED_FUNDING", amountFen: 500_000, recordedById: admin.id }]);

    // 出壳 needs a reason.
    await expect(recordExitReview({ id, actor: admin, result: "GRADUATED", note: " " })).rejects.toThrow(
      "「出壳」必须填写理由",
    );
    expect(await recordExitReview({ id, actor: admin, result: "GRADUATED", note: "运作规范，可独立运营" })).toEqual({
      ok: true,
    });
    expect(await read(id)).toMatchObject({
      status: "GRADUATED",
      exitResult: "GRADUATED",
      exitNote: "运作规范，可独立运营",
    });

    const events = await prisma.auditEvent.findMany({
      where: { entityType: "IncubationApplication", entityId: id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, fromState: true, toState: true },
    });
    expect(events.map((e) => `${e.action}:${e.fromState ?? ""}>${e.toState ?? ""}`)).toEqual([
      "incubation.apply:>APPLIED",
      "incubation.transition:APPLIED>FIRST_CHECK_PASSED",
      "incubation.transition:FIRST_CHECK_PASSED>ADMITTED",
      "incubation.transition:ADMITTED>IN_RESIDENCE",
      "incubation.service:>",
      "incubation.transition:IN_RESIDENCE>GRADUATED",
    ]);
    // The organization heard about each step.
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(5);

    // Public history names it once graduated.
    expect((await listPublicIncubationHistory(org.id)).map((h) => h.statusLabel)).toEqual(["已出壳"]);
  });

  test("rejecting needs a reason and records it", async () => {
    const { admin, id } = await applied();
    await expect(recordFirstCheck({ id, actor: admin, pass: false, note: "" })).rejects.toBeInstanceOf(WorkflowError);
    expect((await read(id)).status).toBe("APPLIED");
    await recordFirstCheck({ id, actor: admin, pass: false, note: "入驻计划与基地服务方向不符" });
    expect(await read(id)).toMatchObject({ status: "REJECTED", firstCheckNote: "入驻计划与基地服务方向不符" });
  });

  test("a stale form cannot act on an application that has moved on", async () => {
    const { admin, id } = await applied();
    await recordFirstCheck({ id, actor: admin, pass: true });
    // Someone else's page still shows the first check: its 不通过 must not reject at review.
    await expect(recordFirstCheck({ id, actor: admin, pass: false, note: "迟到的初审" })).rejects.toThrow(
      "该记录的状态已被他人更新",
    );
    expect(await read(id)).toMatchObject({ status: "FIRST_CHECK_PASSED", firstCheckNote: null });
    // And a service cannot be recorded before the agreement.
    await expect(
      recordService({
        id,
        actor: admin,
        kind: "TRAINING",
        description: "培训",
        providedAt: new Date(),
        amountFen: null,
      }),
    ).rejects.toThrow("不能记录孵化服务");
  });

  async function inResidence() {
    const ctx = await applied();
    await recordFirstCheck({ id: ctx.id, actor: ctx.admin, pass: true });
    await recordReview({ id: ctx.id, actor: ctx.admin, pass: true });
    await signAgreement({
      id: ctx.id,
      actor: ctx.admin,
      agreementNo: "JNFH-2024-001",
      termStart: new Date("2024-12-01T00:00:00+08:00"),
      termEnd: new Date("2026-12-01T00:00:00+08:00"),
    });
    return ctx;
  }

  test("续驻 keeps the organization in residence with a later end date", async () => {
    const { admin, id } = await inResidence();
    expect(
      await recordExitReview({
        id,
        actor: admin,
        result: "EXTENDED",
        note: "项目尚在起步",
        newTermEnd: new Date("2026-06-01T00:00:00+08:00"),
      }),
    ).toMatchObject({ ok: false, fieldErrors: { newTermEnd: [expect.any(String)] } });
    const newEnd = new Date("2027-12-01T00:00:00+08:00");
    expect(
      await recordExitReview({ id, actor: admin, result: "EXTENDED", note: "项目尚在起步", newTermEnd: newEnd }),
    ).toEqual({ ok: true });
    expect(await read(id)).toMatchObject({
      status: "IN_RESIDENCE",
      exitResult: "EXTENDED",
      termEnd: newEnd,
      exitAt: null,
    });
    const last = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { fromState: true, toState: true, reason: true },
    });
    expect(last).toEqual({
      fromState: "IN_RESIDENCE",
      toState: "IN_RESIDENCE",
      reason: "项目尚在起步（孵化期延长至 2027年12月1日）",
    });
  });

  test("退驻 sets the hand-back deadline 15 working days later", async () => {
    const { admin, id, org } = await inResidence();
    // Monday 23 November 2026.
    const now = new Date("2026-11-23T16:00:00+08:00");
    expect(await recordExitReview({ id, actor: admin, result: "EXITED", note: "连续半年未开展活动", now })).toEqual({
      ok: true,
    });
    expect(await read(id)).toMatchObject({
      status: "EXITED",
      exitResult: "EXITED",
      exitAt: now,
      handoverDueAt: new Date("2026-12-14T23:59:59.999+08:00"),
    });
    expect(await listPublicIncubationHistory(org.id)).toEqual([]);
  });
});

describe("public lists", () => {
  test("name only organizations whose registration is public", async () => {
    const registered = await applied();
    const preparing = await setup("PREPARING");
    const prep = await applyForIncubation({
      organizationId: preparing.org.id,
      actorId: preparing.member.id,
      plan: PLAN,
      needs: ["SPACE"],
    });
    if (!prep.ok) throw new Error("preparing group should be able to apply");
    for (const { id, admin } of [registered, { id: prep.id, admin: preparing.admin }]) {
      await recordFirstCheck({ id, actor: admin, pass: true });
      await recordReview({ id, actor: admin, pass: true });
      await signAgreement({
        id,
        actor: admin,
        agreementNo: `A-${id}`,
        termStart: new Date("2026-11-01T00:00:00+08:00"),
      });
    }
    const lists = await listPublicIncubations({ residentPage: 1, graduatedPage: 1 });
    expect(lists.residents.map((r) => r.organization.id)).toEqual([registered.org.id]);
    expect(lists.residentTotal).toBe(1);
    expect(lists.preparingInResidence).toBe(1);
    expect(await listPublicIncubationHistory(preparing.org.id)).toEqual([]);
    expect((await listPublicIncubationHistory(registered.org.id)).map((h) => h.statusLabel)).toEqual(["在孵"]);
  });
});
