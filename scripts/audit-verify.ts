// npm run audit:verify: walks the audit hash chain of DATABASE_URL and names the first broken
// link. Exit code 0 when intact, 1 when broken (usable from cron or monitoring). The result is
// stored (AuditChainCheck): the staff audit page starts from it and verifies only what was
// appended since (decision 028), so run it daily.
import { describeChainState } from "~/modules/audit/chain";
import { runFullChainCheck } from "~/modules/audit/chain-check.server";
import { prisma } from "~/utils/db.server";

process.env.DATABASE_URL ??= "file:./data/dev.db";

const state = await runFullChainCheck();
await prisma.$disconnect();
console.log(describeChainState(state));
if (state.intact) {
  if (state.head) console.log(`head #${state.head.seq} ${state.head.hash}`);
} else {
  if (state.broken.eventId) console.log(`event id ${state.broken.eventId}`);
  process.exitCode = 1;
}
