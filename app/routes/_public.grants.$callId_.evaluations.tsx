// The public list of a call's evaluation results in publicity (#14 item 4), each with its link to
// the shared objection form. File name ends in `$callId_` so the page is not nested in the call page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { publicEvaluationResults } from "~/modules/evaluation/public.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `项目评估结果公示 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  // Public page: no login. Only results staff have published are listed.
  const publicity = await publicEvaluationResults(params.callId ?? "");
  invariantResponse(publicity, "未找到该活动", { status: 404 });
  return publicity;
}

export default function EvaluationPublicityPage() {
  const { call, results } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="项目评估结果公示"
        description={
          <>
            <Link to={`/grants/${call.id}`} className="link">
              {call.title}
            </Link>{" "}
            · {call.year} 年度
          </>
        }
      />
      <section className="card text-sm" aria-label="公示说明">
        <p>
          公示期内，任何单位和个人对下列项目的中期或终期评估结果有异议的，可点击“提出异议”在线提交，请写明理由并提供联系方式。公示期满无异议或异议不成立的，评估结果生效。
        </p>
      </section>
      <section tabIndex={0} className="card overflow-x-auto" aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-3 font-medium">
          公示中的评估结果（{results.length} 项）
        </h2>
        {results.length === 0 ? (
          <EmptyState>目前没有公示中的评估结果。</EmptyState>
        ) : (
          <table className="table-basic">
            <thead>
              <tr>
                <th>项目</th>
                <th>执行机构</th>
                <th>评估</th>
                <th className="text-right">得分</th>
                <th>等级</th>
                <th>公示期</th>
                <th>异议</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.evaluationId}>
                  <td>
                    {r.projectNo} {r.title}
                  </td>
                  <td>{r.organizationName}</td>
                  <td>{r.label}</td>
                  <td className="text-right tabular-nums">{r.score ?? "—"}</td>
                  <td>{r.grade ?? "—"}</td>
                  <td>
                    {formatDate(r.publicityStartsAt)} 至 {formatDateTime(r.publicityEndsAt)}
                  </td>
                  <td>
                    <Link
                      to={`/grants/${call.id}/evaluations/objection?evaluationId=${r.evaluationId}`}
                      className="link"
                      aria-label={`对“${r.title}”的${r.label}结果提出异议`}
                    >
                      提出异议
                    </Link>
                  </td>
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
