// Demo money (#13 item 13), after the agreements part signs projects: every signed
// project's signing tranche is payable; most are paid about a week after signing, the
// most recently signed one whose due date is still ahead stays payable (not yet due), and
// exactly one whose due date has passed stays unpaid (the overdue item). Payments are
// recorded on their day of the story (story-clock.ts). The tranches the evaluations open
// later (mid-term pass, final) are paid by the evaluation seed through payTranches.
import type { PrismaClient } from "~/generated/prisma/client";
import { recordPayment } from "~/modules/funding/tranche-payments.server";
import { meetTrancheGates } from "~/modules/funding/tranches.server";
import { addWorkingDays, toDateInput } from "~/utils/dates";
import { prisma as appPrisma } from "~/utils/db.server";
import { today } from "./dates";
import { atStoryTime } from "./story-clock";

export const PAY_AFTER_WORKING_DAYS = 5;

type Payee = { id: string; projectNo: string; organization: { name: string } };

/** Records the payment of every PAYABLE tranche of `trigger` on `paidOn` (capped at today); returns how many. */
export async function payTranches(project: Payee, trigger: string, paidOn: Date, staff: { id: string }) {
  const on = paidOn > today ? today : paidOn;
  const payable = await appPrisma.grantTranche.findMany({
    where: { projectId: project.id, trigger, status: "PAYABLE" },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  let paid = 0;
  for (const t of payable) {
    const result = await atStoryTime(new Date(on.getTime() + 10 * 3_600_000), () =>
      recordPayment({
        projectId: project.id,
        trancheId: t.id,
        paidOn: toDateInput(on),
        voucherNo: `BK-${project.projectNo}-${t.position}`,
        receivingAccount: `${project.organization.name} 南京银行江宁支行 0187 2000 ${project.projectNo.replace(/\D/g, "").slice(-4)}`,
        actor: staff,
      }),
    );
    if (result.ok) paid += 1;
  }
  return paid;
}

export async function seedFundingMoney(prisma: PrismaClient) {
  const staff = await prisma.user.findFirst({
    where: { role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!staff) return { paid: 0 };
  const projects = await prisma.grantProject.findMany({
    where: {
      signedAt: { not: null },
      status: { in: ["IN_DELIVERY", "RECTIFYING", "SUSPENDED", "CLOSED", "TERMINATED"] },
    },
    orderBy: [{ signedAt: "desc" }, { projectNo: "asc" }],
    select: {
      id: true,
      projectNo: true,
      status: true,
      signedAt: true,
      organization: { select: { name: true } },
      tranches: { where: { trigger: "SIGNING" }, orderBy: { position: "asc" }, select: { id: true, status: true } },
    },
  });
  let paid = 0;
  let keptNotDue = false;
  let keptOverdue = false;
  for (const p of projects) {
    const signedAt = p.signedAt!;
    if (p.status !== "CLOSED" && p.status !== "TERMINATED" && p.tranches.some((t) => t.status === "PLANNED"))
      await prisma.$transaction((tx) =>
        meetTrancheGates(tx, {
          projectId: p.id,
          trigger: "SIGNING",
          at: signedAt,
          actor: { id: null, role: "SYSTEM" },
          reason: "双方签订协议",
        }),
      );
    const running = p.status === "IN_DELIVERY";
    const due = addWorkingDays(signedAt, 15);
    if (running && !keptNotDue && due >= today) {
      keptNotDue = true;
      continue;
    }
    if (running && !keptOverdue && due < today) {
      keptOverdue = true;
      continue;
    }
    paid += await payTranches(p, "SIGNING", addWorkingDays(signedAt, PAY_AFTER_WORKING_DAYS), staff);
  }
  return { paid, notDue: keptNotDue, overdue: keptOverdue };
}
