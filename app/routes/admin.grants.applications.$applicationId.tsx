import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmButton, ConfirmGate } from "~/components/confirm";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import {
  AutoChecksCard,
  GrantApplicationDetails,
  GrantHistory,
  GrantStatusBadge,
} from "~/modules/grants/applications/application-view";
import {
  grantApplicationWorkflow,
  type GrantApplicationState,
} from "~/modules/grants/applications/application-workflow";
import {
  getGrantApplication,
  listGrantDocuments,
  listGrantHistory,
  recheckApplications,
  toStoredApplication,
} from "~/modules/grants/applications/applications.server";
import { grantDocuments } from "~/modules/grants/applications/documents";
import { nextToScreen, screenApplications } from "~/modules/grants/applications/staff-screening.server";
import {
  correctionDueAtOf,
  parseAutoChecks,
  SCREEN_FAILED_CONFIRM,
  SCREENING_ACTION_LABELS,
  ScreeningSchema,
  type ScreeningAction,
} from "~/modules/grants/screening/screening";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { fail, succeed } from "~/utils/write-result";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.title || "项目申报"} · 资格审查 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const row = await getGrantApplication(params.applicationId ?? "");
  invariantResponse(row && row.status !== "DRAFT", "未找到该申报", { status: 404 });
  const [documents, history, next] = await Promise.all([
    listGrantDocuments(row.id),
    listGrantHistory(row.id),
    // Once this one is decided, the page leads to the next one awaiting screening.
    row.status === "SUBMITTED" ? Promise.resolve(null) : nextToScreen(row.callId, row.id),
  ]);
  const stored = toStoredApplication(row);
  const { call, autoChecks, ...application } = row;
  return {
    application,
    call: { id: call.id, title: call.title },
    data: stored.data,
    documents,
    documentKeys: grantDocuments.keysOf(documents),
    history,
    checks: parseAutoChecks(autoChecks),
    next,
    actions: grantApplicationWorkflow
      .available(row.status as GrantApplicationState, "ADMIN")
      .map((t) => t.to)
      .filter((to): to is ScreeningAction => to in SCREENING_ACTION_LABELS),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const row = await getGrantApplication(params.applicationId ?? "");
  invariantResponse(row && row.status !== "DRAFT", "未找到该申报", { status: 404 });
  const formData = await readForm(request);
  if (formData.get("intent") === "recheck") {
    await recheckApplications([row.id]);
    return redirect(`/admin/grants/applications/${row.id}?rechecked=1`);
  }
  formData.set("ids", row.id);
  return answerIntent(
    "screening",
    formData,
    handler({
      schema: ScreeningSchema,
      run: async ({ to, reason, dueAt }) => {
        const { skipped } = await screenApplications({
          ids: [row.id],
          to,
          reason: reason ?? null,
          correctionDueAt: to === "CORRECTION" ? correctionDueAtOf(dueAt) : null,
          actorId: user.id,
          request,
        });
        return skipped.length ? fail(`不能执行：${skipped[0]!.why}`, { status: 409 }) : succeed();
      },
      done: (_, { to }) => redirect(`/admin/grants/applications/${row.id}?done=${to}`),
      confirm: ({ to }) => (to === "SCREEN_FAILED" ? SCREEN_FAILED_CONFIRM : null),
    }),
  );
}

export default function AdminGrantApplication() {
  const { application, call, data, documents, history, checks, actions, next } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const reply = useActionData<typeof action>();
  const done = searchParams.get("done");
  return (
    <div className="space-y-4">
      <PageHeader
        title={application.title || "（未填写项目名称）"}
        description={
          <>
            {application.organization.name} · {call.title} · <GrantStatusBadge status={application.status} /> · 提交于{" "}
            {formatDateTime(application.submittedAt)}
          </>
        }
        actions={
          <>
            {application.project ? (
              <Link to={`/admin/projects/${application.project.id}`} className="btn-primary">
                立项项目主页
              </Link>
            ) : null}
            <Link to={`/admin/grants/${call.id}/applications`} className="btn-secondary">
              返回申报列表
            </Link>
          </>
        }
      />
      <ConfirmGate reply={reply}>
        {done && done in SCREENING_ACTION_LABELS ? (
          <Notice>「{SCREENING_ACTION_LABELS[done as ScreeningAction]}」已办理，并已通知申报机构。</Notice>
        ) : null}
        {done && done in SCREENING_ACTION_LABELS ? <NextToScreen next={next} callId={call.id} /> : null}
        {searchParams.get("rechecked") === "1" ? <Notice>已重新检查。</Notice> : null}
        {application.status === "CORRECTION" ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            已退回补正（截止 {formatDateTime(application.correctionDueAt)}）：{application.correctionNotes}
          </p>
        ) : null}
        {application.screeningNote ? <p className="card text-sm">审查意见：{application.screeningNote}</p> : null}

        <AutoChecksCard checks={checks} />
        <Form method="post">
          <button type="submit" name="intent" value="recheck" className="btn-secondary">
            重新检查
          </button>
        </Form>

        {actions.length ? <ScreeningForm actions={actions} /> : null}
        <GrantApplicationDetails application={application} data={data} documents={documents} />
        <GrantHistory events={history} />
      </ConfirmGate>
    </div>
  );
}

function ScreeningForm({ actions }: { actions: ScreeningAction[] }) {
  const pending = useIsPending({ intent: "screen" });
  const [form, fields] = useConformForm({
    id: "screening",
    schema: ScreeningSchema,
    reply: useActionData<typeof action>(),
    onValidate({ formData }) {
      formData.set("ids", "current");
      return parseWithZod(formData, { schema: ScreeningSchema });
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3" aria-label="资格审查">
      <h2 className="font-medium">资格审查</h2>
      <input type="hidden" name="intent" value="screen" />
      {/* This page screens one application; the action names it. */}
      <input type="hidden" name="ids" value="current" />
      <div>
        <label htmlFor={fields.reason.id} className="mb-1 block text-sm font-medium text-gray-700">
          审查意见（退回补正时填写补正要求；不通过时填写理由，申报机构可见）
        </label>
        <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={3} className="input" />
        <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      {actions.includes("CORRECTION") ? (
        <div className="max-w-xs">
          <label htmlFor={fields.dueAt.id} className="mb-1 block text-sm font-medium text-gray-700">
            补正截止日期（退回补正时填写）
          </label>
          <input {...getInputProps(fields.dueAt, { type: "date" })} key={fields.dueAt.key} className="input" />
          <ErrorList id={fields.dueAt.errorId} errors={fields.dueAt.errors} />
        </div>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <ErrorList id={fields.to.errorId} errors={fields.to.errors} />
      <div className="flex flex-wrap gap-3">
        {actions.map((to) =>
          to === "SCREEN_FAILED" ? (
            <ConfirmButton
              key={to}
              intent="screening"
              {...SCREEN_FAILED_CONFIRM}
              name="to"
              value={to}
              className="btn-danger"
              disabled={pending}
              schema={ScreeningSchema}
            >
              {SCREENING_ACTION_LABELS[to]}
            </ConfirmButton>
          ) : (
            <button
              key={to}
              type="submit"
              name="to"
              value={to}
              className={to === "SCREEN_PASSED" ? "btn-primary" : "btn-secondary"}
              disabled={pending}
            >
              {SCREENING_ACTION_LABELS[to]}
            </button>
          ),
        )}
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** After a decision: the next application awaiting screening, or the call's list when none is left. */
function NextToScreen({
  next,
  callId,
}: {
  next: { id: string; title: string; organization: { name: string } } | null;
  callId: string;
}) {
  return (
    <nav aria-label="下一份" className="card flex flex-wrap items-center gap-3 text-sm">
      {next ? (
        <>
          <Link to={`/admin/grants/applications/${next.id}`} className="btn-primary">
            下一份
          </Link>
          <span className="text-gray-700">
            {next.title || "（未填写项目名称）"} · {next.organization.name}
          </span>
        </>
      ) : (
        <>
          <span className="text-gray-700">本次活动已没有待审查的申报。</span>
          <Link to={`/admin/grants/${callId}/applications?status=SUBMITTED`} className="link">
            返回申报列表
          </Link>
        </>
      )}
    </nav>
  );
}
