// Loads the facts next-due.ts decides from, for many projects at once (one query
// per kind of record, never one per project).
import type { Db } from "~/utils/db.server";
import type { ProjectDueFacts } from "./next-due";

type ProjectHead = { id: string; status: string; signingDueAt: Date | null };

/** The due facts of each project, by project id. */
export async function loadDueFacts(db: Db, projects: ProjectHead[]): Promise<Map<string, ProjectDueFacts>> {
  const ids = projects.map((p) => p.id);
  const facts = new Map<string, ProjectDueFacts>(
    projects.map((p) => [
      p.id,
      {
        status: p.status,
        signingDueAt: p.signingDueAt,
        agreementStatus: null,
        tranches: [],
        reports: [],
        visits: [],
        pendingBudgetChanges: [],
        evaluations: [],
      },
    ]),
  );
  if (ids.length === 0) return facts;
  const projectId = { in: ids };
  const [agreements, tranches, reports, visits, changes, evaluations] = await Promise.all([
    db.grantAgreement.findMany({
      where: { projectId, status: { in: ["DRAFT", "AWAITING_ORG", "AWAITING_BUREAU"] } },
      orderBy: { version: "asc" },
      select: { projectId: true, status: true },
    }),
    db.grantTranche.findMany({
      where: { projectId, status: "PAYABLE" },
      select: { projectId: true, position: true, status: true, dueAt: true },
    }),
    db.grantProgressReport.findMany({
      where: { projectId, status: { in: ["SCHEDULED", "DRAFT", "RETURNED", "SUBMITTED"] } },
      select: { projectId: true, id: true, sequence: true, status: true, dueAt: true },
    }),
    db.grantMonitoringVisit.findMany({
      where: { projectId, status: { in: ["PLANNED", "OPEN", "REPLIED"] } },
      select: { projectId: true, id: true, visitedOn: true, status: true, replyDueAt: true },
    }),
    db.grantBudgetChange.findMany({
      where: { projectId, status: "PENDING" },
      select: { projectId: true, id: true, createdAt: true },
    }),
    db.grantEvaluation.findMany({
      where: { projectId, status: "AWAITING_REPORT" },
      select: { projectId: true, id: true, kind: true, status: true, dueAt: true },
    }),
  ]);
  for (const a of agreements) facts.get(a.projectId)!.agreementStatus = a.status;
  for (const t of tranches) facts.get(t.projectId)!.tranches!.push(t);
  for (const r of reports) facts.get(r.projectId)!.reports!.push(r);
  for (const v of visits) facts.get(v.projectId)!.visits!.push(v);
  for (const c of changes) facts.get(c.projectId)!.pendingBudgetChanges!.push(c);
  for (const e of evaluations) facts.get(e.projectId)!.evaluations!.push(e);
  return facts;
}
