import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { publishProblem } from "~/modules/grants/publicity/publicity";
import { allocate, TIE_BREAK_RULE } from "~/modules/grants/ranking/allocation";
import {
  allocationNotes,
  awardTotals,
  generateShortlist,
  listAwards,
  publishShortlist,
  saveOverride,
  withdrawShortlist,
} from "~/modules/grants/ranking/allocation.server";
import {
  aggregationDescription,
  GenerateSchema,
  OVERRIDE_CHOICE_LABELS,
  OVERRIDE_CHOICES,
  overrideChoiceOf,
  OverrideSchema,
  PublishSchema,
  WithdrawSchema,
} from "~/modules/grants/ranking/ranking";
import {
  allocationRulesOf,
  candidatesOf,
  completenessProblems,
  computeCallRanking,
  getRankingCall,
  loadReviewCompleteness,
} from "~/modules/grants/review/results.server";
import { reviewRoundWorkflow, type ReviewRoundState } from "~/modules/grants/review/round-workflow";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { formatDate, formatFen, yuanToFen } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `排名与分配 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

type Row = {
  applicationId: string;
  rank: number;
  title: string;
  organizationName: string;
  category: string | null;
  reviewCount: number;
  finalScore: number;
  spread: number | null;
  flagged: boolean;
  requestedFen: number;
  recommendedFen: number;
  selected: boolean;
  amountFen: number;
  note: string | null;
  overrideSelected: boolean | null;
  overrideFen: number | null;
  overrideReason: string | null;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const call = await getRankingCall(params.callId ?? "");
  invariantResponse(call, "未找到该公益创投活动", { status: 404 });
  const page = getPage(new URL(request.url));
  const rules = allocationRulesOf(call);
  const stage = (reviewRoundWorkflow.isState(call.reviewStage) ? call.reviewStage : "OPEN") as ReviewRoundState;

  let rows: Row[];
  let totals: { poolFen: number; allocatedFen: number; remainingFen: number; selectedCount: number };
  let completeness;
  if (stage === "OPEN") {
    // A preview: what the rule would propose from the reviews submitted so far.
    const ranking = (await computeCallRanking(call.id))!;
    const result = allocate(candidatesOf(ranking.rows), rules, []);
    const byId = new Map(result.rows.map((r) => [r.applicationId, r]));
    rows = ranking.rows.map((r) => {
      const a = byId.get(r.applicationId);
      return {
        applicationId: r.applicationId,
        rank: r.rank,
        title: r.title,
        organizationName: r.organizationName,
        category: r.category,
        reviewCount: r.reviewCount,
        finalScore: r.finalScore,
        spread: r.spread,
        flagged: r.flagged,
        requestedFen: r.requestedFen,
        recommendedFen: a?.recommendedFen ?? 0,
        selected: a?.selected ?? false,
        amountFen: a?.selected ? a.amountFen : 0,
        note: a?.note ?? null,
        overrideSelected: null,
        overrideFen: null,
        overrideReason: null,
      };
    });
    totals = {
      poolFen: rules.poolFen,
      allocatedFen: result.allocatedFen,
      remainingFen: result.remainingFen,
      selectedCount: rows.filter((r) => r.selected).length,
    };
    completeness = ranking.completeness;
  } else {
    const [awards, c] = await Promise.all([listAwards(call.id), loadReviewCompleteness(call.id)]);
    const notes = allocationNotes(awards, rules);
    rows = awards.map((a) => ({
      applicationId: a.applicationId,
      rank: a.rank,
      title: a.application.title,
      organizationName: a.application.organization.name,
      category: a.application.category,
      reviewCount: a.reviewCount,
      finalScore: a.finalScore,
      spread: null,
      flagged: a.flagged,
      requestedFen: a.application.requestedFen,
      recommendedFen: a.recommendedFen,
      selected: a.selected,
      amountFen: a.amountFen,
      note: a.selected ? null : (notes.get(a.applicationId) ?? null),
      overrideSelected: a.overrideSelected,
      overrideFen: a.overrideFen,
      overrideReason: a.overrideReason,
    }));
    totals = awardTotals(awards, rules.poolFen);
    completeness = c;
  }

  return {
    call: {
      id: call.id,
      title: call.title,
      stage,
      stageLabel: reviewRoundWorkflow.stateLabels[stage],
      publicityDays: call.publicityDays,
      publicityStartsAt: call.publicityStartsAt,
      publicityEndsAt: call.publicityEndsAt,
      perProjectCapFen: call.perProjectCapFen,
      maxGrantSharePct: call.maxGrantSharePct,
      disagreementThreshold: call.disagreementThreshold,
    },
    aggregation: aggregationDescription(call),
    tieBreak: TIE_BREAK_RULE,
    totals,
    completeness: {
      openAssignments: completeness.openAssignments,
      submittedReviews: completeness.submittedReviews,
      withoutReview: completeness.withoutReview,
      problems: completenessProblems(completeness),
    },
    rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: rows.length,
    page,
    pageSize: PAGE_SIZE,
  };
}

type ActionData = { intent: string; applicationId?: string; reply?: SubmissionResult<string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const call = await getRankingCall(params.callId ?? "");
  invariantResponse(call, "未找到该公益创投活动", { status: 404 });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");

  if (intent === "override") {
    const applicationId = String(formData.get("applicationId") ?? "");
    const submission = parseWithZod(formData, { schema: OverrideSchema });
    if (submission.status !== "success")
      return Response.json({ intent, applicationId, reply: submission.reply() } satisfies ActionData, { status: 400 });
    const v = submission.value;
    try {
      const result = await saveOverride(
        call.id,
        v.applicationId,
        { selected: v.selected, amountFen: v.amountYuan ? yuanToFen(v.amountYuan) : null, reason: v.reason },
        admin,
        request,
      );
      if (!result.ok) {
        return Response.json(
          {
            intent,
            applicationId,
            reply: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }),
          } satisfies ActionData,
          { status: 400 },
        );
      }
      return Response.json({
        intent,
        applicationId,
        message: `已调整「${result.title}」：${result.from} → ${result.to}。`,
      } satisfies ActionData);
    } catch (error) {
      if (error instanceof WorkflowError) {
        return Response.json(
          { intent, applicationId, reply: submission.reply({ formErrors: [error.message] }) } satisfies ActionData,
          { status: error.status },
        );
      }
      throw error;
    }
  }

  const schema = intent === "withdraw" ? WithdrawSchema : intent === "publish" ? PublishSchema : GenerateSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return Response.json({ intent, reply: submission.reply() } satisfies ActionData, { status: 400 });
  try {
    let message: string;
    if (intent === "withdraw") {
      const reason = (submission.value as { reason: string }).reason;
      await withdrawShortlist(call.id, admin, reason, request);
      message = "已撤回拟入围名单，评审环节回到「专家评审」。";
    } else if (intent === "publish") {
      const r = await publishShortlist(call.id, admin, request);
      message = `已发布公示：${r.shortlisted} 个项目列入拟入围名单，公示期至 ${formatDate(r.endsAt)}，已通知入围机构。`;
    } else {
      const r = await generateShortlist(call.id, admin, request);
      message = `已生成拟入围名单：排名 ${r.ranked} 项，拟入围 ${r.selected} 项，拟分配 ${formatFen(r.allocatedFen)}，余额 ${formatFen(r.remainingFen)}。`;
    }
    return Response.json({ intent, reply: submission.reply({ resetForm: true }), message } satisfies ActionData);
  } catch (error) {
    if (error instanceof WorkflowError) {
      return Response.json({ intent, reply: submission.reply({ formErrors: [error.message] }) } satisfies ActionData, {
        status: error.status,
      });
    }
    throw error;
  }
}

export default function CallRanking() {
  const { call, aggregation, tieBreak, totals, completeness, rows, total, page, pageSize } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const editable = call.stage === "RANKED";

  return (
    <div className="space-y-4">
      <PageHeader
        title="排名与分配"
        description={
          <>
            {call.title} · 评审环节：<span data-testid="review-stage">{call.stageLabel}</span>
          </>
        }
        actions={
          <>
            <Link to={`/admin/grants/${call.id}/ranking-export`} className="btn-secondary" reloadDocument>
              导出评分与分配 Excel
            </Link>
            <Link to={`/admin/grants/${call.id}`} className="btn-secondary">
              返回活动
            </Link>
          </>
        }
      />

      {actionData?.message ? (
        <div role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800" data-testid="action-result">
          {actionData.message}
        </div>
      ) : null}

      {call.stage === "PUBLICIZED" || call.stage === "CONFIRMED" ? (
        <section className="card space-y-1 text-sm" aria-label="公示">
          <p data-testid="publicity-period">
            {call.stage === "PUBLICIZED" ? "公示中" : "名单已确认"}：公示期 {formatDate(call.publicityStartsAt)} 至{" "}
            {formatDate(call.publicityEndsAt)}
          </p>
          <p className="text-gray-600">名单已发布公示，排名与分配不能再调整；异议处理与名单确认请到公示管理。</p>
          <Link to={`/admin/grants/${call.id}/publicity`} className="link font-medium">
            公示与异议管理
          </Link>
        </section>
      ) : null}

      <section className="card grid gap-4 text-sm md:grid-cols-3" aria-label="排名规则与资金">
        <div className="space-y-1">
          <h2 className="font-medium text-gray-900">排名规则</h2>
          <p data-testid="aggregation-mode">
            汇总方式：{aggregation.mode}；{aggregation.zScore}
          </p>
          <p>同分排序：{tieBreak}</p>
          <p className="text-gray-600">专家评分相差超过 {call.disagreementThreshold} 分时标记「⚠ 分歧较大」。</p>
        </div>
        <div className="space-y-1">
          <h2 className="font-medium text-gray-900">资金{call.stage === "OPEN" ? "（按现有评审预估）" : ""}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-gray-600">资金池</dt>
            <dd data-testid="pool-total">{formatFen(totals.poolFen)}</dd>
            <dt className="text-gray-600">拟分配</dt>
            <dd data-testid="allocated-total">
              {formatFen(totals.allocatedFen)}（{totals.selectedCount} 个项目）
            </dd>
            <dt className="text-gray-600">余额</dt>
            <dd data-testid="remaining-total">{formatFen(totals.remainingFen)}</dd>
          </dl>
          <p className="text-xs text-gray-500">
            按排名依次资助，每个项目最多为申请金额、单项上限 {formatFen(call.perProjectCapFen)}、项目总预算的{" "}
            {call.maxGrantSharePct}% 三者中的最小值；余额不足以资助下一名时即停止。
          </p>
        </div>
        <div className="space-y-1" data-testid="review-completeness">
          <h2 className="font-medium text-gray-900">评审完成情况</h2>
          <p>
            已提交评审 {completeness.submittedReviews} 份；未提交 {completeness.openAssignments} 份
          </p>
          {completeness.withoutReview.length > 0 ? (
            <p className="text-amber-700">
              尚无评审的项目：{completeness.withoutReview.map((a) => a.title).join("、")}
            </p>
          ) : (
            <p className="text-gray-600">每个项目都有已提交的评审。</p>
          )}
        </div>
      </section>

      {call.stage === "OPEN" ? <GenerateForm problems={completeness.problems} actionData={actionData} /> : null}
      {editable ? (
        <RankedActions
          publicityDays={call.publicityDays}
          selectedCount={totals.selectedCount}
          actionData={actionData}
        />
      ) : null}

      {rows.length === 0 ? (
        <p className="card text-sm text-gray-500">还没有可排名的项目（需有已提交的专家评审）。</p>
      ) : (
        <div className="card overflow-x-auto p-0 sm:p-0">
          <table className="table-basic" aria-label={call.stage === "OPEN" ? "排名预览" : "拟入围名单"}>
            <thead>
              <tr>
                <th>排名</th>
                <th>项目名称</th>
                <th>申报机构</th>
                <th>类别</th>
                <th>评审数</th>
                <th>最终得分</th>
                <th>申请金额</th>
                <th>拟资助金额</th>
                <th>是否入围</th>
                <th>调整理由</th>
                {editable ? <th>调整</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((r) => (
                <tr
                  key={r.applicationId}
                  data-testid="ranking-row"
                  className={r.selected ? "bg-brand-50/40" : undefined}
                >
                  <td className="font-semibold" data-testid="rank">
                    {r.rank}
                  </td>
                  <td className="min-w-[12rem]">
                    <Link to={`/admin/grants/${call.id}/review/${r.applicationId}`} className="link font-medium">
                      {r.title}
                    </Link>
                  </td>
                  <td className="min-w-[9rem]">{r.organizationName}</td>
                  <td>{r.category ?? "—"}</td>
                  <td>{r.reviewCount}</td>
                  <td className="whitespace-nowrap">
                    <span data-testid="final-score">{r.finalScore.toFixed(2)}</span>
                    {r.flagged ? (
                      <span
                        className="ml-1 text-xs text-amber-700"
                        title={r.spread != null ? `专家评分相差 ${r.spread.toFixed(2)} 分` : undefined}
                      >
                        ⚠ 分歧较大
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap">{formatFen(r.requestedFen)}</td>
                  <td className="whitespace-nowrap" data-testid="amount">
                    {r.selected ? formatFen(r.amountFen) : "—"}
                  </td>
                  <td className="min-w-[7rem]" data-testid="selected">
                    {r.selected ? (
                      <span className="font-medium text-brand-700">拟入围</span>
                    ) : (
                      <span className="text-gray-600">未入围</span>
                    )}
                    {r.note ? <div className="text-xs text-gray-500">{r.note}</div> : null}
                  </td>
                  <td className="min-w-[9rem]" data-testid="override-reason">
                    {r.overrideReason ?? "—"}
                  </td>
                  {editable ? (
                    <td className="min-w-[6rem]">
                      <OverrideForm
                        key={`${r.applicationId}:${r.overrideSelected}:${r.overrideFen}:${r.overrideReason}`}
                        row={r}
                        lastResult={
                          actionData?.intent === "override" && actionData.applicationId === r.applicationId
                            ? actionData.reply
                            : undefined
                        }
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

function GenerateForm({ problems, actionData }: { problems: string[]; actionData?: ActionData }) {
  const navigation = useNavigation();
  const [form] = useForm({
    id: "generate-shortlist",
    lastResult: actionData?.intent === "generate" ? actionData.reply : undefined,
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: GenerateSchema });
    },
  });
  const blocked = problems.length > 0;
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-2" aria-label="生成拟入围名单">
      <input type="hidden" name="intent" value="generate" />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="btn-primary"
          disabled={blocked || navigation.state !== "idle"}
          aria-describedby={blocked ? "generate-blocked" : undefined}
        >
          生成拟入围名单
        </button>
        <span className="text-sm text-gray-600">
          按上方排名与资金规则生成拟入围名单，生成后可逐项调整，再发布公示。
        </span>
      </div>
      {blocked ? (
        <div id="generate-blocked" className="text-sm text-amber-700" data-testid="generate-blocked">
          暂不能生成：{problems.join("；")}。
        </div>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function RankedActions({
  publicityDays,
  selectedCount,
  actionData,
}: {
  publicityDays: number;
  selectedCount: number;
  actionData?: ActionData;
}) {
  const navigation = useNavigation();
  const [publishForm] = useForm({
    id: "publish-shortlist",
    lastResult: actionData?.intent === "publish" ? actionData.reply : undefined,
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: PublishSchema });
    },
  });
  const [withdrawForm, withdrawFields] = useForm({
    id: "withdraw-shortlist",
    lastResult: actionData?.intent === "withdraw" ? actionData.reply : undefined,
    constraint: getZodConstraint(WithdrawSchema),
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: WithdrawSchema });
    },
  });
  const blocked = publishProblem(selectedCount);
  return (
    <section className="card grid gap-4 md:grid-cols-2" aria-label="名单办理">
      <Form method="post" {...getFormProps(publishForm)} className="space-y-2">
        <input type="hidden" name="intent" value="publish" />
        <h2 className="text-sm font-medium text-gray-900">发布公示</h2>
        <p className="text-sm text-gray-600">
          {selectedCount} 个拟入围项目将向社会公示 {publicityDays} 天（至第 {publicityDays} 天 24
          时止），入围机构会收到通知。发布后名单不能再调整。
        </p>
        <button
          type="submit"
          className="btn-primary"
          disabled={blocked != null || navigation.state !== "idle"}
          aria-describedby={blocked ? "publish-blocked" : undefined}
        >
          发布公示（公示 {publicityDays} 天）
        </button>
        {blocked ? (
          <p id="publish-blocked" className="text-sm text-amber-700" data-testid="publish-blocked">
            {blocked}
          </p>
        ) : null}
        <FormErrors id={publishForm.errorId} errors={publishForm.errors} />
      </Form>
      <Form method="post" {...getFormProps(withdrawForm)} className="space-y-2">
        <input type="hidden" name="intent" value="withdraw" />
        <h2 className="text-sm font-medium text-gray-900">撤回拟入围名单</h2>
        <div>
          <label htmlFor={withdrawFields.reason.id} className="mb-1 block text-sm font-medium text-gray-700">
            撤回理由
          </label>
          <textarea
            {...getTextareaProps(withdrawFields.reason)}
            key={withdrawFields.reason.key}
            rows={2}
            className="input"
          />
          <ErrorList id={withdrawFields.reason.errorId} errors={withdrawFields.reason.errors} />
        </div>
        <p className="text-xs text-gray-500">撤回后回到专家评审，已做的调整将一并清除。</p>
        <button type="submit" className="btn-secondary" disabled={navigation.state !== "idle"}>
          撤回
        </button>
        <FormErrors id={withdrawForm.errorId} errors={withdrawForm.errors} />
      </Form>
    </section>
  );
}

function OverrideForm({ row, lastResult }: { row: Row; lastResult?: SubmissionResult<string[]> }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `override-${row.applicationId}`,
    lastResult,
    constraint: getZodConstraint(OverrideSchema),
    shouldRevalidate: "onInput",
    defaultValue: {
      selected: overrideChoiceOf(row.overrideSelected),
      amountYuan: row.overrideFen != null ? (row.overrideFen / 100).toFixed(2) : "",
      reason: row.overrideReason ?? "",
    },
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: OverrideSchema });
    },
  });
  return (
    <details className="text-sm" data-testid="override">
      <summary className="cursor-pointer text-brand-700">调整</summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 w-64 space-y-2">
        <input type="hidden" name="intent" value="override" />
        <input type="hidden" name="applicationId" value={row.applicationId} />
        <p className="text-xs text-gray-500">
          按规则：{row.recommendedFen > 0 ? `拟资助 ${formatFen(row.recommendedFen)}` : "未入围"}
        </p>
        <div>
          <label htmlFor={fields.selected.id} className="mb-1 block text-xs font-medium text-gray-700">
            是否列入
          </label>
          <select {...getSelectProps(fields.selected)} key={fields.selected.key} className="input">
            {OVERRIDE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {OVERRIDE_CHOICE_LABELS[c]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.selected.errorId} errors={fields.selected.errors} />
        </div>
        <div>
          <label htmlFor={fields.amountYuan.id} className="mb-1 block text-xs font-medium text-gray-700">
            金额（元）
          </label>
          <input
            {...getInputProps(fields.amountYuan, { type: "text" })}
            key={fields.amountYuan.key}
            inputMode="decimal"
            placeholder="留空按规则"
            className="input"
          />
          <ErrorList id={fields.amountYuan.errorId} errors={fields.amountYuan.errors} />
        </div>
        <div>
          <label htmlFor={fields.reason.id} className="mb-1 block text-xs font-medium text-gray-700">
            调整理由
          </label>
          <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} className="input" />
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state !== "idle"}>
          保存调整
        </button>
      </Form>
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
