// Services given to an organization in residence.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { incubationStatusLabel, needLabel, type IncubationNeed } from "./labels";
import { INCUBATION_ENTITY_TYPE, loadForChange, ORG_INCUBATION_LINK, type StaffActor } from "./move.server";

/** Records one service given during the term (not a state change, but audited). */
export async function recordService(input: {
  id: string;
  actor: StaffActor;
  kind: IncubationNeed;
  description: string;
  providedAt: Date;
  amountFen: number | null;
  request?: Request;
}): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    if (row.status !== "IN_RESIDENCE") {
      throw new WorkflowError(`当前状态「${incubationStatusLabel(row.status)}」不能记录孵化服务`);
    }
    if (row.termStart && input.providedAt.getTime() < row.termStart.getTime()) {
      return fail(`服务日期不能早于孵化期开始日（${formatDate(row.termStart)}）`, { field: "providedAt" });
    }
    const amountFen = input.kind === "SEED_FUNDING" ? input.amountFen : null;
    if (input.kind === "SEED_FUNDING" && (amountFen == null || amountFen <= 0)) {
      return fail("请填写种子资金金额", { field: "amount" });
    }
    const description = input.description.trim();
    await tx.incubationService.create({
      data: {
        incubationId: row.id,
        kind: input.kind,
        description,
        providedAt: input.providedAt,
        amountFen,
        recordedById: input.actor.id,
      },
      select: { id: true },
    });
    const summary = `${needLabel(input.kind)}：${description}${amountFen != null ? `（${formatFen(amountFen)}）` : ""}`;
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "incubation.service",
      entityType: INCUBATION_ENTITY_TYPE,
      entityId: row.id,
      reason: `${formatDate(input.providedAt)} ${summary}`,
      request: input.request,
    });
    await notifyOrganization(tx, row.organizationId, {
      title: `孵化基地服务已记录：${needLabel(input.kind)}`,
      body: `${formatDate(input.providedAt)} ${summary}`,
      link: ORG_INCUBATION_LINK,
    });
    return succeed();
  });
}
