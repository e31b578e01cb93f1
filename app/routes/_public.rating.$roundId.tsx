import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { getPublicRoundResults } from "~/modules/rating/public.server";
import { gradeLabel, gradeValidity } from "~/modules/registry/grade";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? "评估结果"} · 社会组织评估结果 · 益苗` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const data = await getPublicRoundResults(params.roundId ?? "");
  invariantResponse(data, "未找到该评估结果", { status: 404 });
  const validity = data.round.announcedAt ? gradeValidity(data.round.announcedAt) : null;
  return { ...data, validity };
}

export default function PublicRatingRound() {
  const { round, results, validity } = useLoaderData<typeof loader>();
  return (
    <div>
      <nav className="mb-3 text-sm" aria-label="面包屑">
        <Link to="/rating" className="link">
          社会组织评估结果
        </Link>
      </nav>
      <PageHeader
        title={round.title}
        description={
          round.status === "ANNOUNCED"
            ? `公告日期 ${formatDate(round.announcedAt)}；等级有效期 ${formatDate(validity?.validFrom)} 至 ${formatDate(validity?.validTo)}。`
            : `评估结果公示至 ${formatDate(round.publicityEndsAt)}，公示期内可申请复核。`
        }
      />
      {results.length === 0 ? (
        <EmptyState>暂无结果。</EmptyState>
      ) : (
        <DataTable
          className="sm:card sm:p-0"
          label="评估结果"
          rows={results}
          rowKey={(r) => r.id}
          rowProps={() => ({ "data-testid": "public-result" })}
          columns={[
            {
              header: "社会组织",
              primary: true,
              cell: (r) => (
                <Link to={`/orgs/${r.organization.id}`} className="link">
                  {r.organization.name}
                </Link>
              ),
            },
            { header: "类型", cell: (r) => orgTypeLabel(r.organization.type) },
            { header: "评估等级", cell: (r) => gradeLabel(r.finalGrade) },
          ]}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
