// The staff 待办 lines of evaluations count a result whose publicity period is over as the
// settling read would leave it (decision 026), without writing: an ended mid-term 不合格 waits for
// staff's decision, not "in publicity"; one still in its period, or over it with an objection
// undecided (overdue), is in publicity.
import { describe, expect, test } from "vitest";
import { evaluationStaffQueue } from "~/modules/evaluation/queue.server";
import type { QueueLine } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";
import { inPublicity, objectTo } from "./helpers/evaluation-in-publicity";

async function lines() {
  const result = await evaluationStaffQueue({ now: new Date() });
  const all = (Array.isArray(result) ? result : result ? [result] : []) as QueueLine[];
  return Object.fromEntries(all.map((l) => [l.key, l]));
}

describe("the evaluation lines of the staff 待办", () => {
  test("count an ended result as final without settling it, an open one as in publicity", async () => {
    const ended = await inPublicity("MIDTERM", "不合格", 48, 2);
    const open = await inPublicity("MIDTERM", "合格", 70, -3);
    const waiting = await inPublicity("MIDTERM", "良好", 82, 1);
    await objectTo(waiting);

    const queue = await lines();
    expect(queue["evaluation.publicity"]).toMatchObject({ count: 2, overdue: 1, dueAt: open.endsAt });
    expect(queue["evaluation.publicity"]!.entries!.map((e) => e.label)).toEqual([
      expect.stringContaining("（公示期满，异议待处理）"),
      expect.not.stringContaining("异议待处理"),
    ]);
    expect(queue["evaluation.decide"]).toMatchObject({
      count: 1,
      entries: [{ href: `/admin/projects/${ended.project.projectId}/evaluations` }],
    });

    // Counting wrote nothing: the ended result is settled by the next page that reads it.
    const row = await prisma.grantEvaluation.findUniqueOrThrow({
      where: { id: ended.evaluationId },
      select: { status: true },
    });
    expect(row.status).toBe("PUBLICITY");
  });

  test("a settled mid-term 不合格 waits for the decision until staff make it", async () => {
    const { evaluationId } = await inPublicity("MIDTERM", "不合格", 48, 2);
    await prisma.grantEvaluation.update({
      where: { id: evaluationId },
      data: { status: "FINAL", finalAt: new Date() },
    });
    expect((await lines())["evaluation.decide"]).toMatchObject({ count: 1 });
    await prisma.grantEvaluation.update({ where: { id: evaluationId }, data: { decision: "RECTIFY" } });
    expect((await lines())["evaluation.decide"]).toMatchObject({ count: 0 });
    expect((await lines())["evaluation.publicity"]).toMatchObject({ count: 0 });
  });
});
