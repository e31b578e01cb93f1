// Every funded project of a call for staff (#13 item 10): stage, money paid, the next
// due item and the overdue flags (next-due.ts decides both, from loadDueFacts).
import { prisma } from "~/utils/db.server";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { dueItems } from "./next-due";
import { loadDueFacts } from "./next-due.server";
import { GRANT_PROJECT_STATES, type GrantProjectState } from "./project-workflow";

export type CallProjectFilter = { status: GrantProjectState | null; payable: boolean; page: number };

export function parseCallProjectFilter(url: URL): CallProjectFilter {
  const status = url.searchParams.get("status");
  return {
    status: GRANT_PROJECT_STATES.includes(status as GrantProjectState) ? (status as GrantProjectState) : null,
    payable: url.searchParams.get("due") === "tranche",
    page: getPage(url),
  };
}

export async function listCallProjects(callId: string, filter: CallProjectFilter, now: Date) {
  const call = await prisma.grantCall.findUnique({ where: { id: callId }, select: { id: true, title: true } });
  if (!call) return null;
  const where = {
    callId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.payable ? { tranches: { some: { status: "PAYABLE" } } } : {}),
  };
  const [total, projects] = await Promise.all([
    prisma.grantProject.count({ where }),
    prisma.grantProject.findMany({
      where,
      orderBy: { projectNo: "asc" },
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        projectNo: true,
        title: true,
        status: true,
        awardFen: true,
        signingDueAt: true,
        organization: { select: { name: true } },
        tranches: { where: { status: "PAID" }, select: { amountFen: true } },
      },
    }),
  ]);
  const facts = await loadDueFacts(prisma, projects);
  const rows = projects.map(({ tranches, ...p }) => {
    const items = dueItems(facts.get(p.id)!, now);
    return {
      ...p,
      paidFen: tranches.reduce((s, t) => s + t.amountFen, 0),
      next: items[0] ?? null,
      overdue: items.filter((i) => i.overdue).map((i) => i.label),
    };
  });
  return { call, rows, total };
}
