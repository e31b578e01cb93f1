import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { callPhase } from "~/modules/grants/calls/phase";
import { listPublicCalls } from "~/modules/grants/calls/store.server";
import { PhaseBadge } from "~/modules/grants/calls/view";
import { formatDate, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "公益创投 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const page = getPage(new URL(request.url));
  const { total, calls } = await listPublicCalls(page);
  const now = new Date();
  return {
    page,
    total,
    calls: calls.map((c) => ({
      id: c.id,
      title: c.title,
      year: c.year,
      poolFen: c.poolFen,
      perProjectCapFen: c.perProjectCapFen,
      applyOpensAt: c.applyOpensAt,
      applyClosesAt: c.applyClosesAt,
      receivedCount: c.receivedCount,
      phase: callPhase(c, now),
    })),
  };
}

export default function PublicGrantCallsPage() {
  const { calls, page, total } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="公益创投"
        description="区民政局每年设立公益创投资金，资助社会组织在本区开展为老、助残、青少年、救助帮困、社区治理等公益服务项目。"
      />
      {calls.length === 0 ? (
        <p className="card text-sm text-gray-500">目前没有公开的公益创投活动。</p>
      ) : (
        <ul className="space-y-3" aria-label="公益创投活动">
          {calls.map((c) => (
            <li key={c.id} className="card">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-base font-semibold">
                  <Link to={`/grants/${c.id}`} className="link">
                    {c.title}
                  </Link>
                </h2>
                <PhaseBadge phase={c.phase} />
              </div>
              <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-gray-500">资金总额</dt>
                  <dd>{formatFen(c.poolFen)}</dd>
                </div>
                <div>
                  <dt className="text-gray-500">单个项目上限</dt>
                  <dd>{formatFen(c.perProjectCapFen)}</dd>
                </div>
                <div>
                  <dt className="text-gray-500">申报时间</dt>
                  <dd>
                    {formatDate(c.applyOpensAt)} 至 {formatDate(c.applyClosesAt)}
                  </dd>
                </div>
                <div>
                  <dt className="text-gray-500">已收到申报</dt>
                  <dd>{c.receivedCount} 份</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
