// 期满评审: the end of a term in the base.
import { getRules } from "~/modules/config/rules.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import type { ExitResult } from "./labels";
import { loadForChange, moveIncubation, ORG_INCUBATION_LINK, type StaffActor } from "./move.server";
import { handoverDueAt } from "./schedule";

/**
 * 期满评审: 出壳 (GRADUATED), 续驻 (stays IN_RESIDENCE with a new term end,
 * the table's self-transition) or 退驻 (EXITED, with the hand-back deadline).
 */
export async function recordExitReview(input: {
  id: string;
  actor: StaffActor;
  result: ExitResult;
  note: string;
  newTermEnd?: Date | null;
  request?: Request;
  now?: Date;
}): Promise<WriteResult> {
  const now = input.now ?? new Date();
  const note = input.note.trim();
  return prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    const common = { id: row.id, from: "IN_RESIDENCE" as const, actorId: input.actor.id, request: input.request };

    if (input.result === "EXTENDED") {
      const newEnd = input.newTermEnd;
      if (!newEnd) return fail("续驻须填写新的孵化期结束日期", { field: "newTermEnd" });
      if (row.termEnd && newEnd.getTime() <= row.termEnd.getTime()) {
        return fail(`新的结束日期须晚于当前孵化期结束日（${formatDate(row.termEnd)}）`, { field: "newTermEnd" });
      }
      await moveIncubation(tx, {
        ...common,
        to: "IN_RESIDENCE",
        reason: `${note}（孵化期延长至 ${formatDate(newEnd)}）`,
        data: { exitResult: "EXTENDED", exitNote: note, termEnd: newEnd },
      });
      await notifyOrganization(tx, row.organizationId, {
        title: "孵化基地期满评审结果：续驻",
        body: `孵化期延长至 ${formatDate(newEnd)}。评审意见：${note}`,
        link: ORG_INCUBATION_LINK,
      });
      return succeed();
    }

    if (input.result === "GRADUATED") {
      await moveIncubation(tx, {
        ...common,
        to: "GRADUATED",
        reason: note,
        data: { exitResult: "GRADUATED", exitAt: now, exitNote: note },
      });
      await notifyOrganization(tx, row.organizationId, {
        title: "孵化基地期满评审结果：出壳",
        body: `祝贺！贵机构已从孵化基地出壳。评审意见：${note}`,
        link: ORG_INCUBATION_LINK,
      });
      return succeed();
    }

    const rules = await getRules(now, tx);
    const handover = handoverDueAt(now, rules);
    await moveIncubation(tx, {
      ...common,
      to: "EXITED",
      reason: `${note}（须于 ${formatDate(handover)} 前交还场地）`,
      data: { exitResult: "EXITED", exitAt: now, exitNote: note, handoverDueAt: handover },
    });
    await notifyOrganization(tx, row.organizationId, {
      title: "孵化基地期满评审结果：退驻",
      body: `评审意见：${note}。请于 ${formatDate(handover)} 前交还场地。`,
      link: ORG_INCUBATION_LINK,
    });
    return succeed();
  });
}
