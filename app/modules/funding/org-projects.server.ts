// The organization's funded projects (#13 item 9): each with its stage, what the
// organization has to do next (next-due.ts, its own items), what it waits for from the
// bureau, and whether anything of its own is overdue. An organization holds a handful of
// projects, so the list is not paged; the due facts load in one query per kind of record.
import { prisma } from "~/utils/db.server";
import { dueItems } from "./next-due";
import { loadDueFacts } from "./next-due.server";

export async function listOrgProjects(organizationId: string, now: Date) {
  const projects = await prisma.grantProject.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { projectNo: "desc" }],
    select: {
      id: true,
      projectNo: true,
      title: true,
      status: true,
      awardFen: true,
      startsOn: true,
      endsOn: true,
      signingDueAt: true,
      call: { select: { title: true } },
    },
  });
  const facts = await loadDueFacts(prisma, projects);
  return projects.map((p) => {
    const items = dueItems(facts.get(p.id)!, now);
    const ours = items.filter((i) => i.party === "ORG");
    return {
      ...p,
      next: ours[0] ?? null,
      waitingFor: ours.length === 0 ? (items.find((i) => i.party === "STAFF") ?? null) : null,
      overdue: ours.filter((i) => i.overdue).map((i) => i.label),
    };
  });
}
