import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { SectionCard } from "~/components/section-card";
import { replyFor, useConformForm, useIsPending } from "~/components/use-form";
import { requireMemberProject } from "~/modules/funding/access.server";
import { REPLY_VISIT, ReplyVisitSchema } from "~/modules/funding/monitoring-forms";
import { VisitCard } from "~/modules/funding/monitoring-view";
import { listProjectVisits, replyToVisit } from "~/modules/funding/monitoring.server";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "~/modules/funding/project-workflow";
import { answerIntent, handler } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  const visits = await listProjectVisits(project.id);
  return {
    active: ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState),
    // A cancelled plan that never happened is of no use to the organization any more.
    visits: visits.filter((v) => v.status !== "CANCELLED"),
    now: new Date(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireMemberProject(request, params.projectId);
  return answerIntent(
    REPLY_VISIT,
    await readForm(request),
    handler({
      schema: ReplyVisitSchema,
      run: (v) =>
        prisma.$transaction((tx) =>
          replyToVisit(tx, { projectId: project.id, actorId: user.id, visitId: v.visitId, reply: v.reply, request }),
        ),
      done: () => redirect(`/org/projects/${project.id}/monitoring`),
    }),
  );
}

function ReplyForm({ visitId }: { visitId: string }) {
  const result = replyFor(useActionData<typeof action>(), REPLY_VISIT);
  const reply = result?.initialValue?.visitId === visitId ? result : undefined;
  const [form, fields] = useConformForm({
    id: `${REPLY_VISIT}-${visitId}`,
    intent: REPLY_VISIT,
    schema: ReplyVisitSchema,
    reply,
  });
  const busy = useIsPending({ intent: REPLY_VISIT });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-gray-100 pt-3">
      <input type="hidden" name="intent" value={REPLY_VISIT} />
      <input type="hidden" name="visitId" value={visitId} />
      <TextareaField
        meta={fields.reply}
        label="回复督导意见"
        rows={4}
        hint="逐项说明整改要求的落实情况；区民政局查看后关闭督导。"
      />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        提交回复
      </button>
    </Form>
  );
}

export default function OrgProjectMonitoring() {
  const { active, visits, now } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <SectionCard id="monitoring" title="督导">
        <p className="text-sm text-gray-600">
          区民政局对项目开展督导走访：走访前告知日期和督导重点，走访后提出整改要求，请在回复期限前回复。
        </p>
      </SectionCard>
      {visits.length === 0 ? <p className="text-sm text-gray-500">本项目还没有督导记录。</p> : null}
      {visits.map((visit) => (
        <VisitCard key={visit.id} visit={visit} now={now}>
          {active && visit.status === "OPEN" ? <ReplyForm visitId={visit.id} /> : null}
        </VisitCard>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
