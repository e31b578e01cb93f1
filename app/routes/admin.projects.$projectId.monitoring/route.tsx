import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SectionCard } from "~/components/section-card";
import { requireStaffProject } from "~/modules/funding/access.server";
import {
  CANCEL_VISIT,
  CancelVisitSchema,
  CLOSE_VISIT,
  CloseVisitSchema,
  endOfDateInput,
  PLAN_VISIT,
  PlanVisitSchema,
  RECORD_VISIT,
  RecordVisitSchema,
  REOPEN_VISIT,
  ReopenVisitSchema,
} from "~/modules/funding/monitoring-forms";
import { VisitCard } from "~/modules/funding/monitoring-view";
import {
  askAgain,
  cancelVisit,
  closeVisit,
  listProjectVisits,
  planVisit,
  recordVisit,
} from "~/modules/funding/monitoring.server";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "~/modules/funding/project-workflow";
import { dispatchIntent, handler } from "~/utils/action.server";
import { parseDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { CancelVisitForm, CloseVisitForm, PlanVisitForm, RecordVisitForm, ReopenVisitForm } from "./staff-forms";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  return {
    active: ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState),
    visits: await listProjectVisits(project.id),
    now: new Date(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const who = { projectId: project.id, actorId: user.id, request };
  const back = () => redirect(`/admin/projects/${project.id}/monitoring`);
  return dispatchIntent(await readForm(request), {
    [PLAN_VISIT]: handler({
      schema: PlanVisitSchema,
      run: (v) =>
        prisma.$transaction((tx) =>
          planVisit(tx, { ...who, visitedOn: parseDateInput(v.visitedOn)!, purpose: v.purpose }),
        ),
      done: back,
    }),
    [RECORD_VISIT]: handler({
      schema: RecordVisitSchema,
      run: (v) =>
        prisma.$transaction((tx) =>
          recordVisit(tx, {
            ...who,
            visitId: v.visitId || null,
            visitedOn: parseDateInput(v.visitedOn)!,
            findings: v.findings,
            requestedActions: v.requestedActions,
            replyDueAt: endOfDateInput(v.replyDueOn),
          }),
        ),
      done: back,
    }),
    [CANCEL_VISIT]: handler({
      schema: CancelVisitSchema,
      run: (v) => prisma.$transaction((tx) => cancelVisit(tx, { ...who, visitId: v.visitId, reason: v.reason })),
      done: back,
    }),
    [CLOSE_VISIT]: handler({
      schema: CloseVisitSchema,
      run: (v) => prisma.$transaction((tx) => closeVisit(tx, { ...who, visitId: v.visitId, note: v.note })),
      done: back,
    }),
    [REOPEN_VISIT]: handler({
      schema: ReopenVisitSchema,
      run: (v) =>
        prisma.$transaction((tx) =>
          askAgain(tx, { ...who, visitId: v.visitId, reason: v.reason, replyDueAt: endOfDateInput(v.replyDueOn) }),
        ),
      done: back,
    }),
  });
}

export default function StaffProjectMonitoring() {
  const { active, visits, now } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <SectionCard id="monitoring" title="督导">
        <p className="text-sm text-gray-600">
          安排督导走访（机构会收到走访日期和督导重点），走访后记录督导发现和整改要求，机构在回复期限前回复，查看回复后关闭。
        </p>
      </SectionCard>
      {active ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard id="plan-visit" title="安排督导走访">
            <PlanVisitForm />
          </SectionCard>
          <SectionCard id="record-visit" title="记录未经安排的督导">
            <RecordVisitForm visitId={null} />
          </SectionCard>
        </div>
      ) : null}
      {visits.length === 0 ? <p className="text-sm text-gray-500">本项目还没有督导记录。</p> : null}
      {visits.map((visit) => (
        <VisitCard key={visit.id} visit={visit} now={now}>
          {active && visit.status === "PLANNED" ? (
            <div className="grid gap-4 border-t border-gray-100 pt-3 lg:grid-cols-2">
              <RecordVisitForm visitId={visit.id} plannedOn={visit.visitedOn} />
              <CancelVisitForm visitId={visit.id} />
            </div>
          ) : null}
          {visit.status === "OPEN" || visit.status === "REPLIED" ? (
            <div className="grid gap-4 border-t border-gray-100 pt-3 lg:grid-cols-2">
              <CloseVisitForm visitId={visit.id} replied={visit.status === "REPLIED"} />
              {active && visit.status === "REPLIED" ? <ReopenVisitForm visitId={visit.id} /> : null}
            </div>
          ) : null}
        </VisitCard>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
