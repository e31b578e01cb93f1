import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import {
  AGGREGATION_LABELS,
  AutoAssignSchema,
  RemindSchema,
  ReviewSettingsSchema,
} from "~/modules/grants/review/panel";
import {
  autoAssign,
  loadPanel,
  remindLate,
  updateReviewSettings,
  type AutoAssignOutcome,
} from "~/modules/grants/review/panel.server";
import { reviewRoundWorkflow, type ReviewRoundState } from "~/modules/grants/review/round-workflow";
import { reviewAssignmentWorkflow, type ReviewAssignmentState } from "~/modules/review/assignment-workflow";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { toDateInput } from "~/utils/dates";
import { formatDate, formatDateTime } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `专家评审 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const panel = await loadPanel(params.callId ?? "", getPage(new URL(request.url)));
  invariantResponse(panel, "未找到该公益创投活动", { status: 404 });
  return panel;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const callId = params.callId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const ctx = { actor: admin, request };
  try {
    if (intent === "settings") {
      const submission = parseWithZod(formData, { schema: ReviewSettingsSchema });
      if (submission.status !== "success") return Response.json({ intent, reply: submission.reply() }, { status: 400 });
      const { intent: _, ...settings } = submission.value;
      const result = await updateReviewSettings(callId, settings, ctx);
      if (!result.ok)
        return Response.json(
          { intent, reply: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }) },
          { status: 400 },
        );
      return Response.json({ intent, reply: submission.reply(), message: "评审设置已保存。" });
    }
    if (intent === "auto-assign") {
      const submission = parseWithZod(formData, { schema: AutoAssignSchema });
      if (submission.status !== "success") return Response.json({ intent, reply: submission.reply() }, { status: 400 });
      const { intent: _, ...input } = submission.value;
      const result = await autoAssign(callId, input, ctx);
      if (!result.ok) {
        return Response.json(
          { intent, reply: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }) },
          { status: 400 },
        );
      }
      const { ok: __, ...outcome } = result;
      return Response.json({
        intent,
        reply: submission.reply({ resetForm: true }),
        outcome: outcome satisfies AutoAssignOutcome,
      });
    }
    if (intent === "remind") {
      const submission = parseWithZod(formData, { schema: RemindSchema });
      if (submission.status !== "success") return Response.json({ intent, reply: submission.reply() }, { status: 400 });
      const count = await remindLate(callId, ctx);
      return Response.json({
        intent,
        reply: submission.reply(),
        message: count
          ? `已催办 ${count} 位评审专家（站内通知和邮件）。`
          : "没有需要催办的评审专家（逾期或两天内到期、且 24 小时内未催办过）。",
      });
    }
  } catch (error) {
    if (error instanceof WorkflowError)
      return Response.json(
        { intent, reply: { status: "error", error: { "": [error.message] } } satisfies SubmissionResult<string[]> },
        { status: error.status },
      );
    throw error;
  }
  invariantResponse(false, "未知操作");
}

type ActionData = {
  intent?: string;
  reply?: SubmissionResult<string[]>;
  message?: string;
  outcome?: AutoAssignOutcome;
};

function AssignmentChip({ name, status, overdue }: { name: string; status: ReviewAssignmentState; overdue: boolean }) {
  const tone =
    status === "SUBMITTED"
      ? "bg-green-50 text-green-800"
      : status === "DRAFTED"
        ? "bg-blue-50 text-blue-800"
        : "bg-gray-100 text-gray-700";
  return (
    <li className={`rounded px-2 py-0.5 text-xs ${tone}`} data-testid="reviewer-chip">
      {name} · {reviewAssignmentWorkflow.stateLabels[status]}
      {overdue ? <span className="ml-1 text-red-700">（逾期）</span> : null}
    </li>
  );
}

export default function ReviewPanel() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { call, totals, applications } = data;
  const open = call.reviewStage === "OPEN";
  const settingsKey = `${call.reviewersPerApplication}-${call.blindReview}-${call.aggregation}-${call.zScoreNormalize}-${call.disagreementThreshold}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title="专家评审"
        description={
          <>
            {call.title} · 评审截止 {formatDate(call.reviewEndsAt)} · 当前环节：
            {reviewRoundWorkflow.stateLabels[call.reviewStage as ReviewRoundState] ?? call.reviewStage}
          </>
        }
        actions={
          <Link to={`/admin/grants/${call.id}`} className="btn-secondary">
            返回活动
          </Link>
        }
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <SettingsCard key={settingsKey} actionData={actionData?.intent === "settings" ? actionData : undefined} />
        <ProgressCard actionData={actionData?.intent === "remind" ? actionData : undefined} />
      </div>

      {open ? (
        <AutoAssignCard key={settingsKey} actionData={actionData?.intent === "auto-assign" ? actionData : undefined} />
      ) : null}

      <section className="card overflow-x-auto p-0 sm:p-0" aria-label="申报评审情况">
        <h2 className="px-4 pt-4 text-base font-semibold text-gray-900 sm:px-6">申报评审情况</h2>
        {applications.length === 0 ? (
          <p className="p-4 text-sm text-gray-500 sm:px-6">本活动还没有通过资格审查的申报。</p>
        ) : (
          <table className="table-basic mt-3" aria-label="申报评审列表">
            <thead>
              <tr>
                <th>项目名称</th>
                <th>申报机构</th>
                <th>类别</th>
                <th>评审专家</th>
                <th>已提交</th>
                <th>提示</th>
                <th>
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {applications.map((a) => (
                <tr key={a.id} data-testid="review-row">
                  <td className="min-w-[12rem] font-medium">{a.title || "（未填写项目名称）"}</td>
                  <td className="min-w-[9rem]">{a.organizationName}</td>
                  <td>{a.category ?? "—"}</td>
                  <td className="min-w-[12rem]">
                    {a.reviewers.length ? (
                      <ul className="flex flex-wrap gap-1">
                        {a.reviewers.map((r) => (
                          <AssignmentChip key={r.assignmentId} name={r.name} status={r.status} overdue={r.overdue} />
                        ))}
                      </ul>
                    ) : (
                      <span className="text-gray-500">未分配</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap" data-testid="review-progress">
                    {a.submittedCount} / {call.reviewersPerApplication}
                  </td>
                  <td className="min-w-[8rem] space-y-0.5 text-xs">
                    {a.flagged ? (
                      <p
                        className="font-medium text-amber-700"
                        title={`评分极差 ${a.spread}，超过阈值 ${call.disagreementThreshold}`}
                      >
                        ⚠ 分歧较大
                      </p>
                    ) : null}
                    {open && a.needsReviewer ? (
                      <p className="font-medium text-red-700">
                        需补派（在评 {a.activeCount} / {call.reviewersPerApplication}）
                      </p>
                    ) : null}
                    {a.recusedCount ? <p className="text-gray-600">回避 {a.recusedCount} 人</p> : null}
                    {a.replacedCount ? <p className="text-gray-600">更换 {a.replacedCount} 人</p> : null}
                  </td>
                  <td className="whitespace-nowrap">
                    <Link
                      to={`/admin/grants/${call.id}/review/${a.id}`}
                      className="link"
                      aria-label={`查看评审：${a.title}`}
                    >
                      查看评审
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Pagination page={data.page} pageSize={data.pageSize} total={totals.applications} />
    </div>
  );
}

function SettingsCard({ actionData }: { actionData?: ActionData }) {
  const { call, totals } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const open = call.reviewStage === "OPEN";
  const locked = totals.submitted > 0;
  const [form, fields] = useForm({
    id: "review-settings",
    lastResult: actionData?.reply,
    constraint: getZodConstraint(ReviewSettingsSchema),
    shouldRevalidate: "onInput",
    defaultValue: {
      reviewersPerApplication: String(call.reviewersPerApplication),
      blindReview: call.blindReview ? "on" : undefined,
      aggregation: call.aggregation,
      zScoreNormalize: call.zScoreNormalize ? "on" : undefined,
      disagreementThreshold: String(call.disagreementThreshold),
    },
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: ReviewSettingsSchema });
    },
  });
  return (
    <section className="card space-y-3" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="text-base font-semibold text-gray-900">
        评审设置
      </h2>
      {actionData?.message ? (
        <p role="status" className="rounded-md bg-brand-50 p-2 text-sm text-brand-800">
          {actionData.message}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="settings" />
        <Field
          meta={fields.reviewersPerApplication}
          label="每项申报的评审专家人数"
          type="number"
          inputMode="numeric"
          hint={locked ? "已有专家提交评分，人数不能再修改" : "1–9 人"}
        />
        <Field
          meta={fields.disagreementThreshold}
          label="分歧阈值（0–100 分）"
          type="number"
          inputMode="numeric"
          hint="专家总分极差超过该值时标记「分歧较大」"
        />
        <div>
          <label htmlFor={fields.aggregation.id} className="mb-1 block text-sm font-medium text-gray-700">
            汇总方式
          </label>
          <select {...getSelectProps(fields.aggregation)} key={fields.aggregation.key} className="input">
            {Object.entries(AGGREGATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <ErrorList id={fields.aggregation.errorId} errors={fields.aggregation.errors} />
        </div>
        <div className="space-y-2 pt-6 text-sm">
          <div>
            <label className="flex items-center gap-2">
              <input
                {...getInputProps(fields.blindReview, { type: "checkbox" })}
                key={fields.blindReview.key}
                className="h-4 w-4"
              />
              匿名评审（专家看不到申报机构名称）
            </label>
            <ErrorList id={fields.blindReview.errorId} errors={fields.blindReview.errors} />
          </div>
          <div>
            <label className="flex items-center gap-2">
              <input
                {...getInputProps(fields.zScoreNormalize, { type: "checkbox" })}
                key={fields.zScoreNormalize.key}
                className="h-4 w-4"
              />
              按专家标准化（消除个人打分松紧）
            </label>
            <ErrorList id={fields.zScoreNormalize.errorId} errors={fields.zScoreNormalize.errors} />
          </div>
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={!open || navigation.state === "submitting"}>
            保存评审设置
          </button>
          {!open ? <p className="mt-1 text-xs text-gray-500">专家评审环节已结束，设置不能再修改。</p> : null}
        </div>
      </Form>
    </section>
  );
}

function ProgressCard({ actionData }: { actionData?: ActionData }) {
  const { call, totals } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form] = useForm({
    id: "remind-late",
    lastResult: actionData?.reply,
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: RemindSchema });
    },
  });
  return (
    <section className="card space-y-3" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="text-base font-semibold text-gray-900">
        评审进度
      </h2>
      <p className="text-lg" data-testid="review-totals">
        评审进度：已提交 {totals.submitted} / {totals.assignments}
      </p>
      <ul className="flex flex-wrap gap-2 text-sm">
        <li className="rounded bg-gray-50 px-2 py-1">
          申报 <span className="font-semibold">{totals.applications}</span> 项
        </li>
        <li className="rounded bg-gray-50 px-2 py-1">
          评审任务 <span className="font-semibold">{totals.assignments}</span> 项
        </li>
        <li
          className={`rounded px-2 py-1 ${totals.overdue ? "bg-red-50 text-red-800" : "bg-gray-50"}`}
          data-testid="overdue-count"
        >
          逾期未提交 <span className="font-semibold">{totals.overdue}</span> 项
        </li>
        {totals.recused ? (
          <li className="rounded bg-gray-50 px-2 py-1">
            回避 <span className="font-semibold">{totals.recused}</span> 人次
          </li>
        ) : null}
      </ul>
      <p className="text-sm text-gray-600" data-testid="last-seed">
        最近一次自动分配的随机种子：
        {call.assignmentSeed ? (
          <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono">{call.assignmentSeed}</code>
        ) : (
          "尚未自动分配"
        )}
      </p>
      {actionData?.message ? (
        <p role="status" className="rounded-md bg-brand-50 p-2 text-sm text-brand-800" data-testid="remind-result">
          {actionData.message}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="remind" />
        <button type="submit" className="btn-secondary" disabled={navigation.state === "submitting"}>
          催办逾期专家
        </button>
        <p className="mt-1 text-xs text-gray-500">
          向已逾期或两天内到期仍未提交的专家发送站内通知和邮件；24 小时内不重复催办同一位专家。
        </p>
        <FormErrors id={form.errorId} errors={form.errors} />
      </Form>
    </section>
  );
}

function AutoAssignCard({ actionData }: { actionData?: ActionData }) {
  const { call, candidates, lastAutoAssign } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "auto-assign",
    lastResult: actionData?.reply,
    constraint: getZodConstraint(AutoAssignSchema),
    shouldRevalidate: "onInput",
    defaultValue: {
      reviewerIds: candidates.map((c) => c.id),
      k: String(call.reviewersPerApplication),
      seed: "",
      dueAt: toDateInput(new Date(call.reviewEndsAt)),
    },
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: AutoAssignSchema });
    },
  });
  const outcome = actionData?.outcome;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return (
    <section className="card space-y-3" aria-labelledby="auto-assign-heading">
      <h2 id="auto-assign-heading" className="text-base font-semibold text-gray-900">
        自动分配评审专家
      </h2>
      <p className="text-sm text-gray-600">
        为每项「资格审查通过」的申报补足评审专家：自动避开与申报机构有关联（所属机构、声明的关联机构、同一法定代表人）的专家，以及已在该项目回避或被更换的专家；各专家任务量尽量均衡，优先专业领域与项目类别相符的专家。已有的分配保持不变。
      </p>
      {lastAutoAssign ? (
        <p className="text-xs text-gray-500">
          上次自动分配：{formatDateTime(lastAutoAssign.createdAt)} · {lastAutoAssign.actor?.name ?? "系统"} ·{" "}
          {lastAutoAssign.reason}
        </p>
      ) : null}
      {outcome ? (
        <div
          role="status"
          className="space-y-1 rounded-md bg-brand-50 p-3 text-sm text-brand-800"
          data-testid="auto-assign-result"
        >
          <p>
            已新增 {outcome.added} 项评审任务，通知 {outcome.notified} 位专家；随机种子{" "}
            <code className="font-mono">{outcome.seed}</code>。
          </p>
          <p>
            每位专家的任务量：{outcome.loadRange} 项（{outcome.loads.map((l) => `${l.name} ${l.load}`).join("，")}）
          </p>
          {outcome.unfilled.length ? (
            <div className="text-red-800">
              <p>以下 {outcome.unfilled.length} 项申报未能配满评审专家：</p>
              <ul className="list-disc pl-5 text-xs">
                {outcome.unfilled.map((u) => (
                  <li key={u.id}>
                    {u.title}：{u.why}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>所有申报均已配满评审专家。</p>
          )}
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="auto-assign" />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-gray-700">
            评审专家库（{candidates.length} 位在册专家）
          </legend>
          {candidates.length === 0 ? (
            <p className="text-sm text-gray-500">
              还没有在册的评审专家，请先在
              <Link to="/admin/users/new-reviewer" className="link">
                新建评审专家
              </Link>
              。
            </p>
          ) : (
            <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
              {getCollectionProps(fields.reviewerIds, { type: "checkbox", options: candidates.map((c) => c.id) }).map(
                ({ key, ...props }) => {
                  const c = byId.get(props.value)!;
                  return (
                    <li key={key}>
                      <label className="flex items-start gap-2 text-sm">
                        <input {...props} className="mt-0.5 h-4 w-4" />
                        <span>
                          {c.name}
                          <span className="ml-1 text-xs text-gray-500">
                            {c.tags.length ? c.tags.join("、") : "未填专业领域"} · 本轮在评 {c.load} 项
                          </span>
                        </span>
                      </label>
                    </li>
                  );
                },
              )}
            </ul>
          )}
          <ErrorList id={fields.reviewerIds.errorId} errors={fields.reviewerIds.errors} />
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field meta={fields.k} label="每项申报的评审专家人数" type="number" inputMode="numeric" />
          <Field meta={fields.seed} label="随机种子" hint="留空则随机生成；填入以往的种子可复现分配结果" />
          <Field meta={fields.dueAt} label="评审截止日期" type="date" />
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <button
          type="submit"
          className="btn-primary"
          disabled={navigation.state === "submitting" || candidates.length === 0}
        >
          自动分配
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
