import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditTrail } from "~/components/audit-trail";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { requireRole } from "~/modules/auth/permissions.server";
import { GRANT_SUBJECT_TYPE } from "~/modules/grants/applications/application-form";
import { GrantStatusBadge } from "~/modules/grants/applications/application-view";
import { AddReviewerSchema, ReopenReviewSchema, ReplaceReviewerSchema } from "~/modules/grants/review/panel";
import {
  addReviewer,
  loadApplicationReview,
  reopenReview,
  replaceReviewer,
} from "~/modules/grants/review/panel.server";
import { withStateChanges } from "~/modules/workflows";
import { dispatchIntent, handler } from "~/utils/action.server";
import { invariantResponse } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";
import { AddForm } from "./add-form";
import { AssignmentCard } from "./assignment-card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `评审详情 · ${data?.application.title ?? "申报"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const review = await loadApplicationReview(params.callId ?? "", params.applicationId ?? "");
  invariantResponse(review, "未找到该申报", { status: 404 });
  return { ...review, events: withStateChanges(review.events) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const callId = params.callId ?? "";
  const applicationId = params.applicationId ?? "";
  const ctx = { actor: admin, request };
  const formData = await readForm(request);

  // The page stays; the message says what changed and who was told.
  return dispatchIntent(formData, {
    replace: handler({
      schema: ReplaceReviewerSchema,
      run: (v) => replaceReviewer(callId, applicationId, v, ctx),
      done: ({ name }) => data({ intent: "replace" as const, message: `已更换为 ${name}，并通知了相关专家。` }),
    }),
    add: handler({
      schema: AddReviewerSchema,
      run: (v) => addReviewer(callId, applicationId, v, ctx),
      done: ({ name }) => data({ intent: "add" as const, message: `已补派 ${name}，并通知了该专家。` }),
    }),
    reopen: handler({
      schema: ReopenReviewSchema,
      run: (v) => reopenReview(callId, applicationId, v, ctx),
      done: ({ name }) => data({ intent: "reopen" as const, message: `已重新开放 ${name} 的评分，并通知了该专家。` }),
    }),
  });
}

export default function ApplicationReview() {
  const { call, application, assignments, activeCount, submittedCount, finalScore, spread, flagged, eligible, events } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const message = reply && !("result" in reply) ? reply.message : null;
  const open = call.reviewStage === "OPEN";
  const k = call.reviewersPerApplication;
  const options = eligible.map((r) => ({
    value: r.id,
    label: `${r.name}（${r.tags.join("、") || "未填专业领域"}，本轮在评 ${r.load} 项）`,
  }));

  return (
    <div className="space-y-4">
      <PageHeader
        title={application.title || "（未填写项目名称）"}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{application.organizationName}</span>
            <span>{application.category ?? "未分类"}</span>
            <GrantStatusBadge status={application.status} />
            <span>{call.title}</span>
          </span>
        }
        actions={
          <>
            <Link to={`/admin/grants/applications/${application.id}`} className="btn-secondary">
              查看申报书
            </Link>
            <Link to={`/admin/grants/${call.id}/review`} className="btn-secondary">
              返回专家评审
            </Link>
          </>
        }
      />

      {message ? <Notice testId="review-action-result">{message}</Notice> : null}

      <section className="card flex flex-wrap gap-3 text-sm" aria-label="评审概况">
        <span className="rounded bg-gray-50 px-2 py-1" data-testid="review-progress">
          已提交 {submittedCount} / {k}
        </span>
        <span className={`rounded px-2 py-1 ${activeCount < k ? "bg-red-50 text-red-800" : "bg-gray-50"}`}>
          在评专家 {activeCount} / {k}
        </span>
        <span className="rounded bg-gray-50 px-2 py-1">
          汇总得分 {finalScore == null ? "—" : finalScore.toFixed(2)}
        </span>
        {flagged ? (
          <span className="rounded bg-amber-50 px-2 py-1 font-medium text-amber-800">
            ⚠ 分歧较大（极差 {spread.toFixed(2)}，阈值 {call.disagreementThreshold}）
          </span>
        ) : null}
      </section>

      <section className="space-y-3" aria-label="评审任务">
        {assignments.length === 0 ? <EmptyState>尚未分配评审专家。</EmptyState> : null}
        {assignments.map((a) => (
          <AssignmentCard key={a.id} assignment={a} options={options} />
        ))}
      </section>

      {open && activeCount < k ? <AddForm options={options} missing={k - activeCount} /> : null}

      <AuditTrail title="评审任务记录" events={events} entityType={GRANT_SUBJECT_TYPE} entityId={application.id} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
