// The staff page's view of the audit chain (decision 028) against a real SQLite file: it starts
// from the latest stored full walk, verifies only what was appended since (up to a window), and
// still finds an appended event edited behind the application's back or the checked head itself
// rewritten. An edit before the check waits for the next full walk, which finds it.
import { describe, expect, test } from "vitest";
import { recordAudits } from "~/modules/audit/audit.server";
import { describeChainView } from "~/modules/audit/chain";
import { readAuditChainView, runFullChainCheck } from "~/modules/audit/chain-check.server";
import { prisma } from "~/utils/db.server";

const events = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    actorId: null,
    action: "grade.record",
    entityType: "Organization",
    entityId: `o${from + i}`,
    reason: "评估结果",
  }));
const append = (n: number, from = 0) => prisma.$transaction((tx) => recordAudits(tx, events(n, from)));
const tamper = (seq: number) => prisma.$executeRaw`UPDATE "AuditEvent" SET "reason" = '篡改' WHERE "seq" = ${seq}`;
const idAt = async (seq: number) =>
  (await prisma.auditEvent.findFirstOrThrow({ where: { seq }, select: { id: true } })).id;

describe("audit chain view", () => {
  test("never checked: the view walks a short chain from the start", async () => {
    await append(5);
    const view = await readAuditChainView();
    expect(view).toMatchObject({ state: { intact: true, length: 5 }, checkedAt: null, unverified: 0 });
    expect(describeChainView(view)).toBe("审计链完整（至 #5）");
  });

  test("after a full walk, the view verifies only the appended events and finds an edited one", async () => {
    await append(10);
    expect(await runFullChainCheck()).toMatchObject({ intact: true, length: 10 });
    await append(5, 10);
    const view = await readAuditChainView();
    expect(view).toMatchObject({ state: { intact: true, length: 15 }, checkedThrough: 10, unverified: 0 });
    expect(view.checkedAt).toBeInstanceOf(Date);

    await tamper(13);
    expect(await readAuditChainView()).toMatchObject({
      state: { intact: false, intactUpTo: 12, broken: { seq: 13, eventId: await idAt(13), reason: "content" } },
    });
  });

  test("the checked head rewritten is found; an older edit waits for the next full walk", async () => {
    await append(10);
    await runFullChainCheck();
    await tamper(4);
    // Not re-walked by a view: the check vouches for #1–#10 until the next full walk.
    expect(await readAuditChainView()).toMatchObject({ state: { intact: true, length: 10 } });
    expect(await runFullChainCheck()).toMatchObject({ intact: false, broken: { seq: 4, reason: "content" } });
    // A stored broken walk stays the page's answer.
    expect(await readAuditChainView()).toMatchObject({ state: { intact: false, broken: { seq: 4 } } });

    await prisma.$executeRaw`UPDATE "AuditEvent" SET "reason" = '评估结果' WHERE "seq" = 4`;
    await runFullChainCheck();
    await tamper(10);
    expect(await readAuditChainView()).toMatchObject({
      state: { intact: false, intactUpTo: 9, broken: { seq: 10, eventId: await idAt(10), reason: "content" } },
    });
  });

  test("more appended events than the window: the view says how many wait, and walks none", async () => {
    await append(3);
    await runFullChainCheck();
    await append(8, 3);
    const view = await readAuditChainView(5);
    expect(view).toMatchObject({ state: { intact: true, length: 3 }, checkedThrough: 3, unverified: 8 });
    expect(describeChainView(view)).toBe("审计链完整（至 #3）；其后 8 条新记录待完整校验");
    await prisma.auditChainCheck.deleteMany();
    expect(describeChainView(await readAuditChainView(5))).toBe("审计链共 11 条，尚未完整校验");
  });
});
