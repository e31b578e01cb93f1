import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { SectionCard } from "~/components/section-card";
import { evaluationsInPublicity } from "~/modules/evaluation/public.server";
import { timeRemaining } from "~/modules/grants/calls/display";
import { callPhase, publicityState } from "~/modules/grants/calls/phase";
import { getPublicCall } from "~/modules/grants/calls/store.server";
import {
  CallEligibilityList,
  CallMoneyRules,
  CallRubric,
  CallTimeline,
  CallTranches,
  PhaseBadge,
} from "~/modules/grants/calls/view";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.call.title ?? "公益创投"} · 益苗` }];

export async function loader({ params }: LoaderFunctionArgs) {
  const call = await getPublicCall(params.callId!);
  invariantResponse(call, "活动不存在", { status: 404 });
  const now = new Date();
  const evaluationResults = await evaluationsInPublicity(call.id);
  return { call, phase: callPhase(call, now), now, publicity: publicityState(call, now), evaluationResults };
}

const PUBLICITY_NOTICE = {
  OPEN: "拟入围项目正在公示，公示期内可提出异议。",
  ENDED: "拟入围项目公示期已结束，立项名单确认后将公布。",
  CONFIRMED: "立项名单已确认。",
} as const;

/** Server-rendered, then refreshed every minute; the box keeps its size so nothing moves. */
function Countdown({ deadline, serverNow }: { deadline: Date; serverNow: Date }) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(new Date());
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = timeRemaining(deadline, now);
  return (
    <p
      className="min-h-[1.75rem] text-lg font-semibold tabular-nums text-brand-700"
      data-testid="countdown"
      aria-live="off"
    >
      {left.passed ? (
        "申报已截止"
      ) : (
        <>
          距申报截止还有 {left.days} 天 {left.hours} 小时 {left.minutes} 分
        </>
      )}
    </p>
  );
}

export default function PublicGrantCallPage() {
  const { call, phase, now, publicity, evaluationResults } = useLoaderData<typeof loader>();
  const applying = phase === "APPLYING";
  return (
    <div className="space-y-6">
      <PageHeader
        title={call.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PhaseBadge phase={phase} />
            <span>{call.year} 年度</span>
            {call.publishedAt ? <span>发布于 {formatDate(call.publishedAt)}</span> : null}
          </span>
        }
      />

      {publicity !== "NOT_PUBLISHED" ? (
        <p className="rounded-md border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900">
          {PUBLICITY_NOTICE[publicity]}
          <Link to={`/grants/${call.id}/publicity`} className="link ml-2 font-medium">
            {publicity === "CONFIRMED" ? "查看立项名单" : "查看拟入围项目公示"}
          </Link>
          {publicity === "CONFIRMED" ? (
            <Link to={`/projects?call=${call.id}`} className="link ml-2 font-medium">
              资助项目执行情况
            </Link>
          ) : null}
        </p>
      ) : null}

      {evaluationResults > 0 ? (
        <p className="rounded-md border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900">
          {evaluationResults} 个资助项目的评估结果正在公示，公示期内可提出异议。
          <Link to={`/grants/${call.id}/evaluations`} className="link ml-2 font-medium">
            查看项目评估结果公示
          </Link>
        </p>
      ) : null}

      <section className="card grid gap-4 sm:grid-cols-3" aria-label="申报情况">
        <div className="sm:col-span-2">
          {applying ? (
            <>
              <Countdown deadline={call.applyClosesAt} serverNow={now} />
              <p className="mt-1 text-sm text-gray-600">申报截止时间：{formatDateTime(call.applyClosesAt)}</p>
            </>
          ) : phase === "NOT_OPEN" ? (
            <p className="text-lg font-semibold text-gray-800">申报将于 {formatDate(call.applyOpensAt)} 开始</p>
          ) : (
            <p className="text-lg font-semibold text-gray-800">申报已于 {formatDate(call.applyClosesAt)} 截止</p>
          )}
          {applying ? (
            <Link to={`/org/grants?call=${call.id}`} className="btn-primary mt-3 inline-block">
              在线申报
            </Link>
          ) : null}
        </div>
        <div>
          <p className="text-sm text-gray-500">已收到申报</p>
          <p className="text-2xl font-semibold text-gray-900" data-testid="received-count">
            {call.receivedCount} 份
          </p>
        </div>
      </section>

      <SectionCard id="timeline" title="活动进度">
        <CallTimeline call={call} phase={phase} />
        <p className="mt-2 text-xs text-gray-500">
          日期为计划安排，当前阶段以实际进展为准。公示期为 {call.publicityDays}{" "}
          天，计划自专家评审截止的次日起；拟入围名单发布后自发布之日起算。
        </p>
      </SectionCard>

      <SectionCard id="desc" title="活动说明">
        <p className="whitespace-pre-line text-sm text-gray-800">{call.description}</p>
      </SectionCard>

      <SectionCard id="rules" title="资助规则">
        <CallMoneyRules call={call} />
      </SectionCard>

      <SectionCard id="eligibility" title="申报资格">
        <CallEligibilityList eligibility={call.eligibility} />
      </SectionCard>

      <SectionCard id="rubric" title="评分细则">
        <CallRubric criteria={call.criteria} />
      </SectionCard>

      <SectionCard id="tranche" title="资金拨付">
        <CallTranches tranches={call.tranches} />
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
