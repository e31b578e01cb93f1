import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { TIE_BREAK_RULE } from "~/modules/grants/ranking/allocation";
import {
  generateShortlist,
  publishShortlist,
  saveOverride,
  withdrawShortlist,
} from "~/modules/grants/ranking/allocation.server";
import { rankingRows } from "~/modules/grants/ranking/page.server";
import {
  aggregationDescription,
  GenerateSchema,
  OverrideSchema,
  PublishSchema,
  WithdrawSchema,
} from "~/modules/grants/ranking/ranking";
import { completenessProblems, getRankingCall } from "~/modules/grants/review/results.server";
import { reviewRoundWorkflow, type ReviewRoundState } from "~/modules/grants/review/round-workflow";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate, formatFen, yuanToFen } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";
import { GenerateForm } from "./generate-form";
import { OverrideForm } from "./override-form";
import { RankedActions } from "./ranked-actions";
import { useRankingAnswer } from "./use-answer";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `排名与分配 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const call = await getRankingCall(params.callId ?? "");
  invariantResponse(call, "未找到该公益创投活动", { status: 404 });
  const page = getPage(new URL(request.url));
  const stage = (reviewRoundWorkflow.isState(call.reviewStage) ? call.reviewStage : "OPEN") as ReviewRoundState;

  const { rows, totals, completeness } = await rankingRows(call, stage);

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

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const call = await getRankingCall(params.callId ?? "");
  invariantResponse(call, "未找到该公益创投活动", { status: 404 });
  const formData = await readForm(request);
  return dispatchIntent(formData, {
    override: handler({
      schema: OverrideSchema,
      run: (v) =>
        saveOverride(
          call.id,
          v.applicationId,
          { selected: v.selected, amountFen: v.amountYuan ? yuanToFen(v.amountYuan) : null, reason: v.reason },
          admin,
          request,
        ),
      done: (r) => done("override", `已调整「${r.title}」：${r.from} → ${r.to}。`),
    }),
    withdraw: handler({
      schema: WithdrawSchema,
      run: async (v) => void (await withdrawShortlist(call.id, admin, v.reason, request)),
      done: () => done("withdraw", "已撤回拟入围名单，评审环节回到「专家评审」。"),
    }),
    publish: handler({
      schema: PublishSchema,
      run: async () => succeed(await publishShortlist(call.id, admin, request)),
      done: (r) =>
        done(
          "publish",
          `已发布公示：${r.shortlisted} 个项目列入拟入围名单，公示期至 ${formatDate(r.endsAt)}，已通知入围机构。`,
        ),
    }),
    generate: handler({
      schema: GenerateSchema,
      run: async () => succeed(await generateShortlist(call.id, admin, request)),
      done: (r) =>
        done(
          "generate",
          `已生成拟入围名单：排名 ${r.ranked} 项，拟入围 ${r.selected} 项，拟分配 ${formatFen(r.allocatedFen)}，余额 ${formatFen(r.remainingFen)}。`,
        ),
    }),
  });
}

/** A success answer: the message shown above the list. */
function done(intent: string, message: string) {
  return data<{ intent: string; message: string }>({ intent, message });
}

export default function CallRanking() {
  const { call, aggregation, tieBreak, totals, completeness, rows, total, page, pageSize } =
    useLoaderData<typeof loader>();
  const { message } = useRankingAnswer();
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

      {message ? <Notice testId="action-result">{message}</Notice> : null}

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

      {call.stage === "OPEN" ? <GenerateForm problems={completeness.problems} /> : null}
      {editable ? <RankedActions publicityDays={call.publicityDays} selectedCount={totals.selectedCount} /> : null}

      {rows.length === 0 ? (
        <p className="card text-sm text-gray-500">还没有可排名的项目（需有已提交的专家评审）。</p>
      ) : (
        <div className="card table-scroll overflow-x-auto p-0 sm:p-0">
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
                  <td className="min-w-[10rem]">
                    <Link to={`/admin/grants/${call.id}/review/${r.applicationId}`} className="link font-medium">
                      {r.title}
                    </Link>
                  </td>
                  <td className="min-w-[8rem]">{r.organizationName}</td>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
