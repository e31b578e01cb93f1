import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { GrantStatusBadge } from "~/modules/grants/applications/application-view";
import { confirmShortlist } from "~/modules/grants/publicity/confirm-shortlist.server";
import { decideObjection } from "~/modules/grants/publicity/decide-objection.server";
import { DecisionSchema, formatScore, UPHELD_ACTIONS, type UpheldAction } from "~/modules/grants/publicity/publicity";
import { getAdminPublicity } from "~/modules/grants/publicity/staff.server";
import { reviewRoundWorkflow, type ReviewRoundState } from "~/modules/grants/review/round-workflow";
import { parseObjectionStatus } from "~/modules/publicity/desk.server";
import { publicityDaysLeft } from "~/modules/publicity/objection";
import { ObjectionCard, ObjectionStatusNav } from "~/modules/publicity/objection-desk";
import { DECISION_OUTCOMES } from "~/modules/publicity/objection-workflow";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate, formatDateTime, formatFen, yuanToFen } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { ConfirmSchema, ConfirmSection } from "./confirm-section";
import { DecisionForm } from "./decision-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `公示与异议 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const status = parseObjectionStatus(url.searchParams.get("status"));
  const page = getPage(url);
  const data = await getAdminPublicity(params.callId ?? "", status, page);
  invariantResponse(data, "未找到该活动", { status: 404 });
  return { ...data, status, page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const callId = params.callId ?? "";
  const formData = await readForm(request);
  return dispatchIntent(formData, {
    confirm: handler({
      schema: ConfirmSchema,
      run: () => confirmShortlist({ callId, actorId: user.id, request }),
      done: ({ funded, notFunded }) => redirect(`/admin/grants/${callId}/publicity?confirmed=${funded}-${notFunded}`),
    }),
    decide: handler({
      schema: DecisionSchema,
      run: (v) =>
        decideObjection({
          callId,
          objectionId: v.objectionId,
          outcome: v.outcome,
          reply: v.reply,
          upheldAction: v.outcome === "UPHELD" ? (v.upheldAction ?? null) : null,
          amountFen:
            v.outcome === "UPHELD" && v.upheldAction === "CHANGE_AMOUNT" && v.amount ? yuanToFen(v.amount) : null,
          actorId: user.id,
          request,
        }),
      done: (_, v) => {
        const back = new URL(request.url);
        back.searchParams.set("decided", v.outcome);
        return redirect(`${back.pathname}${back.search}`);
      },
    }),
  });
}

export default function AdminPublicityPage() {
  const { call, entries, counts, total, objections, confirmBlock, now, status, page } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const selected = entries.filter((e) => e.selected);
  const removed = entries.filter((e) => !e.selected && e.overrideReason?.startsWith("异议成立"));
  const stage = call.reviewStage as ReviewRoundState;
  const decided = searchParams.get("decided");
  const confirmed = searchParams.get("confirmed");
  return (
    <div className="space-y-6">
      <PageHeader
        title="公示与异议"
        description={
          <>
            {call.title} · 评审环节：
            <strong data-testid="review-stage">{reviewRoundWorkflow.stateLabels[stage] ?? call.reviewStage}</strong>
          </>
        }
        actions={
          <Link to={`/admin/grants/${call.id}`} className="btn-secondary">
            返回活动
          </Link>
        }
      />
      {decided === "UPHELD" || decided === "DISMISSED" ? (
        <Notice>已作出“{DECISION_OUTCOMES[decided]}”的处理，异议人可通过其链接查看答复。</Notice>
      ) : null}
      {confirmed ? <Notice>立项名单已确认：{confirmed.split("-")[0]} 个项目立项，已通知全部申报机构。</Notice> : null}

      <section className="card space-y-1 text-sm" aria-label="公示期">
        <p>
          公示期：{formatDate(call.publicityStartsAt)} 至 {formatDate(call.publicityEndsAt)}
          {stage === "PUBLICIZED" && call.publicityEndsAt ? (
            <span className="ml-2 text-gray-600">
              （截止 {formatDateTime(call.publicityEndsAt)}，剩余{" "}
              {publicityDaysLeft(new Date(call.publicityEndsAt), new Date(now))} 天）
            </span>
          ) : null}
        </p>
        {call.confirmedAt ? <p>立项名单确认于 {formatDateTime(call.confirmedAt)}</p> : null}
        {stage === "PUBLICIZED" || stage === "CONFIRMED" ? (
          <p>
            公示页面：
            <Link to={`/grants/${call.id}/publicity`} className="link">
              /grants/{call.id}/publicity
            </Link>
          </p>
        ) : (
          <p className="text-gray-600">拟入围名单尚未发布公示。</p>
        )}
      </section>

      <section tabIndex={0} className="card overflow-x-auto" aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="mb-3 font-medium">
          {stage === "CONFIRMED" ? "立项名单" : "拟入围名单"}（{selected.length} 项）
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="text-gray-500">
            <tr>
              <th className="py-2 pr-3">排名</th>
              <th className="py-2 pr-3">申报机构</th>
              <th className="py-2 pr-3">项目名称</th>
              <th className="py-2 pr-3 text-right">综合得分</th>
              <th className="py-2 pr-3 text-right">资助金额</th>
              <th className="py-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {selected.map((e) => (
              <tr key={e.applicationId} className="border-t border-gray-100">
                <td className="py-2 pr-3 tabular-nums">{e.rank}</td>
                <td className="py-2 pr-3">{e.organizationName}</td>
                <td className="py-2 pr-3">
                  <Link to={`/admin/grants/applications/${e.applicationId}`} className="link">
                    {e.title}
                  </Link>
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatScore(e.finalScore)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatFen(e.amountFen)}</td>
                <td className="py-2">
                  <GrantStatusBadge status={e.status} />
                  {e.projectId ? (
                    <Link to={`/admin/projects/${e.projectId}`} className="link ml-2 whitespace-nowrap">
                      项目主页<span className="sr-only">：{e.title}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {removed.length ? (
          <div className="mt-3 text-sm text-gray-700">
            <p className="font-medium">因异议成立移出名单：</p>
            <ul className="list-disc pl-5">
              {removed.map((e) => (
                <li key={e.applicationId}>
                  {e.organizationName} — {e.title}（{e.overrideReason}）
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="objections-heading">
        <h2 id="objections-heading" className="mb-3 font-medium">
          异议（待处理 {counts.RECEIVED} 件）
        </h2>
        <ObjectionStatusNav
          counts={counts}
          active={status}
          href={(state) => (state ? `?status=${state}` : "?")}
          label="按状态筛选"
        />
        {objections.length === 0 ? (
          <p className="text-sm text-gray-500">暂无异议。</p>
        ) : (
          <ul className="space-y-4">
            {objections.map((o) => (
              <li key={o.id}>
                <ObjectionCard
                  objection={o}
                  label={`异议：${o.application.title}`}
                  heading={`${o.application.organization.name} — ${o.application.title}`}
                  decisionForm={stage === "PUBLICIZED" ? <DecisionForm objectionId={o.id} /> : null}
                  outcomeNote={`${o.upheldAction ? `，${UPHELD_ACTIONS[o.upheldAction as UpheldAction] ?? o.upheldAction}` : ""}${o.upheldAction === "CHANGE_AMOUNT" ? `（${formatFen(o.changedAmountFen)}）` : ""}`}
                />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} total={total} />
      </section>

      <ConfirmSection block={confirmBlock} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
