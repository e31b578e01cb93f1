import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { loadRatingApplication } from "~/modules/rating/application-queries.server";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { ratingEligibility } from "~/modules/rating/eligibility.server";
import { APPLICATION_TONES } from "~/modules/rating/labels";
import { isRulesVersion } from "~/modules/rating/rules-version";
import { ScoreSheetTable } from "~/modules/rating/score-sheet-view";
import { loadScoreSheet } from "~/modules/rating/score-sheet.server";
import { decideCheck } from "~/modules/rating/staff-check.server";
import { answerIntent, handler } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { CheckCard, CheckSchema } from "./check-card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.organization.name ?? "评估申请"} · 等级评估 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const app = await loadRatingApplication(params.applicationId ?? "");
  invariantResponse(app && app.status !== "DRAFT", "未找到该评估申请", { status: 404 });
  const version = isRulesVersion(app.round.rulesVersion) ? app.round.rulesVersion : "2026";
  const [eligibilityNow, sheet] = await Promise.all([
    ratingEligibility(prisma, app.organizationId, version),
    loadScoreSheet(app.id, { expertNames: true }),
  ]);
  const { tree: _tree, ...application } = app;
  return { application, eligibilityNow, sheet };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const applicationId = params.applicationId ?? "";
  return answerIntent(
    "check",
    await readForm(request),
    handler({
      schema: CheckSchema,
      run: (v) => decideCheck({ applicationId, decision: v.decision, note: v.note ?? null, actor: admin, request }),
      done: () => redirect(`/admin/rating/applications/${applicationId}?decided=1`),
    }),
  );
}

export default function StaffRatingApplicationPage() {
  const { application: app, eligibilityNow, sheet } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const missing = app.sheet.missing.length;
  const noEvidence = app.blocks.reduce((n, b) => n + (b.leaves - b.withEvidence), 0);
  return (
    <div className="space-y-4">
      <PageHeader
        title={app.organization.name}
        description={
          <>
            {app.round.title} ·{" "}
            <StatusBadge workflow={ratingApplicationWorkflow} state={app.status} tones={APPLICATION_TONES} />
          </>
        }
        actions={
          <Link to={`/admin/rating/${app.roundId}`} className="btn-secondary">
            返回评估
          </Link>
        }
      />
      {params.has("decided") ? <Notice>审核结果已保存，已通知该组织。</Notice> : null}
      <section className="card space-y-2 text-sm" aria-label="申请条件与完整性">
        <h2 className="text-base font-semibold text-gray-900">申请条件与完整性</h2>
        <p>
          提交时核对：
          {app.eligibility?.eligible ? "符合申请条件" : `不符合：${app.eligibility?.reasons.join("；") ?? "—"}`}
        </p>
        <p data-testid="eligibility-now">
          当前核对：{eligibilityNow.eligible ? "符合申请条件" : `不符合：${eligibilityNow.reasons.join("；")}`}
        </p>
        <p>
          自评 {app.sheet.total} 分；{missing ? `${missing} 项指标未自评` : "全部指标已自评"}；
          {noEvidence ? `${noEvidence} 项指标未上传佐证材料` : "每项指标均有佐证材料"}。
        </p>
        {app.returnNote ? <p>上次补正意见：{app.returnNote}</p> : null}
        {app.rejectReason ? <p>不予受理理由：{app.rejectReason}</p> : null}
      </section>
      {app.status === "SUBMITTED" ? <CheckCard /> : null}
      {sheet ? <ScoreSheetTable sheet={sheet} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
