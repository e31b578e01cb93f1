// Keyset paging (~/utils/paging, decision 023): walking a list by its next links, and
// back by its previous links, gives exactly the pages that page numbers (OFFSET) give,
// also where many rows share a sort key; a malformed cursor falls back to the page number.
import { expect, test } from "vitest";
import { parseAuditFilters } from "~/modules/admin/audit-filters";
import { AUDIT_ORDER, listAuditEvents } from "~/modules/admin/audit-log.server";
import { directoryKeysetOrder, searchDirectory, type DirectoryQuery } from "~/modules/organizations/directory.server";
import { prisma } from "~/utils/db.server";
import { AUDIT_PAGE_SIZE, decodeCursor, PAGE_SIZE, readPageStart, type KeysetOrder } from "~/utils/paging";

type Paged = { ids: string[]; next: string | null; prev: string | null };

/** Every page by number, then the same pages by following next links and then previous links. */
async function walk(
  pages: number,
  read: (page: number, after: string | null, before: string | null) => Promise<Paged>,
) {
  const byNumber: string[][] = [];
  for (let p = 1; p <= pages; p++) byNumber.push((await read(p, null, null)).ids);
  const forward: string[][] = [];
  let cursor: string | null = null;
  let last: Paged | null = null;
  for (let p = 1; p <= pages; p++) {
    last = await read(p, cursor, null);
    forward.push(last.ids);
    cursor = last.next;
  }
  expect(last!.next).toBeNull();
  const backward: string[][] = [last!.ids];
  let back = last!.prev;
  for (let p = pages - 1; p >= 2; p--) {
    const page = await read(p, null, back);
    backward.unshift(page.ids);
    back = page.prev;
  }
  backward.unshift((await read(1, null, null)).ids);
  return { byNumber, forward, backward };
}

test("the audit log's next and previous links give the pages OFFSET gives, with equal times", async () => {
  const base = Date.UTC(2026, 4, 1);
  // 230 events over 23 distinct instants: ten share each createdAt.
  await prisma.auditEvent.createMany({
    data: Array.from({ length: 230 }, (_, i) => ({
      action: "user.lock",
      entityType: "User",
      entityId: `u${i}`,
      createdAt: new Date(base + Math.floor(i / 10) * 60_000),
    })),
  });
  const filters = parseAuditFilters(new URLSearchParams());
  const pages = Math.ceil(230 / AUDIT_PAGE_SIZE);
  const read = async (page: number, after: string | null, before: string | null) => {
    const params = new URLSearchParams();
    if (after) params.set("after", after);
    if (before) params.set("before", before);
    const r = await listAuditEvents(filters, page, readPageStart(params, AUDIT_ORDER));
    return { ids: r.events.map((e) => e.id), next: r.cursors?.next ?? null, prev: r.cursors?.prev ?? null };
  };
  const { byNumber, forward, backward } = await walk(pages, read);
  expect(new Set(byNumber.flat()).size).toBe(230);
  expect(forward).toEqual(byNumber);
  expect(backward).toEqual(byNumber);
  // A malformed cursor is ignored: the page number decides.
  const garbled = await listAuditEvents(filters, 3, readPageStart(new URLSearchParams("after=%5B1%2C"), AUDIT_ORDER));
  expect(garbled.events.map((e) => e.id)).toEqual(byNumber[2]);
});

test("the directory pages by registration date and by name through its links", async () => {
  const day = Date.UTC(2020, 0, 1);
  await prisma.organization.createMany({
    data: Array.from({ length: 95 }, (_, i) => ({
      id: `keyset-org-${String((i * 37) % 95).padStart(3, "0")}`,
      type: "SOCIAL_SERVICE",
      name: `键集分页测试组织${String((i * 53) % 95).padStart(3, "0")}`,
      status: i % 19 === 0 ? "REVOKED" : "REGISTERED",
      // Five organizations registered at each instant.
      registeredAt: new Date(day + Math.floor(i / 5) * 86_400_000),
    })),
  });
  for (const sort of ["date", "name"] as const) {
    const order = directoryKeysetOrder(sort)!;
    const query: DirectoryQuery = { q: "", type: null, area: null, status: "ALL", grade: "", sort, page: 1 };
    const read = async (page: number, after: string | null, before: string | null) => {
      const r = await searchDirectory(
        { ...query, page },
        { after: decodeCursor(after, order), before: decodeCursor(before, order) },
      );
      return { ids: r.organizations.map((o) => o.id), next: r.cursors?.next ?? null, prev: r.cursors?.prev ?? null };
    };
    const { byNumber, forward, backward } = await walk(Math.ceil(95 / PAGE_SIZE), read);
    expect(byNumber.flat(), sort).toHaveLength(95);
    expect(forward, sort).toEqual(byNumber);
    expect(backward, sort).toEqual(byNumber);
  }
});

test("cursors are checked against the list's key type", () => {
  const date: KeysetOrder = { field: "createdAt", direction: "desc", type: "date" };
  const name: KeysetOrder = { field: "name", direction: "asc", type: "string" };
  const number: KeysetOrder = { field: "rank", direction: "asc", type: "number" };
  expect(decodeCursor('["2026-05-01T00:00:00.000Z","c1"]', date)).toEqual({
    key: "2026-05-01T00:00:00.000Z",
    id: "c1",
  });
  expect(decodeCursor('["not a date","c1"]', date)).toBeNull();
  expect(decodeCursor('["阳光","c1"]', name)).toEqual({ key: "阳光", id: "c1" });
  expect(decodeCursor("[3,1]", name)).toBeNull();
  expect(decodeCursor('[3,"c1"]', number)).toEqual({ key: 3, id: "c1" });
  expect(decodeCursor('["3","c1"]', number)).toBeNull();
  expect(decodeCursor("{", name)).toBeNull();
  expect(decodeCursor(null, name)).toBeNull();
  expect(decodeCursor(`["${"x".repeat(400)}","c1"]`, name)).toBeNull();
  // after wins over before; both absent means "by page number".
  expect(readPageStart(new URLSearchParams('after=["a","1"]&before=["b","2"]'), name)).toEqual({
    after: { key: "a", id: "1" },
    before: null,
  });
  expect(readPageStart(new URLSearchParams(""), name)).toEqual({ after: null, before: null });
});
