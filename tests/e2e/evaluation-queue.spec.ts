// The staff 待办 counts evaluation results by the finality rule (decision 026) without settling
// them: a mid-term 不合格 whose publicity ended yesterday with no objection already waits for the
// decision (not "in publicity"), and following its entry opens the project, which settles it.
import { evaluationStaffQueue } from "~/modules/evaluation/queue.server";
import type { QueueLine } from "~/modules/queues/queue";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { projectInMidterm } from "./evaluation-helpers";

test("an ended mid-term 不合格 waits for staff's decision in the 待办, not in publicity", async ({ page }) => {
  const { admin, project } = await projectInMidterm();
  await prisma.grantEvaluation.updateMany({
    where: { projectId: project.projectId, kind: "MIDTERM" },
    data: {
      status: "PUBLICITY",
      submittedAt: addDays(new Date(), -20),
      expertTotal: 44,
      score: 44,
      grade: "不合格",
      publicityStartsAt: addDays(new Date(), -8),
      publicityEndsAt: addDays(new Date(), -1),
    },
  });
  const entry = `${project.title} · 中期评估`;
  await loginAs(page, admin.id);
  const queue = page.getByTestId("work-queue");
  // /admin's 待办 is shared for a few seconds: read the source and the page together until they agree.
  await expect(async () => {
    const lines = (await evaluationStaffQueue({ now: new Date() })) as QueueLine[];
    const decide = lines.find((l) => l.key === "evaluation.decide")!;
    await page.goto("/admin");
    const line = queue.getByTestId("queue-line").filter({ hasText: "中期评估不合格待处理决定" });
    await expect(line).toContainText(`${decide.count} 项`, { timeout: 1_000 });
    await expect(line.getByRole("link", { name: entry })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const publicity = queue.getByTestId("queue-line").filter({ hasText: "项目评估结果公示中" });
  await expect(publicity.getByRole("link", { name: entry })).toHaveCount(0);
  expect(
    (
      await prisma.grantEvaluation.findFirstOrThrow({
        where: { projectId: project.projectId, kind: "MIDTERM" },
        select: { status: true },
      })
    ).status,
  ).toBe("PUBLICITY");

  await queue.getByRole("link", { name: entry }).click();
  const card = page.getByTestId("evaluation-MIDTERM-1");
  await expect(card).toContainText("结果已确定");
  await expect(card.getByRole("form", { name: "不合格处理决定" })).toBeVisible();
});
