import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { ConfirmGate } from "~/components/confirm";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { requireRole } from "~/modules/auth/permissions.server";
import { orgStatusLabel, orgTypeLabel } from "~/modules/organizations/labels";
import { applicationKindLabel, parseApplicationData } from "~/modules/registration/application-form";
import {
  ApplicationDetails,
  ApplicationDocuments,
  ApplicationHistory,
  OverdueBadge,
  StatusBadge,
} from "~/modules/registration/application-view";
import { listApplicationDocuments, listApplicationHistory } from "~/modules/registration/registration.server";
import { isOverdue } from "~/modules/registration/review";
import { decideApplication, getApplicationForReview } from "~/modules/registration/staff-review.server";
import { registrationWorkflow, type RegistrationState } from "~/modules/registration/workflow";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { DecisionForms } from "./decision-forms";
import {
  AcceptSchema,
  ApproveSchema,
  confirmTexts,
  CorrectionSchema,
  DONE_MESSAGES,
  INTENTS,
  RejectSchema,
  type Intent,
} from "./decisions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.proposedName || "登记申请"} · 登记审查 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const application = await getApplicationForReview(params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const [documents, history] = await Promise.all([
    listApplicationDocuments(application.id),
    listApplicationHistory(application.id),
  ]);
  const { data: json, ...rest } = application;
  const status = application.status as RegistrationState;
  return {
    application: rest,
    data: parseApplicationData(json, application.orgType),
    documents,
    history,
    overdue: isOverdue(application, new Date()),
    actions: registrationWorkflow
      .available(status, "ADMIN")
      .map((t) => ({ to: t.to, label: t.label, requiresReason: !!t.requiresReason })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const application = await getApplicationForReview(params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const confirm = confirmTexts(applicationKindLabel(application.kind));
  const decide = <S extends z.ZodType<{ intent: Intent; reason?: string }>>(schema: S, intent: Intent) =>
    handler({
      schema,
      confirm: confirm[intent],
      run: async (value: { intent: Intent; reason?: string }) => {
        await decideApplication({
          applicationId: application.id,
          to: value.intent,
          reason: value.reason ?? null,
          actorId: admin.id,
          request,
        });
      },
      done: (_, value) => redirect(`/admin/registrations/${application.id}?done=${value.intent}`),
    });
  return dispatchIntent(await readForm(request), {
    ACCEPTED: decide(AcceptSchema, "ACCEPTED"),
    CORRECTION: decide(CorrectionSchema, "CORRECTION"),
    APPROVED: decide(ApproveSchema, "APPROVED"),
    REJECTED: decide(RejectSchema, "REJECTED"),
  });
}

export default function AdminRegistrationDetail() {
  const { application, data, documents, history, overdue } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = INTENTS.find((i) => i === searchParams.get("done"));
  const kindLabel = applicationKindLabel(application.kind);
  const reply = useActionData<typeof action>();
  const org = application.organization;

  return (
    <div className="space-y-4">
      <PageHeader
        title={application.proposedName || "（未填写名称）"}
        description={
          <>
            {orgTypeLabel(application.orgType)} · {kindLabel}申请 · <StatusBadge status={application.status} />
            {overdue ? <OverdueBadge /> : null}
          </>
        }
        actions={
          <Link to="/admin/registrations" className="btn-secondary">
            返回列表
          </Link>
        }
      />
      <ConfirmGate reply={reply}>
        {done ? <Notice>{DONE_MESSAGES[done].replace("登记", kindLabel)}</Notice> : null}

        <section className="card" aria-label="办理情况">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-gray-500">申请组织</dt>
              <dd>
                {org.name}
                <span className="ml-1 text-xs text-gray-500">· {orgStatusLabel(org.status)}</span>
              </dd>
            </div>
            <div>
              <dt className="text-gray-500">提交次数</dt>
              <dd>{application.submissions}</dd>
            </div>
            <div>
              <dt className="text-gray-500">首次提交</dt>
              <dd>{formatDateTime(application.firstSubmittedAt)}</dd>
            </div>
            <div>
              <dt className="text-gray-500">最近提交</dt>
              <dd>{formatDateTime(application.submittedAt)}</dd>
            </div>
            <div>
              <dt className="text-gray-500">办理期限</dt>
              <dd data-testid="due-date">
                {formatDate(application.dueAt)}
                {overdue ? <OverdueBadge /> : null}
              </dd>
            </div>
            <div>
              <dt className="text-gray-500">决定日期</dt>
              <dd>{formatDate(application.decidedAt)}</dd>
            </div>
          </dl>
          {application.correctionNotes ? (
            <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
              <p className="font-medium">
                {application.status === "CORRECTION" ? "补正要求（等待申请人补正）" : "最近一次补正要求"}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{application.correctionNotes}</p>
            </div>
          ) : null}
          {application.status === "REJECTED" && application.decisionReason ? (
            <div className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              <p className="font-medium">不予{kindLabel}理由</p>
              <p className="mt-1 whitespace-pre-wrap">{application.decisionReason}</p>
            </div>
          ) : null}
          {application.status === "APPROVED" && org.uscc ? (
            <div className="mt-4 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm">
              <p className="text-brand-800">统一社会信用代码</p>
              <p className="mt-1 font-mono text-lg font-semibold" data-testid="approved-uscc">
                {org.uscc}
              </p>
              <Link to={`/admin/organizations/${org.id}/certificate`} className="link mt-2 inline-block">
                查看登记证书
              </Link>
            </div>
          ) : null}
        </section>

        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <div className="space-y-4">
            <ApplicationDetails data={data} />
            <ApplicationDocuments orgType={application.orgType} documents={documents} />
          </div>
          <div className="space-y-4">
            <DecisionForms />
            <ApplicationHistory events={history} />
          </div>
        </div>
      </ConfirmGate>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
