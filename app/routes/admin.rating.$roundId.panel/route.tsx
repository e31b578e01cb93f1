import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { APPLICATION_TONES } from "~/modules/rating/labels";
import { RATING_AUTO_ASSIGN_WORDS } from "~/modules/rating/review/panel";
import { loadRatingPanel, ratingAutoAssignHandler } from "~/modules/rating/review/panel.server";
import { AutoAssignCard } from "~/modules/review/auto-assign-card";
import { PanelReviewers } from "~/modules/review/reviewer-view";
import { answerIntent } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `专家评估 · ${data?.round.title ?? "等级评估"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const panel = await loadRatingPanel(params.roundId ?? "");
  invariantResponse(panel, "未找到该评估", { status: 404 });
  return panel;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const roundId = params.roundId ?? "";
  return answerIntent(
    "auto-assign",
    await readForm(request),
    ratingAutoAssignHandler(roundId, { actor: admin, request }),
  );
}

export default function RatingPanelPage() {
  const { round, applications, totals, candidates } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="专家评估"
        description={`${round.title} · 评估截止 ${formatDate(round.reviewEndsAt)} · 已分配 ${totals.assignments} 项，已提交 ${totals.submitted} 项`}
        actions={
          <Link to={`/admin/rating/${round.id}`} className="btn-secondary">
            返回评估
          </Link>
        }
      />
      {round.open ? (
        <AutoAssignCard
          words={RATING_AUTO_ASSIGN_WORDS}
          candidates={candidates}
          k={round.k}
          reviewEndsAt={round.reviewEndsAt}
          reply={reply}
        />
      ) : null}
      <SectionCard id="panel-applications" title="进入专家评估的申请" scrollable>
        {applications.length === 0 ? (
          <EmptyState>还没有审核通过的申请。</EmptyState>
        ) : (
          <table className="table-basic">
            <thead>
              <tr>
                <th>社会组织</th>
                <th>评估专家</th>
                <th>自评分</th>
                <th>专家评分（平均）</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/admin/rating/applications/${a.id}`} className="link">
                      {a.organization.name}
                    </Link>
                  </td>
                  <td>
                    <PanelReviewers reviewers={a.reviewers} needsReviewer={a.needsReviewer} k={round.k} showOverdue />
                  </td>
                  <td>{a.selfTotal ?? "—"}</td>
                  <td>{a.expertTotal ?? "—"}</td>
                  <td>
                    <StatusBadge workflow={ratingApplicationWorkflow} state={a.status} tones={APPLICATION_TONES} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
