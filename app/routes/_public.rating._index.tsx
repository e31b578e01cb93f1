import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { listAnnouncedRounds } from "~/modules/rating/public.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "社会组织评估结果 · 益苗" }];

export async function loader() {
  return { rounds: await listAnnouncedRounds() };
}

export default function PublicRatingRounds() {
  const { rounds } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="社会组织评估结果" description="社会组织等级评估的公示和公告。" />
      {rounds.length === 0 ? (
        <EmptyState>暂无评估结果。</EmptyState>
      ) : (
        <ul className="card divide-y divide-gray-100">
          {rounds.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
              <Link to={`/rating/${r.id}`} className="link font-medium">
                {r.title}
              </Link>
              <span className="text-sm text-gray-600">
                {r.status === "ANNOUNCED"
                  ? `已公告（${formatDate(r.announcedAt)}）`
                  : `公示中，至${formatDate(r.publicityEndsAt)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
