// The audit chain's head at the end of each day, published so that anyone who keeps one can
// later detect a rewrite of the trail before it (docs/decisions/009-audit-hash-chain.md).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { ScrollBox } from "~/components/scroll-box";
import { dailyChainHeads } from "~/modules/audit/chain.server";
import { formatCount, formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [
  { title: "审计链每日公示 · 益苗" },
  { name: "description", content: "平台审计记录哈希链每日末尾的哈希值，供公众留存核对。" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const page = getPage(new URL(request.url));
  const { heads, total } = await dailyChainHeads(page, PAGE_SIZE);
  return { page, pageSize: PAGE_SIZE, heads, total };
}

export default function AuditChainPage() {
  const { page, pageSize, heads, total } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="审计链每日公示"
        description="平台的每一条审计记录都包含前一条记录的 SHA-256 哈希，连成一条链。下表公示每天（北京时间）最后一条记录的序号和哈希。留存某日的哈希，日后即可核对该日及之前的记录未被改写。"
      />
      {heads.length === 0 ? (
        <EmptyState>暂无审计记录。</EmptyState>
      ) : (
        <ScrollBox label="每日链头" className="rounded-lg border border-gray-200 bg-white">
          <table className="table-basic">
            <thead>
              <tr>
                <th>日期</th>
                <th>当日记录数</th>
                <th>链头序号</th>
                <th>链头哈希（SHA-256）</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {heads.map((h) => (
                <tr key={h.day}>
                  <td className="whitespace-nowrap">{formatDate(new Date(`${h.day}T12:00:00+08:00`))}</td>
                  <td className="whitespace-nowrap">{formatCount(h.events)}</td>
                  <td className="whitespace-nowrap font-mono">#{h.seq}</td>
                  <td className="break-all font-mono text-xs">{h.hash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
