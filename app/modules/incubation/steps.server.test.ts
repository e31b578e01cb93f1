import { describe, expect, test } from "vitest";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { recordFirstCheck, recordReview, signAgreement } from "./decisions.server";
import { recordExitReview } from "./exit-review.server";
import { listPublicIncubationHistory } from "./public.server";
import { recordService } from "./service.server";
import { applied, read } from "./test-fixtures.server";

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
