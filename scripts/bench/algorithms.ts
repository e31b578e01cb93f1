// The staff algorithms at volume (issue #17 item 6), timed on the benchmark database:
// automatic reviewer assignment of 5,000 applications × 5 reviewers (with its writes),
// and ranking plus allocation of 5,000 × 5 × 7 scores (computed, then stored as the
// shortlist). Each run is undone afterwards so the database stays reusable. Beside the wall
// time, the process's CPU time: on this shared machine the difference is time spent waiting
// for a core (the steps do no other waiting), so CPU time is what a quiet machine would show.
// App modules are imported inside the function: the Prisma client must see DATABASE_URL first.
import type { BenchDb } from "./build-db";

async function timed<T>(run: () => Promise<T>) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const value = await run();
  const cpu = process.cpuUsage(cpuBefore);
  return { value, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const times = (t: { ms: number; cpuMs: number }) => `${Math.round(t.ms)} ms | ${Math.round(t.cpuMs)} ms`;

export async function runAlgorithms(bench: BenchDb): Promise<string[]> {
  process.env.DATABASE_URL = `file:${bench.file}`;
  const { prisma } = await import("~/utils/db.server");
  const { autoAssign } = await import("~/modules/grants/review/panel.server");
  const { computeCallRanking, candidatesOf, allocationRulesOf } =
    await import("~/modules/grants/review/results.server");
  const { allocate } = await import("~/modules/grants/ranking/allocation");
  const { generateShortlist } = await import("~/modules/grants/ranking/allocation.server");
  const admin = await prisma.user.findFirstOrThrow({ where: { email: "admin@yimiao.demo" }, select: { id: true } });
  const lines = ["| staff algorithm | wall time | CPU time | target |", "|---|---|---|---|"];

  // Undo any earlier interrupted run first.
  await prisma.reviewAssignment.deleteMany({ where: { roundId: bench.assignCallId } });
  const dueAt = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const assign = await timed(() =>
    autoAssign(bench.assignCallId, { reviewerIds: bench.reviewerIds, k: 5, seed: "bench", dueAt }, { actor: admin }),
  );
  if (!assign.value.ok) throw new Error(`autoAssign failed: ${JSON.stringify(assign.value)}`);
  const added = assign.value.added;
  lines.push(
    `| automatic assignment, 5,000 applications × 5 reviewers (${added} rows written) | ${times(assign)} | ≤ 2,000 ms |`,
  );
  await prisma.reviewAssignment.deleteMany({ where: { roundId: bench.assignCallId } });

  const ranking = await timed(async () => {
    const computed = await computeCallRanking(bench.reviewCallId);
    if (!computed) throw new Error("no ranking");
    return allocate(candidatesOf(computed.rows), allocationRulesOf(computed.call), []);
  });
  lines.push(
    `| ranking and allocation, 5,000 × 5 × 7 (${ranking.value.rows.length} ranked) | ${times(ranking)} | ≤ 1,000 ms |`,
  );

  await prisma.grantAward.deleteMany({ where: { callId: bench.reviewCallId } });
  await prisma.grantCall.update({ where: { id: bench.reviewCallId }, data: { reviewStage: "OPEN" } });
  const shortlist = await timed(() => generateShortlist(bench.reviewCallId, admin));
  lines.push(
    `| generate the shortlist (ranking, allocation and ${shortlist.value.ranked} award rows written) | ${times(shortlist)} | ≤ 1,000 ms |`,
  );
  await prisma.grantAward.deleteMany({ where: { callId: bench.reviewCallId } });
  await prisma.grantCall.update({ where: { id: bench.reviewCallId }, data: { reviewStage: "OPEN" } });
  await prisma.$disconnect();
  return lines;
}
