import { describe, expect, test } from "vitest";
import { activeGrantBan } from "~/modules/funding/bans.server";
import { assertProjectOpen } from "~/modules/funding/frozen.server";
import { recordRefundReceipt } from "~/modules/funding/refunds.server";
import { claimBackAfterEnd, terminateProject } from "~/modules/funding/termination.server";
import { eligibilityOf } from "~/modules/grants/applications/eligibility.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { arrangeRunningProject } from "./helpers/evaluation-in-publicity";

describe("terminateProject", () => {
  test("ends the project, its application and open tranches, claws back and bans in one go", async () => {
    const { admin, member, org, project } = await arrangeRunningProject(1);
    const now = new Date();
    await prisma.$transaction((tx) =>
      terminateProject(tx, {
        projectId: project.projectId,
        reason: "挪用项目资金",
        clawbackFen: 2_000_000,
        dueAt: addDays(now, 30),
        actor: { id: admin.id, role: "ADMIN" },
        now,
      }),
    );
    const row = await prisma.grantProject.findUniqueOrThrow({
      where: { id: project.projectId },
      select: {
        status: true,
        endedReason: true,
        application: { select: { status: true } },
        tranches: { orderBy: { position: "asc" }, select: { status: true } },
        refunds: { select: { kind: true, amountFen: true, status: true } },
      },
    });
    expect(row.status).toBe("TERMINATED");
    expect(row.endedReason).toBe("挪用项目资金");
    expect(row.application.status).toBe("TERMINATED");
    expect(row.tranches.map((t) => t.status)).toEqual(["PAID", "STOPPED", "STOPPED"]);
    expect(row.refunds).toEqual([{ kind: "CLAWBACK", amountFen: 2_000_000, status: "OUTSTANDING" }]);
    const ban = await activeGrantBan(prisma, org.id, now);
    expect(ban?.endsAt.getUTCFullYear()).toBe(now.getUTCFullYear() + 3);
    const audit = await prisma.auditEvent.findMany({
      where: { actorId: admin.id, action: { not: "grant_project.create" } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "grant_application.transition",
        "grant_ban.create",
        "grant_project.transition",
        "grant_refund.create",
        "grant_tranche.transition",
        "grant_tranche.transition",
      ].sort(),
    );
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(1);

    // the next call refuses the organization with the ban's reason and end date
    const call = await prisma.grantCall.findUniqueOrThrow({
      where: { id: project.callId },
      select: { id: true, eligibility: true },
    });
    const result = await eligibilityOf(prisma, org.id, { ...call, id: "another-call" }, now);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatch(/项目被终止，\d{4}年\d{1,2}月\d{1,2}日前不得申报公益创投项目/);
  });

  test("cancels the evaluations still under way, with their audit events; a final result stays", async () => {
    const { admin, project } = await arrangeRunningProject(1);
    const now = new Date();
    const [midterm, final] = await Promise.all([
      prisma.grantEvaluation.create({
        data: { projectId: project.projectId, kind: "MIDTERM", status: "FINAL", grade: "合格", dueAt: now },
        select: { id: true },
      }),
      prisma.grantEvaluation.create({
        data: { projectId: project.projectId, kind: "FINAL", status: "AWAITING_REPORT", dueAt: addDays(now, 30) },
        select: { id: true },
      }),
    ]);
    await prisma.$transaction((tx) =>
      terminateProject(tx, {
        projectId: project.projectId,
        reason: "挪用项目资金",
        clawbackFen: 0,
        dueAt: null,
        actor: { id: admin.id, role: "ADMIN" },
        now,
      }),
    );
    const rows = await prisma.grantEvaluation.findMany({
      where: { id: { in: [midterm.id, final.id] } },
      select: { id: true, status: true },
    });
    expect(rows.find((r) => r.id === midterm.id)?.status).toBe("FINAL");
    expect(rows.find((r) => r.id === final.id)?.status).toBe("CANCELLED");
    const audit = await prisma.auditEvent.findFirst({
      where: { entityType: "GrantEvaluation", entityId: final.id },
      select: { fromState: true, toState: true, reason: true },
    });
    expect(audit).toEqual({ fromState: "AWAITING_REPORT", toState: "CANCELLED", reason: "项目终止：挪用项目资金" });
  });

  test("refuses a clawback above what was paid and changes nothing", async () => {
    const { admin, project } = await arrangeRunningProject(1);
    await expect(
      prisma.$transaction((tx) =>
        terminateProject(tx, {
          projectId: project.projectId,
          reason: "违约",
          clawbackFen: 3_000_001,
          dueAt: new Date(),
          actor: { id: admin.id, role: "ADMIN" },
        }),
      ),
    ).rejects.toThrow("追回金额不能超过已拨付的 ¥30,000.00");
    const row = await prisma.grantProject.findUniqueOrThrow({
      where: { id: project.projectId },
      select: { status: true },
    });
    expect(row.status).toBe("IN_DELIVERY");
  });
});

describe("the final-fail ban and the freeze", () => {
  test("a final 不合格 bans once, through the one termination path", async () => {
    const { org, project } = await arrangeRunningProject(2);
    const finalFail = () =>
      prisma.$transaction((tx) =>
        terminateProject(tx, {
          projectId: project.projectId,
          reason: "终期评估不合格",
          clawbackFen: 0,
          dueAt: null,
          cause: "FINAL_FAIL",
          actor: { id: null, role: "SYSTEM" },
        }),
      );
    const first = await finalFail();
    await expect(finalFail()).rejects.toBeInstanceOf(WorkflowError);
    const bans = await prisma.grantBan.findMany({
      where: { organizationId: org.id },
      select: { id: true, reason: true },
    });
    expect(bans.map((b) => b.id)).toEqual([first.banId]);
    expect(bans[0]!.reason).toContain("终期评估不合格");
  });

  test("a closed project refuses writes", async () => {
    const { project } = await arrangeRunningProject(2);
    await expect(assertProjectOpen(prisma, project.projectId)).resolves.toMatchObject({ status: "IN_DELIVERY" });
    await prisma.grantProject.update({ where: { id: project.projectId }, data: { status: "CLOSED" } });
    await expect(assertProjectOpen(prisma, project.projectId)).rejects.toBeInstanceOf(WorkflowError);
  });
});

describe("a clawback after the project ended", () => {
  test("staff claw paid money back from a project a final 不合格 ended, within what was paid", async () => {
    const { admin, member, project } = await arrangeRunningProject(2); // ¥48,000.00 of the award paid
    const now = new Date();
    await prisma.$transaction((tx) =>
      terminateProject(tx, {
        projectId: project.projectId,
        reason: "终期评估不合格",
        clawbackFen: 0,
        dueAt: null,
        cause: "FINAL_FAIL",
        actor: { id: null, role: "SYSTEM" },
        now,
      }),
    );
    const notified = await prisma.notification.count({ where: { userId: member.id } });
    const ask = (amountFen: number, dueAt = addDays(now, 30)) =>
      claimBackAfterEnd({
        projectId: project.projectId,
        reason: "部分服务未开展",
        amountFen,
        dueAt,
        actorId: admin.id,
      });

    expect(await ask(4_800_001)).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["追回金额不能超过已拨付的 ¥48,000.00"] },
    });
    expect(await ask(100, addDays(now, -2))).toMatchObject({
      ok: false,
      fieldErrors: { dueOn: ["退回期限不能早于今天"] },
    });
    expect(await ask(2_000_000)).toMatchObject({ ok: true });
    expect(await ask(2_800_001)).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["追回金额不能超过尚可追回的 ¥28,000.00（已拨付 ¥48,000.00，已要求退回 ¥20,000.00）"] },
    });

    const refunds = await prisma.grantRefund.findMany({
      where: { projectId: project.projectId },
      select: { id: true, kind: true, amountFen: true, status: true, reason: true },
    });
    expect(refunds).toEqual([
      {
        id: expect.any(String),
        kind: "CLAWBACK",
        amountFen: 2_000_000,
        status: "OUTSTANDING",
        reason: "部分服务未开展",
      },
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "GrantRefund", entityId: refunds[0]!.id },
      select: { actorId: true, action: true, toState: true, reason: true },
    });
    expect(audit).toEqual({
      actorId: admin.id,
      action: "grant_refund.create",
      toState: "OUTSTANDING",
      reason: "终止追回 ¥20,000.00：部分服务未开展",
    });
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: member.id },
      orderBy: { createdAt: "desc" },
      select: { title: true, link: true },
    });
    expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(notified + 1);
    expect(notice).toEqual({
      title: expect.stringContaining("已拨付资金 ¥20,000.00"),
      link: `/org/projects/${project.projectId}/closing`,
    });

    // The money comes back through the refund workflow like any refund, on the ended project.
    const receipt = await recordRefundReceipt({
      projectId: project.projectId,
      refundId: refunds[0]!.id,
      amountFen: 2_000_000,
      receivedOn: now,
      voucherNo: "ZH-001",
      actorId: admin.id,
    });
    expect(receipt).toMatchObject({ ok: true, settled: true });
  });

  test("is refused on a project that has not ended", async () => {
    const { admin, project } = await arrangeRunningProject(1);
    const result = await claimBackAfterEnd({
      projectId: project.projectId,
      reason: "部分服务未开展",
      amountFen: 100,
      dueAt: addDays(new Date(), 30),
      actorId: admin.id,
    });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(await prisma.grantRefund.count({ where: { projectId: project.projectId } })).toBe(0);
  });
});
