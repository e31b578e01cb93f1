import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuditTrail } from "~/components/audit-trail";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
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
import { RECOMMENDATIONS, reviewAssignmentWorkflow, type Recommendation } from "~/modules/review/assignment-workflow";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { withStateChanges } from "~/modules/workflows";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

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
  const formData = await request.formData();
  const intent = formData.get("intent");
  const formKey = String(formData.get("assignmentId") ?? "");
  const schema =
    intent === "replace"
      ? ReplaceReviewerSchema
      : intent === "add"
        ? AddReviewerSchema
        : intent === "reopen"
          ? ReopenReviewSchema
          : null;
  invariantResponse(schema, "未知操作");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return Response.json({ intent, formKey, reply: submission.reply() }, { status: 400 });
  try {
    const v = submission.value;
    const result =
      v.intent === "replace"
        ? await replaceReviewer(callId, applicationId, v, ctx)
        : v.intent === "add"
          ? await addReviewer(callId, applicationId, v, ctx)
          : await reopenReview(callId, applicationId, v, ctx);
    if (!result.ok) {
      return Response.json(
        {
          intent,
          formKey,
          reply: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }),
        },
        { status: 400 },
      );
    }
    const message =
      v.intent === "replace"
        ? `已更换为 ${result.name}，并通知了相关专家。`
        : v.intent === "add"
          ? `已补派 ${result.name}，并通知了该专家。`
          : `已重新开放 ${result.name} 的评分，并通知了该专家。`;
    return Response.json({ intent, formKey, reply: submission.reply({ resetForm: true }), message });
  } catch (error) {
    if (error instanceof WorkflowError) {
      return Response.json(
        { intent, formKey, reply: submission.reply({ formErrors: [error.message] }) },
        { status: error.status },
      );
    }
    throw error;
  }
}

type ActionData = { intent?: string; formKey?: string; reply?: SubmissionResult<string[]>; message?: string };

export default function ApplicationReview() {
  const { call, application, assignments, activeCount, submittedCount, finalScore, spread, flagged, eligible, events } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const open = call.reviewStage === "OPEN";
  const k = call.reviewersPerApplication;
  const resultFor = (intent: string, formKey = "") =>
    actionData?.intent === intent && (actionData.formKey ?? "") === formKey ? actionData : undefined;
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

      {actionData?.message ? (
        <p
          role="status"
          className="rounded-md bg-brand-50 p-3 text-sm text-brand-800"
          data-testid="review-action-result"
        >
          {actionData.message}
        </p>
      ) : null}

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
        {assignments.length === 0 ? <p className="card text-sm text-gray-500">尚未分配评审专家。</p> : null}
        {assignments.map((a) => {
          const inactive = a.status === "RECUSED" || a.status === "REPLACED";
          return (
            <article
              key={a.id}
              className={`card space-y-3 ${inactive ? "opacity-80" : ""}`}
              data-testid="assignment-card"
              aria-label={`${a.reviewer.name} 的评审`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-base font-semibold text-gray-900">{a.reviewer.name}</h2>
                <span className="rounded bg-gray-100 px-2 py-0.5 text-xs" data-testid="assignment-status">
                  {reviewAssignmentWorkflow.stateLabels[a.status]}
                </span>
              </div>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-gray-500">截止日期</dt>
                  <dd>{formatDate(a.dueAt)}</dd>
                </div>
                <div>
                  <dt className="text-gray-500">提交时间</dt>
                  <dd>{formatDateTime(a.submittedAt)}</dd>
                </div>
                <div>
                  <dt className="text-gray-500">分配方式</dt>
                  <dd>{a.bySeed ? `自动分配（种子 ${a.bySeed}）` : "人工指派"}</dd>
                </div>
                <div>
                  <dt className="text-gray-500">最近催办</dt>
                  <dd>{formatDateTime(a.remindedAt)}</dd>
                </div>
              </dl>
              {a.status === "RECUSED" ? <p className="text-sm">回避理由：{a.recuseReason ?? "—"}</p> : null}
              {a.status === "REPLACED" ? <p className="text-sm">更换理由：{a.replaceReason ?? "—"}</p> : null}
              {a.total != null ? (
                <div className="overflow-x-auto">
                  <table className="table-basic" aria-label={`${a.reviewer.name} 的评分`}>
                    <thead>
                      <tr>
                        {call.criteria.map((c) => (
                          <th key={c.id}>
                            {c.name}（{c.maxScore} 分，权重 {c.weightPct}%）
                          </th>
                        ))}
                        <th>加权总分</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        {call.criteria.map((c) => (
                          <td key={c.id}>{a.scores[c.id] ?? "—"}</td>
                        ))}
                        <td className="font-semibold">{a.total.toFixed(2)}</td>
                      </tr>
                    </tbody>
                  </table>
                </div>
              ) : null}
              {a.comment || a.recommendation ? (
                <div className="space-y-1 text-sm">
                  {a.recommendation ? (
                    <p>评审建议：{RECOMMENDATIONS[a.recommendation as Recommendation] ?? a.recommendation}</p>
                  ) : null}
                  {a.comment ? <p className="whitespace-pre-line">评审意见：{a.comment}</p> : null}
                </div>
              ) : null}
              {open && (a.status === "ASSIGNED" || a.status === "DRAFTED") ? (
                <ReplaceForm
                  assignmentId={a.id}
                  reviewerName={a.reviewer.name}
                  options={options}
                  actionData={resultFor("replace", a.id)}
                />
              ) : null}
              {open && a.status === "SUBMITTED" ? (
                <ReopenForm assignmentId={a.id} reviewerName={a.reviewer.name} actionData={resultFor("reopen", a.id)} />
              ) : null}
            </article>
          );
        })}
      </section>

      {open && activeCount < k ? (
        <AddForm options={options} missing={k - activeCount} actionData={resultFor("add")} />
      ) : null}

      <AuditTrail title="评审任务记录" events={events} entityType={GRANT_SUBJECT_TYPE} entityId={application.id} />
    </div>
  );
}

type Option = { value: string; label: string };

function ReplaceForm({
  assignmentId,
  reviewerName,
  options,
  actionData,
}: {
  assignmentId: string;
  reviewerName: string;
  options: Option[];
  actionData?: ActionData;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `replace-${assignmentId}`,
    lastResult: actionData?.reply,
    constraint: getZodConstraint(ReplaceReviewerSchema),
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: ReplaceReviewerSchema });
    },
  });
  return (
    <details className="rounded-md border border-gray-200 p-3" open={!!actionData?.reply}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">更换评审专家</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3" aria-label={`更换 ${reviewerName}`}>
        <input type="hidden" name="intent" value="replace" />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <SelectField
          meta={fields.reviewerId}
          label="替换为"
          options={options}
          hint={options.length ? undefined : "没有可指派的专家（已排除有利益关联和已在本项目的专家）"}
        />
        <TextareaField meta={fields.reason} label="更换理由" rows={2} />
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.assignmentId.errors ?? [])]} />
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          确认更换
        </button>
      </Form>
    </details>
  );
}

function ReopenForm({
  assignmentId,
  reviewerName,
  actionData,
}: {
  assignmentId: string;
  reviewerName: string;
  actionData?: ActionData;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `reopen-${assignmentId}`,
    lastResult: actionData?.reply,
    constraint: getZodConstraint(ReopenReviewSchema),
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: ReopenReviewSchema });
    },
  });
  return (
    <details className="rounded-md border border-gray-200 p-3" open={!!actionData?.reply}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">重新开放评分</summary>
      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-3 space-y-3"
        aria-label={`重新开放 ${reviewerName} 的评分`}
      >
        <input type="hidden" name="intent" value="reopen" />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <TextareaField meta={fields.reason} label="重新开放理由" rows={2} hint="专家可见；专家修改后需重新提交" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          确认重新开放
        </button>
      </Form>
    </details>
  );
}

function AddForm({ options, missing, actionData }: { options: Option[]; missing: number; actionData?: ActionData }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-reviewer",
    lastResult: actionData?.reply,
    constraint: getZodConstraint(AddReviewerSchema),
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: AddReviewerSchema });
    },
  });
  return (
    <section className="card space-y-3" aria-labelledby="add-reviewer-heading">
      <h2 id="add-reviewer-heading" className="text-base font-semibold text-gray-900">
        补派评审专家
      </h2>
      <p className="text-sm text-red-700">本项目还差 {missing} 位评审专家。</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="add" />
        <SelectField
          meta={fields.reviewerId}
          label="补派专家"
          options={options}
          hint={options.length ? undefined : "没有可指派的专家（已排除有利益关联和已在本项目的专家）"}
        />
        <TextareaField meta={fields.reason} label="补派理由" rows={2} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          补派评审专家
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
