// Demo money (#13 item 13), after the agreements part signs projects: every signed
// project's signing tranche is payable; most are paid about a week after signing, the
// most recently signed one whose due date is still ahead stays payable (not yet due), and
// exactly one whose due date has passed stays unpaid (the overdue item). Dates are
// relative to the seed's today; with no signed projects this part does nothing.
import type { PrismaClient } from "~/generated/prisma/client";
import { recordPayment } from "~/modules/funding/tranche-payments.server";
import { meetTrancheGates } from "~/modules/funding/tranches.server";
import { addWorkingDays, toDateInput } from "~/utils/dates";
import { today } from "./dates";

const PAY_AFTER_WORKING_DAYS = 5;

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
    const payDay = addWorkingDays(signedAt, PAY_AFTER_WORKING_DAYS);
    const paidOn = payDay > today ? today : payDay;
    const payable = await prisma.grantTranche.findMany({
      where: { projectId: p.id, trigger: "SIGNING", status: "PAYABLE" },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    });
    for (const t of payable) {
      const result = await recordPayment({
        projectId: p.id,
        trancheId: t.id,
        paidOn: toDateInput(paidOn),
        voucherNo: `BK-${p.projectNo}-${t.position}`,
        receivingAccount: `${p.organization.name} 南京银行江宁支行 0187 2000 ${p.projectNo.replace(/\D/g, "").slice(-4)}`,
        actor: staff,
        now: today,
      });
      if (result.ok) paid += 1;
    }
  }
  return { paid, notDue: keptNotDue, overdue: keptOverdue };
}
