// The per-call ledger read from the records (ledger.ts computes it).
import { prisma } from "~/utils/db.server";
import { callLedger, ledgerLines, ledgerProblems } from "./ledger";

/** The call's ledger: one query with nested selects, the figures from ledger.ts. */
export async function loadCallLedger(callId: string) {
  const call = await prisma.grantCall.findUnique({
    where: { id: callId },
    select: {
      poolFen: true,
      projects: {
        select: {
          status: true,
          awardFen: true,
          signedAt: true,
          tranches: { select: { amountFen: true, status: true } },
          refunds: { select: { amountFen: true, receivedFen: true, status: true } },
        },
      },
    },
  });
  if (!call) return null;
  const ledger = callLedger(call.poolFen, call.projects);
  return { ledger, lines: ledgerLines(ledger), problems: ledgerProblems(ledger) };
}
