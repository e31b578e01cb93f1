import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmGate } from "~/components/confirm";
import { DraftSavedNotice } from "~/components/draft-saved-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { answerEditorForm } from "~/modules/attachments/document-set.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { GRANT_SUBMIT_CONFIRM, grantFormDefaults } from "~/modules/grants/applications/application-form";
import { sectionProgress } from "~/modules/grants/applications/application-progress";
import { buildGrantApplicationSchema } from "~/modules/grants/applications/application-schema";
import {
  GrantApplicationDetails,
  GrantHistory,
  GrantStatusBadge,
} from "~/modules/grants/applications/application-view";
import {
  getOrgGrantApplication,
  listGrantDocuments,
  listGrantHistory,
  saveGrantApplication,
  toStoredApplication,
} from "~/modules/grants/applications/applications.server";
import { grantDocuments } from "~/modules/grants/applications/documents";
import { callRulesOf } from "~/modules/grants/applications/eligibility.server";
import { getApplicationFeedback } from "~/modules/grants/publicity/feedback.server";
import { isEditable, submissionBlock } from "~/modules/grants/screening/screening";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { ApplicationForm, FORM_ID } from "./application-form";
import { ReviewFeedback } from "./review-feedback";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.title || "项目申报"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const row = await getOrgGrantApplication(organization.id, params.applicationId ?? "");
  invariantResponse(row, "未找到该申报", { status: 404 });
  const [documents, history, feedback] = await Promise.all([
    listGrantDocuments(row.id),
    listGrantHistory(row.id),
    getApplicationFeedback(row.id),
  ]);
  const now = new Date();
  const stored = toStoredApplication(row);
  const { call, ...application } = row;
  return {
    feedback,
    application,
    call: { id: call.id, title: call.title, applyClosesAt: call.applyClosesAt, ...callRulesOf(call) },
    data: stored.data,
    defaults: grantFormDefaults(stored),
    progress: sectionProgress(stored, grantDocuments.keysOf(documents), callRulesOf(call)),
    documents,
    history,
    editable: isEditable(row.status, row.correctionDueAt, now),
    block:
      row.status === "DRAFT" || row.status === "CORRECTION"
        ? submissionBlock(row.status, call, row.correctionDueAt, now)
        : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const row = await getOrgGrantApplication(organization.id, params.applicationId ?? "");
  invariantResponse(row, "未找到该申报", { status: 404 });
  const documents = await listGrantDocuments(row.id);
  return answerEditorForm(request, FORM_ID, {
    schema: (fileSchema) =>
      buildGrantApplicationSchema({
        call: callRulesOf(row.call),
        existingDocuments: grantDocuments.keysOf(documents),
        fileSchema,
      }),
    save: ({ intent, values, files }) =>
      saveGrantApplication({
        organizationId: organization.id,
        applicationId: row.id,
        actorId: user.id,
        values,
        files,
        submit: intent === "submit",
        request,
      }),
    redirectTo: (submitted) => `/org/grants/${row.id}?${submitted ? "submitted=1" : "saved=1"}`,
    confirmSubmit: GRANT_SUBMIT_CONFIRM,
  });
}

export default function GrantApplicationPage() {
  const { application, call, data, documents, history, editable, block, progress, feedback } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={application.title || "公益创投项目申报"}
        description={
          <>
            {call.title} · <GrantStatusBadge status={application.status} />
          </>
        }
        actions={
          <>
            {application.project ? (
              <Link to={`/org/projects/${application.project.id}`} className="btn-primary">
                立项项目主页
              </Link>
            ) : null}
            <Link to="/org/grants" className="btn-secondary">
              返回公益创投
            </Link>
          </>
        }
      />
      <ConfirmGate reply={reply}>
        {searchParams.get("saved") === "1" && editable ? (
          <DraftSavedNotice
            message="草稿已保存，可随时回来继续填写。"
            problems={progress.sections.flatMap((s) => s.problems.map((message) => ({ section: s.label, message })))}
          />
        ) : null}
        {searchParams.get("submitted") === "1" && application.status === "SUBMITTED" ? (
          <Notice>申报已提交，区民政局将进行资格审查，结果将通过站内通知告知。</Notice>
        ) : null}

        {application.status === "CORRECTION" && application.correctionNotes ? (
          <section
            className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4"
            aria-labelledby="correction-heading"
          >
            <h2 id="correction-heading" className="font-semibold text-amber-900">
              区民政局要求补正（请于 {formatDateTime(application.correctionDueAt)} 前重新提交）
            </h2>
            <p className="mt-2 whitespace-pre-wrap text-sm text-amber-900" data-testid="correction-notes">
              {application.correctionNotes}
            </p>
          </section>
        ) : null}
        {application.status === "SCREEN_FAILED" ? (
          <section className="rounded-lg border border-red-200 bg-red-50 p-4" aria-label="未通过资格审查">
            <h2 className="font-semibold text-red-800">未通过资格审查</h2>
            <p className="mt-2 whitespace-pre-wrap text-sm text-red-800">{application.screeningNote}</p>
          </section>
        ) : null}
        {application.status === "SCREEN_PASSED" ? (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
            已通过资格审查，项目将进入专家评审。
          </p>
        ) : null}
        {feedback ? <ReviewFeedback feedback={feedback} status={application.status} /> : null}
        {editable && block ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700"
            data-testid="deadline-block"
          >
            {block}
          </p>
        ) : null}

        {editable ? (
          <>
            <nav className="card" aria-label="填写进度">
              <p className="text-sm font-medium">
                填写进度：已完成 <span data-testid="progress-count">{progress.completed}</span> / {progress.total} 部分
              </p>
              <ul className="mt-2 flex flex-wrap gap-2 text-xs">
                {progress.sections.map((s) => (
                  <li key={s.key}>
                    <a
                      href={`#section-${s.key}`}
                      data-complete={s.complete ? "true" : "false"}
                      className={`inline-block rounded-full px-2 py-0.5 ring-1 ring-inset ${s.complete ? "bg-green-50 text-green-800 ring-green-200" : s.problems.length ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-gray-50 text-gray-600 ring-gray-300"}`}
                    >
                      {s.complete ? "✓" : s.problems.length ? "!" : "○"} {s.label}
                      {s.problems.length ? "（待改正）" : ""}
                    </a>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-gray-500">
                申报截止：{formatDateTime(call.applyClosesAt)}。进度按已保存的内容计算。
              </p>
            </nav>
            {/* Remounted after each save so the form starts from what was stored. */}
            <ApplicationForm key={String(application.updatedAt)} />
          </>
        ) : (
          <GrantApplicationDetails application={application} data={data} documents={documents} />
        )}
        <GrantHistory events={history} />
      </ConfirmGate>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
