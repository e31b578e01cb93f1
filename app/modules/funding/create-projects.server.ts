// Confirming the shortlist creates one funded project per funded application
// (decision 012): the award, the approved budget lines, KPIs, milestones, the
// call's tranche plan and the first agreement version to review and sign.
import { recordAudit } from "~/modules/audit/audit.server";
import { streetOf } from "~/modules/directory/conditions";
import { addMonths } from "~/utils/dates";
import type { Tx } from "~/utils/db.server";
import { parseGrantData } from "../grants/applications/application-form";
import { parseKpiTarget, projectNumber, scaleBudgetLines } from "./project-terms";
import { splitTranches } from "./tranches";

export const GRANT_PROJECT_ENTITY = "GrantProject";

/** The next number of the year across all calls (two calls of one year must not both have GY2026-001). */
async function nextProjectNumber(tx: Tx, year: number) {
  const taken = await tx.grantProject.count({ where: { projectNo: { startsWith: `GY${year}-` } } });
  return projectNumber(year, taken + 1);
}

export async function createFundedProject(
  tx: Tx,
  input: { applicationId: string; awardFen: number; actorId: string; request?: Request; now: Date },
) {
  const app = await tx.grantApplication.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: {
      id: true,
      title: true,
      category: true,
      data: true,
      organizationId: true,
      organization: { select: { address: true } },
      projectStart: true,
      projectEnd: true,
      call: {
        select: {
          id: true,
          year: true,
          signingEndsAt: true,
          reportEveryMonths: true,
          tranchePlan: { orderBy: { position: "asc" }, select: { percent: true, trigger: true } },
        },
      },
      budgetLines: { orderBy: { position: "asc" }, select: { category: true, description: true, requestedFen: true } },
      indicators: { orderBy: { position: "asc" }, select: { kind: true, name: true, target: true } },
      milestones: { orderBy: { position: "asc" }, select: { title: true, description: true, dueDate: true } },
    },
  });
  const startsOn = app.projectStart ?? input.now;
  const endsOn = app.projectEnd ?? addMonths(startsOn, 12);
  const lines = scaleBudgetLines(app.budgetLines, input.awardFen).filter((l) => l.plannedFen > 0);
  const project = await tx.grantProject.create({
    data: {
      callId: app.call.id,
      applicationId: app.id,
      organizationId: app.organizationId,
      projectNo: await nextProjectNumber(tx, app.call.year),
      title: app.title,
      category: app.category,
      serviceArea: serviceAreaOf(app.data),
      // The organization's street as it was when funded: the statistics count the project there.
      street: streetOf(app.organization.address),
      awardFen: input.awardFen,
      startsOn,
      endsOn,
      reportEveryMonths: app.call.reportEveryMonths,
      signingDueAt: app.call.signingEndsAt,
      budgetLines: {
        create: lines.map((l, i) => ({
          category: l.category,
          description: l.description,
          plannedFen: l.plannedFen,
          revisedFen: l.plannedFen,
          position: i + 1,
        })),
      },
      kpis: {
        create: app.indicators.map((k, i) => {
          const parsed = parseKpiTarget(k.target);
          return {
            kind: k.kind,
            name: k.name,
            target: k.target,
            targetValue: parsed.value,
            unit: parsed.unit,
            position: i + 1,
          };
        }),
      },
      milestones: {
        create: app.milestones.map((m, i) => ({ ...m, position: i + 1 })),
      },
      tranches: {
        create: splitTranches(input.awardFen, app.call.tranchePlan).map((t) => ({ ...t, status: "PLANNED" })),
      },
      agreements: { create: { version: 1, kind: "ORIGINAL", status: "DRAFT", endsOn, createdById: input.actorId } },
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "grant_project.create",
    entityType: GRANT_PROJECT_ENTITY,
    entityId: project.id,
    toState: "AWAITING_SIGNATURE",
    reason: "确认立项名单，生成立项项目",
    request: input.request,
  });
  return project;
}

/** The street and community the application says it serves (public: no personal data). */
function serviceAreaOf(data: string): string | null {
  const parsed = parseGrantData(data);
  const street = parsed.serviceArea?.trim() ?? "";
  const community = parsed.community?.trim() ?? "";
  const area = street.includes(community) ? street : `${street} ${community}`.trim();
  return area ? area.slice(0, 100) : null;
}
