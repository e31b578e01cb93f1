// npm run audit:verify: walks the audit hash chain of DATABASE_URL and names the first broken
// link. Exit code 0 when intact, 1 when broken (usable from cron or monitoring).
import { describeChainState } from "~/modules/audit/chain";
import { verifyAuditChain } from "~/modules/audit/chain.server";
import { prisma } from "~/utils/db.server";

process.env.DATABASE_URL ??= "file:./data/dev.db";

const state = await verifyAuditChain(prisma);
await prisma.$disconnect();
console.log(describeChainState(state));
if (state.intact) {
  if (state.head) console.log(`head #${state.head.seq} ${state.head.hash}`);
} else {
  if (state.broken.eventId) console.log(`event id ${state.broken.eventId}`);
  process.exitCode = 1;
}
