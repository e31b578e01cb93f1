// Demo closing (#14 items 6-8), after the evaluations: the call that has ended (the "2025
// call"), by award order, through the closing module's own writes on their days of the
// story (story-clock.ts):
// - 1st (final 优秀): its leftover funds asked back, received in full, and the project closed
//   (结项) with its public summary; its 结项证书 is printable.
// - 2nd (良好): leftover funds asked back ten days ago, due in three weeks (outstanding).
// - 3rd (合格): waiting for staff to settle the leftover and close.
// - 5th: terminated for a breach found in a special audit before its final evaluation (which
//   the termination cancels), with a clawback being repaid in instalments (part received)
//   and a three-year ban.
// - 6th (良好): the leftover explained, every item of the checklist met, ready to close.
// The 4th project's final 不合格 ended it through its evaluation (evaluation.ts): its last tranche
// stopped, the project terminated and the organization banned.
import type { PrismaClient } from "~/generated/prisma/client";
import { leftoverFenOf } from "~/modules/funding/closing";
import { closeProject, loadClosingFacts } from "~/modules/funding/closing.server";
import { recordRefundReceipt, settleLeftover } from "~/modules/funding/refunds.server";
import { paidFenOf, terminateByStaff } from "~/modules/funding/termination.server";
import { addDays } from "~/utils/dates";
import { prisma as appPrisma } from "~/utils/db.server";
import { today } from "./dates";
import { roundProjects, SEED_REQUEST, seedStaff, type SeedProject } from "./funding-seed-projects";
import { TERMINATED_ORG } from "./grants-review-projects";
import { atStoryTime } from "./story-clock";

type Staff = { id: string; name: string };

/** How many days before today the ended call's project of TERMINATED_ORG is terminated. */
export const TERMINATED_DAYS_AGO = 170;

const day = (n: number, hours = 10) => new Date(addDays(today, n).getTime() + hours * 3_600_000);

async function leftoverOf(projectId: string) {
  const facts = await loadClosingFacts(appPrisma, projectId);
  return leftoverFenOf(facts.paidFen, facts.spentFen);
}

async function askLeftoverBack(p: SeedProject, staff: Staff, when: Date, dueAt: Date) {
  const leftover = await leftoverOf(p.id);
  if (leftover <= 0) return null;
  await atStoryTime(when, () =>
    settleLeftover({
      projectId: p.id,
      mode: "REFUND",
      amountFen: leftover,
      dueAt,
      note: null,
      maxFen: leftover,
      actorId: staff.id,
      request: SEED_REQUEST(),
    }),
  );
  return leftover;
}

async function receive(p: SeedProject, staff: Staff, kind: string, amountFen: number, when: Date, voucherNo: string) {
  const refund = await appPrisma.grantRefund.findFirst({ where: { projectId: p.id, kind }, select: { id: true } });
  if (!refund) return;
  await atStoryTime(when, () =>
    recordRefundReceipt({
      projectId: p.id,
      refundId: refund.id,
      amountFen,
      receivedOn: when,
      voucherNo,
      actorId: staff.id,
      request: SEED_REQUEST(),
    }),
  );
}

export async function seedClosing(prisma: PrismaClient) {
  const staff = await seedStaff(prisma);
  if (!staff) return;
  const projects = await roundProjects(prisma, "funded");
  const [closed, refunding, , , , ready] = projects;
  const terminated = projects.find((p) => p.organization.name === TERMINATED_ORG);

  if (closed?.status === "IN_DELIVERY") {
    const leftover = await askLeftoverBack(closed, staff, day(-128), day(-110));
    if (leftover) await receive(closed, staff, "LEFTOVER", leftover, day(-118), `HK-${closed.projectNo}-1`);
    await atStoryTime(day(-112, 15), () =>
      closeProject({
        projectId: closed.id,
        summary: `「${closed.title}」按协议完成全部服务：组建楼道互助小组，开展入户探访、健康讲座和应急联络演练，服务对象满意度 96%。终期评估结果为优秀，结余资金已全额退回。`,
        actorId: staff.id,
        request: SEED_REQUEST(),
      }),
    );
  }
  if (refunding?.status === "IN_DELIVERY") await askLeftoverBack(refunding, staff, day(-10), day(20));
  if (ready?.status === "IN_DELIVERY") {
    const leftover = await leftoverOf(ready.id);
    await atStoryTime(day(-20), () =>
      settleLeftover({
        projectId: ready.id,
        mode: "EXPLAIN",
        amountFen: null,
        dueAt: null,
        note: "结余资金为已签约未结算的审计费用，审计报告出具后支付，不予退回。",
        maxFen: leftover,
        actorId: staff.id,
        request: SEED_REQUEST(),
      }),
    );
  }
  if (terminated?.status === "IN_DELIVERY") {
    const paid = await paidFenOf(appPrisma, terminated.id);
    const clawback = Math.round((paid * 0.3) / 100) * 100;
    await atStoryTime(day(-TERMINATED_DAYS_AGO), () =>
      terminateByStaff({
        projectId: terminated.id,
        reason: "专项审计发现部分支出无真实服务记录，存在虚列支出，违反资助协议第八条",
        clawbackFen: clawback,
        dueAt: day(20),
        actorId: staff.id,
        request: SEED_REQUEST(),
      }),
    );
    await receive(terminated, staff, "CLAWBACK", Math.round(clawback * 0.6), day(-120), `HK-${terminated.projectNo}-1`);
  }
}
