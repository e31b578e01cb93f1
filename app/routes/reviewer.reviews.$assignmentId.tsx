import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useMemo, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { GrantApplicationDetails } from "~/modules/grants/application-view";
import { getReviewerTask, recuseFromReview, saveReview } from "~/modules/panels.server";
import { weightedTotal } from "~/modules/review/aggregation";
import { RECOMMENDATIONS } from "~/modules/review/assignment-workflow";
import { formatScore, ReviewStatusBadge } from "~/modules/review/reviewer-view";
import { scoringBlock } from "~/modules/review/reviewer.server";
import {
  buildRubricSchema,
  COMMENT_MIN,
  parseScoreInput,
  recommendationLabel,
  RECOMMENDATION_KEYS,
  RecuseSchema,
  rubricDefaults,
  SCORE_STEP,
  type RubricIntent,
} from "~/modules/review/rubric";
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

const RECUSE_CONSTRAINT = getZodConstraint(RecuseSchema);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.title || "评审任务"} · 评分 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  const task = await getReviewerTask(user.id, params.assignmentId ?? "");
  invariantResponse(task, "未找到", { status: 404 });
  const block = scoringBlock(task);
  return { ...task, block: block?.message ?? null, now: new Date().toISOString() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  const task = await getReviewerTask(user.id, params.assignmentId ?? "");
  invariantResponse(task, "未找到", { status: 404 });
  const formData = await request.formData();

  if (formData.get("intent") === "recuse") {
    const submission = parseWithZod(formData, { schema: RecuseSchema });
    if (submission.status !== "success")
      return Response.json({ form: "recuse", result: submission.reply() }, { status: 400 });
    try {
      await recuseFromReview({ task, reason: submission.value.recuseReason, actor: user, request });
      return redirect("/reviewer/reviews?recused=1");
    } catch (error) {
      const response = workflowErrorResponse(error);
      if (!response) throw error;
      return Response.json(
        { form: "recuse", result: submission.reply({ formErrors: [await response.text()] }) },
        { status: response.status },
      );
    }
  }

  const submission = parseWithZod(formData, { schema: buildRubricSchema(task.criteria) });
  // A submitted (locked) review or a closed round refuses any edit, valid or not.
  const block = scoringBlock(task);
  if (block)
    return Response.json(
      { form: "rubric", result: submission.reply({ formErrors: [block.message] }) },
      { status: block.status },
    );
  if (submission.status !== "success")
    return Response.json({ form: "rubric", result: submission.reply() }, { status: 400 });
  try {
    const { submitted } = await saveReview({ task, values: submission.value, actor: user, request });
    return redirect(`/reviewer/reviews/${task.assignment.id}?${submitted ? "submitted=1" : "saved=1"}`);
  } catch (error) {
    const response = workflowErrorResponse(error);
    if (!response) throw error;
    return Response.json(
      { form: "rubric", result: submission.reply({ formErrors: [await response.text()] }) },
      { status: response.status },
    );
  }
}

export default function ReviewTaskPage() {
  const { assignment, application, data, documents, round, organization, block, now, reopenReason } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const due = assignment.dueAt ?? round.reviewEndsAt;
  const overdue = !block && due != null && new Date(due).getTime() < new Date(now).getTime();
  return (
    <div className="space-y-4">
      <PageHeader
        title={application.title || "（未命名项目）"}
        description={
          <>
            {round.title} · <ReviewStatusBadge status={assignment.status} /> ·{" "}
            <span className={overdue ? "font-medium text-red-700" : undefined}>
              评审截止 {formatDate(due)}
              {overdue ? "（已逾期）" : ""}
            </span>
          </>
        }
        actions={
          <Link to="/reviewer/reviews" className="btn-secondary">
            返回评审任务
          </Link>
        }
      />
      {searchParams.get("saved") === "1" && assignment.status === "DRAFTED" ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          评分草稿已保存，可随时回来继续评分。
        </p>
      ) : null}
      {searchParams.get("submitted") === "1" && assignment.status === "SUBMITTED" ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          评分已提交，感谢您的评审。
        </p>
      ) : null}
      {reopenReason != null ? (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="reopen-note"
        >
          工作人员已重新开放您的评分，请修改后重新提交。{reopenReason ? `原因：${reopenReason}` : ""}
        </p>
      ) : null}
      {organization ? (
        <p className="text-sm text-gray-700" data-testid="applicant">
          申报机构：{organization.name}
          {organization.uscc ? <span className="text-gray-500">（统一社会信用代码 {organization.uscc}）</span> : null}
        </p>
      ) : (
        <p className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm text-gray-700" data-testid="blind-note">
          盲评：申报机构信息已隐藏
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0">
          <GrantApplicationDetails application={application} data={data} documents={documents} />
        </div>
        <aside
          className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
          aria-label="评分"
        >
          {block ? <LockedScores /> : <RubricForm key={String(assignment.updatedAt)} />}
          {!block ? <RecuseForm /> : null}
        </aside>
      </div>
    </div>
  );
}

type ActionData = { form: "rubric" | "recuse"; result: SubmissionResult<string[]> };

function useResultFor(form: ActionData["form"]) {
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return actionData?.form === form ? actionData.result : undefined;
}

function RubricForm() {
  const { criteria, assignment } = useLoaderData<typeof loader>();
  const lastResult = useResultFor("rubric");
  const navigation = useNavigation();
  const schema = useMemo(() => buildRubricSchema(criteria), [criteria]);
  const intentRef = useRef<RubricIntent>("draft");
  const [form, fields] = useForm({
    id: "rubric",
    lastResult,
    defaultValue: rubricDefaults(criteria, assignment),
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      // The button pressed decides the checks; later revalidation keeps using it.
      const pressed = formData.get("intent");
      if (pressed === "draft" || pressed === "submit") intentRef.current = pressed;
      else formData.set("intent", intentRef.current);
      return parseWithZod(formData, { schema });
    },
  });
  const scoreFields = fields.score.getFieldset();
  const typed = (form.value?.score ?? {}) as Record<string, unknown>;
  const liveScores: Record<string, number> = {};
  for (const c of criteria) {
    const n = parseScoreInput(typed[c.id]);
    // Out-of-range values are refused at the field; the total only counts what would be accepted.
    if (n != null && n >= 0 && n <= c.maxScore) liveScores[c.id] = n;
  }
  const total = weightedTotal(criteria, liveScores);
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "recuse";
  const recommendation = fields.recommendation;

  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4" aria-labelledby="rubric-heading">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="rubric-heading" className="font-medium">
          评分表
        </h2>
        <p className="text-sm" aria-live="polite">
          加权总分{" "}
          <span className="text-lg font-semibold text-brand-700" data-testid="weighted-total">
            {formatScore(total)}
          </span>
          <span className="text-gray-500"> / 100</span>
        </p>
      </div>
      {criteria.map((c) => {
        const meta = scoreFields[c.id]!;
        const props = getInputProps(meta, { type: "number", ariaAttributes: true });
        return (
          <div key={c.id}>
            <label
              htmlFor={meta.id}
              className="mb-1 flex items-baseline justify-between gap-2 text-sm font-medium text-gray-700"
            >
              <span>{c.name}</span>
              <span className="text-xs font-normal text-gray-500">
                满分 {c.maxScore} · 权重 {c.weightPct}%
              </span>
            </label>
            <input
              {...props}
              key={props.key}
              min={0}
              max={c.maxScore}
              step={SCORE_STEP}
              inputMode="decimal"
              className="input"
            />
            {c.description ? <p className="mt-1 text-xs text-gray-500">{c.description}</p> : null}
            <ErrorList id={meta.errorId} errors={meta.errors} />
          </div>
        );
      })}
      <TextareaField meta={fields.comment} label="评审意见" rows={5} hint={`提交时必填，至少 ${COMMENT_MIN} 个字。`} />
      <fieldset
        aria-describedby={recommendation.errors?.length ? recommendation.errorId : undefined}
        aria-invalid={recommendation.errors?.length ? true : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-gray-700">总体推荐</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {RECOMMENDATION_KEYS.map((value) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input
                key={recommendation.key}
                type="radio"
                name={recommendation.name}
                value={value}
                defaultChecked={recommendation.initialValue === value}
              />
              {RECOMMENDATIONS[value]}
            </label>
          ))}
        </div>
        <ErrorList id={recommendation.errorId} errors={recommendation.errors} />
      </fieldset>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="draft" className="btn-secondary" disabled={busy}>
          保存草稿
        </button>
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          提交评分
        </button>
      </div>
      <p className="text-xs text-gray-500">保存草稿只检查已填写的分数；提交后评分将锁定，不能再修改。</p>
    </Form>
  );
}

function LockedScores() {
  const { criteria, assignment, block } = useLoaderData<typeof loader>();
  const byId = new Map(assignment.scores.map((s) => [s.criterionId, s.score]));
  const total = weightedTotal(criteria, Object.fromEntries(byId));
  return (
    <section className="card space-y-3" aria-labelledby="scores-heading" data-testid="locked-scores">
      <h2 id="scores-heading" className="font-medium">
        评分表
      </h2>
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {block}
      </p>
      <table className="table-basic">
        <thead>
          <tr>
            <th>评分项</th>
            <th>得分</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {criteria.map((c) => (
            <tr key={c.id}>
              <td>
                {c.name} <span className="text-xs text-gray-500">（满分 {c.maxScore}）</span>
              </td>
              <td data-testid={`score-${c.name}`}>{formatScore(byId.get(c.id))}</td>
            </tr>
          ))}
          <tr className="font-medium">
            <td>加权总分</td>
            <td data-testid="weighted-total">{formatScore(total)} / 100</td>
          </tr>
        </tbody>
      </table>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-gray-500">总体推荐</dt>
          <dd>{recommendationLabel(assignment.recommendation)}</dd>
        </div>
        <div>
          <dt className="text-gray-500">评审意见</dt>
          <dd className="whitespace-pre-wrap break-words">{assignment.comment || "—"}</dd>
        </div>
        {assignment.submittedAt ? (
          <p className="text-xs text-gray-500">提交于 {formatDateTime(assignment.submittedAt)}</p>
        ) : null}
      </dl>
    </section>
  );
}

function RecuseForm() {
  const lastResult = useResultFor("recuse");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "recuse",
    lastResult,
    constraint: RECUSE_CONSTRAINT,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecuseSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "recuse";
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3" aria-labelledby="recuse-heading">
      <h2 id="recuse-heading" className="font-medium">
        申请回避
      </h2>
      <p className="text-xs text-gray-500">
        如与申报机构或项目存在利益关系，请说明理由并申请回避；回避后本任务将由工作人员另行补派。
      </p>
      <input type="hidden" name="intent" value="recuse" />
      <TextareaField meta={fields.recuseReason} label="回避理由" rows={3} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        确认回避
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
