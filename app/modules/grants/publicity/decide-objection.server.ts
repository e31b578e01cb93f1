// The staff's decision on one objection (#6): an upheld one removes the entry
// from the shortlist or changes its amount, in the same transaction.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { loadObjectionForDecision, recordObjectionDecision } from "~/modules/publicity/decide.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { formatFen } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { GRANT_SUBJECT_TYPE } from "../applications/application-form";
import { grantApplicationWorkflow, type GrantApplicationState } from "../applications/application-workflow";
import { maxGrantFor } from "../ranking/allocation";
import { grantPublication, UPHELD_ACTIONS, type UpheldAction } from "./publicity";

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
export async function decideObjection(input: DecisionInput): Promise<WriteResult> {
  try {
    await prisma.$transaction(async (tx) => {
      const objection = await loadObjectionForDecision(tx, grantPublication(input.callId), input.objectionId);
      const [call, application] = await Promise.all([
        tx.grantCall.findUnique({
          where: { id: input.callId },
          select: { title: true, reviewStage: true, poolFen: true, perProjectCapFen: true, maxGrantSharePct: true },
        }),
        tx.grantApplication.findUnique({
          where: { id: objection.entryId },
          select: {
            id: true,
            title: true,
            status: true,
            organizationId: true,
            requestedFen: true,
            totalBudgetFen: true,
            award: { select: { id: true, rank: true, selected: true, amountFen: true } },
          },
        }),
      ]);
      if (!call || !application) throw new WorkflowError("未找到该异议", 400);
      const row = { ...objection, call, application };
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

      await recordObjectionDecision(tx, {
        objection: row,
        outcome: input.outcome,
        reply: input.reply,
        upheldAction: action,
        changedAmountFen: action === "CHANGE_AMOUNT" ? input.amountFen : null,
        actorId: input.actorId,
        request: input.request,
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
    return succeed();
  } catch (error) {
    // Refusals answer 409, as they always have, at the amount field or the form.
    if (error instanceof AmountError) return fail(error.message, { field: "amount", status: 409 });
    if (error instanceof WorkflowError) return fail(error.message, { status: 409 });
    throw error;
  }
}

class AmountError extends Error {}
