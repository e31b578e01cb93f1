import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { publicityState } from "~/modules/grants/calls/phase";
import { getPublicity } from "~/modules/grants/publicity/public.server";
import { formatScore } from "~/modules/grants/publicity/publicity";
import { publicityDaysLeft } from "~/modules/publicity/objection";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

// File name ends in `$callId_` so the page is not nested inside the call page's layout.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.call.reviewStage === "CONFIRMED" ? "立项名单" : "拟入围项目公示"} · ${data?.call.title ?? "公益创投"} · 益苗`,
  },
];

export async function loader({ params }: LoaderFunctionArgs) {
  // Public page: no login. Only calls whose shortlist has been publicized exist here.
  const publicity = await getPublicity(params.callId ?? "");
  invariantResponse(publicity, "未找到该公示", { status: 404 });
  const now = new Date();
  return { ...publicity, now, state: publicityState(publicity.call, now) };
}

export default function PublicityPage() {
  const { call, entries, now, state } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const confirmed = state === "CONFIRMED";
  const open = state === "OPEN";
  return (
    <div className="space-y-6">
      <PageHeader
        title={confirmed ? "立项名单" : "拟入围项目公示"}
        description={
          <>
            <Link to={`/grants/${call.id}`} className="link">
              {call.title}
            </Link>{" "}
            · {call.year} 年度
          </>
        }
      />
      {searchParams.get("submitted") === "1" ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          您的异议已提交。
        </p>
      ) : null}
      <section className="card space-y-1 text-sm" aria-label="公示信息">
        <p>
          公示期：{formatDate(call.publicityStartsAt)} 至 {formatDate(call.publicityEndsAt)}
          {open && call.publicityEndsAt ? (
            <span className="ml-2 font-medium text-brand-700" data-testid="days-left">
              （剩余 {publicityDaysLeft(new Date(call.publicityEndsAt), new Date(now))} 天）
            </span>
          ) : null}
        </p>
        {confirmed ? (
          <p data-testid="objections-closed">立项名单已于 {formatDate(call.confirmedAt)} 确认，异议受理已结束。</p>
        ) : !open ? (
          <p data-testid="objections-closed">公示期已结束，不再受理异议。立项名单确认后将在本页公布。</p>
        ) : (
          <p>
            公示期内，任何单位和个人对下列项目有异议的，可点击“提出异议”在线提交，请写明理由并提供联系方式。公示截止时间：
            {formatDateTime(call.publicityEndsAt)}。
          </p>
        )}
      </section>

      <section tabIndex={0} className="card overflow-x-auto" aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 font-medium">
          {confirmed ? "立项项目" : "拟入围项目"}（{entries.length} 项）
        </h2>
        {entries.length === 0 ? (
          <p className="text-sm text-gray-500">暂无项目。</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-gray-500">
              <tr>
                <th className="py-2 pr-3">排名</th>
                <th className="py-2 pr-3">申报机构</th>
                <th className="py-2 pr-3">项目名称</th>
                <th className="py-2 pr-3 text-right">综合得分</th>
                <th className="py-2 pr-3 text-right">{confirmed ? "资助金额" : "拟资助金额"}</th>
                {open ? <th className="py-2">异议</th> : null}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.applicationId} className="border-t border-gray-100">
                  <td className="py-2 pr-3 tabular-nums">{e.rank}</td>
                  <td className="py-2 pr-3">{e.organizationName}</td>
                  <td className="py-2 pr-3">{e.title}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatScore(e.finalScore)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatFen(e.amountFen)}</td>
                  {open ? (
                    <td className="py-2">
                      <Link
                        to={`/grants/${call.id}/objection?applicationId=${e.applicationId}`}
                        className="link"
                        aria-label={`对“${e.title}”提出异议`}
                      >
                        提出异议
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
