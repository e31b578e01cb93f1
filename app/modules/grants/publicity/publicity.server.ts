// Publicity of the proposed shortlist, public objections, staff decisions and
// the confirmation of the funded list (#6). Every state change goes through
// runTransition inside one transaction with its notifications.
import crypto from "node:crypto";
import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization, notifyUsers } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { hashClientIp } from "~/utils/client-ip.server";
import { prisma } from "~/utils/db.server";
import { formatFen } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";
import { loadSessionSecret } from "~/utils/session.server";
import { GRANT_SUBJECT_TYPE } from "../application-form";
import { grantApplicationWorkflow, type GrantApplicationState } from "../application-workflow";
import { maxGrantFor } from "../ranking/allocation";
import { reviewRoundWorkflow } from "../review/round-workflow";
import { objectionWorkflow, type ObjectionState, type UpheldAction, UPHELD_ACTIONS } from "./objection-workflow";
import {
  confirmProblem,
  cutOffScore,
  formAgeProblem,
  formatScore,
  notFundedReason,
  OBJECTION_EVIDENCE_PURPOSE,
  OBJECTION_IP_WINDOW_MS,
  OBJECTION_SUBJECT_TYPE,
  objectionWindowProblem,
  OBJECTIONS_PER_IP,
  parseFormStamp,
} from "./publicity";

// ───────────────────────── Spam protection ─────────────────────────

function hmac(purpose: string, value: string) {
  return crypto.createHmac("sha256", loadSessionSecret()).update(`${purpose}:${value}`).digest("base64url");
}

/** A stamp for the hidden field: when the form was shown, signed so it cannot be forged. */
export function signFormStamp(now = Date.now()) {
  return `${now}.${hmac("objection-form", String(now))}`;
}

/** null when the stamp is genuine and the form's age plausible, else the message to show. */
export function formStampProblem(stamp: string | null | undefined, now = Date.now()): string | null {
  const parsed = parseFormStamp(stamp);
  const expected = parsed ? hmac("objection-form", String(parsed.issuedAt)) : "";
  if (
    !parsed ||
    expected.length !== parsed.signature.length ||
    !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))
  ) {
    return "表单已失效，请重新提交（填写的内容已保留）";
  }
  return formAgeProblem(parsed.issuedAt, now);
}

// ───────────────────────── Public side ─────────────────────────

const VISIBLE_STAGES = ["PUBLICIZED", "CONFIRMED"];

const entrySelect = {
  applicationId: true,
  rank: true,
  finalScore: true,
  amountFen: true,
  application: { select: { title: true, organization: { select: { name: true } } } },
} as const;

/** The call's publicity as the public sees it; null (404) before publication. */
export async function getPublicity(callId: string) {
  const call = await prisma.grantCall.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      year: true,
      status: true,
      reviewStage: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      confirmedAt: true,
    },
  });
  if (!call || call.status === "DRAFT" || !VISIBLE_STAGES.includes(call.reviewStage)) return null;
  const awards = await prisma.grantAward.findMany({
    where: { callId, selected: true },
    orderBy: [{ rank: "asc" }],
    select: entrySelect,
  });
  const entries = awards.map((a) => ({
    applicationId: a.applicationId,
    rank: a.rank,
    finalScore: a.finalScore,
    amountFen: a.amountFen,
    title: a.application.title,
    organizationName: a.application.organization.name,
  }));
  const { status: _status, ...rest } = call;
  return { call: rest, entries };
}

export type ObjectionInput = {
  callId: string;
  applicationId: string;
  name: string;
  contact: string;
  content: string;
  evidence?: File;
  request: Request;
};

export type CreateObjectionResult =
  { ok: true; token: string } | { ok: false; field?: "applicationId"; message: string };

/** Saves a public objection with its evidence; refuses outside the window or over the IP limit. */
export async function createObjection(input: ObjectionInput): Promise<CreateObjectionResult> {
  const now = new Date();
  const ipHash = hashClientIp(input.request);
  const files = input.evidence ? [input.evidence] : [];
  try {
    return await withStoredUploads(files, async (tx, stored) => {
      const call = await tx.grantCall.findUnique({
        where: { id: input.callId },
        select: { id: true, title: true, status: true, reviewStage: true, publicityEndsAt: true },
      });
      if (!call || call.status === "DRAFT") throw new WorkflowError("未找到该活动", 400);
      const closed = objectionWindowProblem(call, now);
      if (closed) throw new WorkflowError(closed, 409);
      const award = await tx.grantAward.findFirst({
        where: { callId: call.id, applicationId: input.applicationId, selected: true },
        select: { applicationId: true, application: { select: { title: true } } },
      });
      if (!award) throw new ObjectionFieldError("该项目不在拟入围名单中，请重新选择");
      const recent = await tx.grantObjection.count({
        where: { ipHash, createdAt: { gte: new Date(now.getTime() - OBJECTION_IP_WINDOW_MS) } },
      });
      if (recent >= OBJECTIONS_PER_IP) {
        throw new WorkflowError(`同一网络 24 小时内最多提交 ${OBJECTIONS_PER_IP} 份异议，请稍后再试`, 409);
      }
      const token = crypto.randomBytes(24).toString("base64url");
      const objection = await tx.grantObjection.create({
        data: {
          callId: call.id,
          applicationId: award.applicationId,
          name: input.name,
          contact: input.contact,
          content: input.content,
          accessToken: token,
          ipHash,
        },
        select: { id: true },
      });
      if (input.evidence && stored[0]) {
        // Sent by someone without an account: no uploader; only staff may open it.
        await tx.attachment.create({
          data: {
            ...attachmentData(input.evidence, stored[0], {
              uploaderId: "",
              purpose: OBJECTION_EVIDENCE_PURPOSE,
              description: "异议证明材料",
            }),
            uploaderId: null,
            isPublic: false,
            subjectType: OBJECTION_SUBJECT_TYPE,
            subjectId: objection.id,
          },
          select: { id: true },
        });
      }
      await recordAudit(tx, {
        actorId: null,
        action: "grant_objection.create",
        entityType: "GrantObjection",
        entityId: objection.id,
        toState: "RECEIVED",
        reason: `异议项目：${award.application.title}`,
        request: input.request,
      });
      await notifyAdmins(tx, {
        title: `收到公示异议：${award.application.title}`,
        body: `${call.title}，请在公示期结束前处理。`,
        link: `/admin/grants/${call.id}/publicity`,
      });
      return { ok: true as const, token };
    });
  } catch (error) {
    if (error instanceof ObjectionFieldError) return { ok: false, field: "applicationId", message: error.message };
    if (error instanceof WorkflowError) return { ok: false, message: error.message };
    throw error;
  }
}

class ObjectionFieldError extends Error {}

/** What the objector sees behind their secret link. */
export async function getObjectionByToken(token: string) {
  if (!token || token.length > 100) return null;
  const row = await prisma.grantObjection.findUnique({
    where: { accessToken: token },
    select: {
      id: true,
      name: true,
      content: true,
      status: true,
      reply: true,
      upheldAction: true,
      changedAmountFen: true,
      decidedAt: true,
      createdAt: true,
      call: { select: { id: true, title: true } },
      application: { select: { title: true, organization: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const evidence = await prisma.attachment.findFirst({
    where: { subjectType: OBJECTION_SUBJECT_TYPE, subjectId: row.id },
    select: { originalName: true },
  });
  const { id: _id, ...rest } = row;
  return { ...rest, evidenceName: evidence?.originalName ?? null };
}

// ───────────────────────── Staff side ─────────────────────────

export function parseObjectionStatus(value: string | null): ObjectionState | null {
  return value && objectionWorkflow.isState(value) ? value : null;
}

export async function getAdminPublicity(callId: string, status: ObjectionState | null, page: number) {
  const call = await prisma.grantCall.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      reviewStage: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      confirmedAt: true,
    },
  });
  if (!call) return null;
  const where = { callId, ...(status ? { status } : {}) };
  const [awards, counts, total, objections] = await Promise.all([
    prisma.grantAward.findMany({
      where: { callId },
      orderBy: [{ rank: "asc" }],
      select: {
        ...entrySelect,
        selected: true,
        overrideReason: true,
        application: { select: { title: true, status: true, organization: { select: { name: true } } } },
      },
    }),
    prisma.grantObjection.groupBy({ by: ["status"], where: { callId }, _count: { _all: true } }),
    prisma.grantObjection.count({ where }),
    prisma.grantObjection.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        applicationId: true,
        name: true,
        contact: true,
        content: true,
        status: true,
        reply: true,
        upheldAction: true,
        changedAmountFen: true,
        createdAt: true,
        decidedAt: true,
        application: { select: { title: true, organization: { select: { name: true } } } },
      },
    }),
  ]);
  const evidence = objections.length
    ? await prisma.attachment.findMany({
        where: { subjectType: OBJECTION_SUBJECT_TYPE, subjectId: { in: objections.map((o) => o.id) } },
        select: { id: true, subjectId: true, originalName: true },
      })
    : [];
  const countOf = (s: ObjectionState) => counts.find((c) => c.status === s)?._count._all ?? 0;
  const pending = countOf("RECEIVED");
  const now = new Date();
  return {
    call,
    entries: awards.map((a) => ({
      applicationId: a.applicationId,
      rank: a.rank,
      finalScore: a.finalScore,
      amountFen: a.amountFen,
      selected: a.selected,
      overrideReason: a.overrideReason,
      title: a.application.title,
      status: a.application.status,
      organizationName: a.application.organization.name,
    })),
    counts: { RECEIVED: pending, UPHELD: countOf("UPHELD"), DISMISSED: countOf("DISMISSED") },
    total,
    objections: objections.map((o) => ({
      ...o,
      evidence: evidence.filter((e) => e.subjectId === o.id).map((e) => ({ id: e.id, originalName: e.originalName })),
    })),
    confirmBlock: confirmProblem(call, pending, now),
    now,
  };
}

export type DecisionInput = {
  callId: string;
  objectionId: string;
  outcome: "UPHELD" | "DISMISSED";
  reply: string;
  upheldAction: UpheldAction | null;
  amountFen: number | null;
  actorId: string;
  request: Request;
};

/** Decides one objection; an upheld one removes the entry or changes its amount, all in one transaction. */
export async function decideObjection(
  input: DecisionInput,
): Promise<{ ok: true } | { ok: false; field?: "amount"; message: string }> {
  const now = new Date();
  try {
    await prisma.$transaction(async (tx) => {
      const row = await tx.grantObjection.findFirst({
        where: { id: input.objectionId, callId: input.callId },
        select: {
          id: true,
          status: true,
          applicationId: true,
          call: {
            select: { title: true, reviewStage: true, poolFen: true, perProjectCapFen: true, maxGrantSharePct: true },
          },
          application: {
            select: {
              id: true,
              title: true,
              status: true,
              organizationId: true,
              requestedFen: true,
              totalBudgetFen: true,
              award: { select: { id: true, rank: true, selected: true, amountFen: true } },
            },
          },
        },
      });
      if (!row) throw new WorkflowError("未找到该异议", 400);
      if (row.call.reviewStage !== "PUBLICIZED") throw new WorkflowError("立项名单已确认，不能再处理异议", 409);
      const award = row.application.award;
      const action = input.outcome === "UPHELD" ? input.upheldAction : null;
      if (input.outcome === "UPHELD" && (!award || !award.selected)) {
        throw new WorkflowError("该项目已不在拟入围名单中，只能作出“异议不成立”的处理或另行处理", 409);
      }
      if (action === "CHANGE_AMOUNT") {
        const max = maxGrantFor(
          {
            applicationId: row.application.id,
            rank: award!.rank,
            requestedFen: row.application.requestedFen,
            totalBudgetFen: row.application.totalBudgetFen,
          },
          {
            poolFen: Number(row.call.poolFen),
            perProjectCapFen: row.call.perProjectCapFen,
            maxGrantSharePct: row.call.maxGrantSharePct,
          },
        );
        if (input.amountFen == null || input.amountFen <= 0) throw new AmountError("请填写调整后的资助金额");
        if (input.amountFen > max)
          throw new AmountError(`调整后的资助金额不能超过该项目可获资助上限 ${formatFen(max)}`);
        // A raise must still fit the pool next to every other selected entry.
        const others = await tx.grantAward.aggregate({
          where: { callId: input.callId, selected: true, id: { not: award!.id } },
          _sum: { amountFen: true },
        });
        const available = Number(row.call.poolFen) - (others._sum.amountFen ?? 0);
        if (input.amountFen > available)
          throw new AmountError(`调整后的资助金额超出资金池余额，最多可为 ${formatFen(available)}`);
      }

      await runTransition(tx, {
        workflow: objectionWorkflow,
        entityType: "GrantObjection",
        entityId: row.id,
        from: row.status as ObjectionState,
        to: input.outcome,
        actor: { id: input.actorId, role: "ADMIN" },
        reason: input.reply,
        request: input.request,
        apply: async () =>
          (
            await tx.grantObjection.updateMany({
              where: { id: row.id, status: row.status },
              data: {
                status: input.outcome,
                reply: input.reply,
                upheldAction: action,
                changedAmountFen: action === "CHANGE_AMOUNT" ? input.amountFen : null,
                decidedById: input.actorId,
                decidedAt: now,
              },
            })
          ).count,
      });
      if (!action || !award) return;

      const overrideReason = `异议成立：${input.reply}`;
      if (action === "REMOVE") {
        await tx.grantAward.update({
          where: { id: award.id },
          data: { selected: false, amountFen: 0, overrideSelected: false, overrideReason },
          select: { id: true },
        });
        const from = row.application.status as GrantApplicationState;
        await runTransition(tx, {
          workflow: grantApplicationWorkflow,
          entityType: GRANT_SUBJECT_TYPE,
          entityId: row.application.id,
          from,
          to: "NOT_FUNDED",
          actor: { id: input.actorId, role: "ADMIN" },
          reason: `公示异议成立，移出拟入围名单：${input.reply}`,
          request: input.request,
          apply: async () =>
            (
              await tx.grantApplication.updateMany({
                where: { id: row.application.id, status: from },
                data: { status: "NOT_FUNDED" },
              })
            ).count,
        });
      } else {
        await tx.grantAward.update({
          where: { id: award.id },
          data: { amountFen: input.amountFen!, overrideFen: input.amountFen!, overrideReason },
          select: { id: true },
        });
      }
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "grant_award.override",
        entityType: "GrantAward",
        entityId: award.id,
        reason:
          action === "REMOVE"
            ? `${UPHELD_ACTIONS.REMOVE}：${overrideReason}`
            : `${UPHELD_ACTIONS.CHANGE_AMOUNT}：${formatFen(award.amountFen)} → ${formatFen(input.amountFen)}；${overrideReason}`,
        request: input.request,
      });
      await notifyOrganization(tx, row.application.organizationId, {
        title:
          action === "REMOVE"
            ? `公示异议成立，项目移出拟入围名单：${row.application.title}`
            : `公示异议成立，资助金额调整为 ${formatFen(input.amountFen)}：${row.application.title}`,
        body: `${row.call.title}。处理意见：${input.reply}`,
        link: `/org/grants/${row.application.id}`,
      });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof AmountError) return { ok: false, field: "amount", message: error.message };
    if (error instanceof WorkflowError) return { ok: false, message: error.message };
    throw error;
  }
}

class AmountError extends Error {}

/**
 * 确认立项名单: the round becomes CONFIRMED, selected entries FUNDED, every other
 * ranked application still SCREEN_PASSED NOT_FUNDED with its score against the
 * cut-off; every applicant organization is told. One transaction.
 */
export async function confirmShortlist(input: { callId: string; actorId: string; request: Request }) {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const call = await tx.grantCall.findUnique({
      where: { id: input.callId },
      select: { id: true, title: true, reviewStage: true, publicityEndsAt: true },
    });
    if (!call) throw new WorkflowError("未找到该活动", 400);
    const pending = await tx.grantObjection.count({ where: { callId: call.id, status: "RECEIVED" } });
    const problem = confirmProblem(call, pending, now);
    if (problem) throw new WorkflowError(problem, 409);

    await runTransition(tx, {
      workflow: reviewRoundWorkflow,
      entityType: "GrantCall",
      entityId: call.id,
      from: "PUBLICIZED",
      to: "CONFIRMED",
      actor: { id: input.actorId, role: "ADMIN" },
      request: input.request,
      apply: async () =>
        (
          await tx.grantCall.updateMany({
            where: { id: call.id, reviewStage: "PUBLICIZED" },
            data: { reviewStage: "CONFIRMED", confirmedAt: now },
          })
        ).count,
    });

    const awards = await tx.grantAward.findMany({
      where: { callId: call.id },
      orderBy: [{ rank: "asc" }],
      select: {
        selected: true,
        finalScore: true,
        amountFen: true,
        application: { select: { id: true, title: true, status: true, organizationId: true } },
      },
    });
    const cutOff = cutOffScore(awards);
    const members = await tx.membership.findMany({
      where: { organizationId: { in: [...new Set(awards.map((a) => a.application.organizationId))] } },
      select: { userId: true, organizationId: true },
    });
    const membersOf = (orgId: string) => members.filter((m) => m.organizationId === orgId).map((m) => m.userId);

    let funded = 0;
    let notFunded = 0;
    for (const award of awards) {
      const app = award.application;
      const from = app.status as GrantApplicationState;
      let to: GrantApplicationState | null = null;
      let reason: string | null = null;
      if (award.selected && from === "SHORTLISTED") to = "FUNDED";
      else if (!award.selected && from === "SCREEN_PASSED") {
        to = "NOT_FUNDED";
        reason = notFundedReason(award.finalScore, cutOff);
      }
      if (to) {
        await runTransition(tx, {
          workflow: grantApplicationWorkflow,
          entityType: GRANT_SUBJECT_TYPE,
          entityId: app.id,
          from,
          to,
          actor: { id: input.actorId, role: "ADMIN" },
          reason,
          request: input.request,
          apply: async () =>
            (await tx.grantApplication.updateMany({ where: { id: app.id, status: from }, data: { status: to! } }))
              .count,
        });
      }
      const isFunded = to === "FUNDED";
      if (!isFunded && award.selected) continue; // selected but not shortlisted: nothing to announce
      if (isFunded) funded++;
      else notFunded++;
      await notifyUsers(tx, {
        userIds: membersOf(app.organizationId),
        title: isFunded ? `公益创投项目已立项：${app.title}` : `公益创投项目未获资助：${app.title}`,
        body: isFunded
          ? `${call.title}立项名单已确认，资助金额 ${formatFen(award.amountFen)}。`
          : `${call.title}立项名单已确认。综合得分 ${formatScore(award.finalScore)} 分${cutOff != null ? `，入围分数线 ${formatScore(cutOff)} 分` : ""}，可查看评审反馈。`,
        link: isFunded ? `/org/grants/${app.id}` : `/org/grants/${app.id}#feedback`,
      });
    }
    return { funded, notFunded };
  });
}
