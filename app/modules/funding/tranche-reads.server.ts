// What the tranche tabs read: a project's tranches as rows (gate, overdue, what staff may do).
import { prisma } from "~/utils/db.server";
import { trancheRows, trancheTotals, type ProjectMoneyFacts } from "./tranche-rules";
import { TRIGGER_LABELS, type TrancheTrigger } from "./tranches";

export async function projectTranches(project: ProjectMoneyFacts & { id: string; awardFen: number }, now: Date) {
  const tranches = await prisma.grantTranche.findMany({
    where: { projectId: project.id },
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      percent: true,
      amountFen: true,
      trigger: true,
      status: true,
      gateMetAt: true,
      dueAt: true,
      paidAt: true,
      voucherNo: true,
      receivingAccount: true,
      holdReason: true,
    },
  });
  const rows = trancheRows(tranches, project, now);
  const gates = [...new Set(rows.filter((r) => r.canRecordGate).map((r) => r.trigger as TrancheTrigger))].map(
    (trigger) => ({ trigger, label: TRIGGER_LABELS[trigger] }),
  );
  // The account the last payment went to, offered again for the next one.
  const lastAccount = [...rows].reverse().find((r) => r.receivingAccount)?.receivingAccount ?? "";
  return { rows, totals: { award: project.awardFen, ...trancheTotals(rows) }, gates, lastAccount };
}
