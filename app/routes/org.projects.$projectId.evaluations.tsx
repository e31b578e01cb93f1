// The organization's 评估 tab (#14 items 1, 3–4): its project's mid-term and final evaluations
// with their due dates and published results, and the self-assessment of the one waiting for it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { FINAL_FAIL_OUTCOME } from "~/modules/evaluation/gates";
import { orgProjectEvaluations } from "~/modules/evaluation/queries.server";
import { kindLabel } from "~/modules/evaluation/score";
import { buildSelfAssessmentSchema } from "~/modules/evaluation/self-assessment";
import { EvaluationSelfAssessmentForm } from "~/modules/evaluation/self-assessment-form";
import { saveSelfAssessment } from "~/modules/evaluation/self-assessment.server";
import {
  EVALUATION_TONES,
  evaluationWorkflow,
  FAIL_DECISION_LABELS,
  type FailDecision,
} from "~/modules/evaluation/workflow";
import { requireMemberProject } from "~/modules/funding/access.server";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  return { project: { id: project.id }, ...(await orgProjectEvaluations(project.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { project, user } = await requireMemberProject(request, params.projectId);
  const { open } = await orgProjectEvaluations(project.id);
  invariantResponse(open, "没有待提交自评的评估", { status: 409 });
  const formData = await readForm(request);
  const intent = formData.get("intent") === "submit" ? "submit" : "draft";
  return answerIntent(
    intent,
    formData,
    handler({
      schema: buildSelfAssessmentSchema(open.leaves),
      run: (value) =>
        saveSelfAssessment({ projectId: project.id, evaluationId: open.id, value, actorId: user.id, request }),
      done: ({ submitted }) =>
        redirect(`/org/projects/${project.id}/evaluations?${submitted ? "submitted=1" : "saved=1"}`),
    }),
  );
}

export default function OrgProjectEvaluations() {
  const { evaluations, open } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="space-y-4">
      {params.get("submitted") ? <Notice>自评已提交，等待评估专家评审。</Notice> : null}
      {params.get("saved") ? <Notice>草稿已保存。</Notice> : null}
      <SectionCard id="evaluations" title="项目评估">
        {evaluations.length === 0 ? (
          <EmptyState>项目签约后将安排中期评估和终期评估。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100">
            {evaluations.map((e) => (
              <li key={e.id} className="space-y-1 py-3 text-sm" data-testid={`evaluation-${e.kind}-${e.round}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-gray-900">{kindLabel(e.kind, e.round)}</span>
                  <StatusBadge workflow={evaluationWorkflow} state={e.status} tones={EVALUATION_TONES} />
                </div>
                <p className="text-gray-600">
                  报告及自评截止 {formatDate(e.dueAt)}
                  {e.selfTotal !== null ? ` · 自评 ${e.selfTotal} 分` : ""}
                </p>
                {e.status === "AWAITING_REPORT" && e.id !== open?.id ? (
                  <p className="text-gray-600">此前的评估结果确定后开放自评。</p>
                ) : null}
                {e.grade ? (
                  <p className="text-gray-900">
                    评估结果：{e.score} 分，{e.grade}
                    {e.status === "PUBLICITY" && e.publicityEndsAt ? `（公示至 ${formatDate(e.publicityEndsAt)}）` : ""}
                    {e.finalAt ? `（${formatDate(e.finalAt)} 生效）` : ""}
                  </p>
                ) : null}
                {e.vetoReason && e.grade ? <p className="text-red-700">一票否决：{e.vetoReason}</p> : null}
                {e.kind === "FINAL" && e.status === "FINAL" && e.grade === "不合格" ? (
                  <p className="text-red-700" data-testid="final-fail-outcome">
                    {FINAL_FAIL_OUTCOME}。
                  </p>
                ) : null}
                {e.status === "FINAL" && e.conclusion && e.grade === "不合格" && !e.submittedAt ? (
                  <p className="text-red-700">{e.conclusion}</p>
                ) : null}
                {e.decision ? (
                  <p className="text-amber-800">
                    处理决定：{FAIL_DECISION_LABELS[e.decision as FailDecision]}
                    {e.rectifyDueAt ? `，整改期限 ${formatDate(e.rectifyDueAt)}` : ""}。{e.decisionReason}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
      {open ? (
        <section aria-labelledby="self-heading" className="space-y-3">
          <h2 id="self-heading" className="text-base font-semibold text-gray-900">
            {kindLabel(open.kind, open.round)}自评（{open.schemeTitle}）
          </h2>
          <p className="text-sm text-gray-600">
            请在 {formatDate(open.dueAt)} 前提交{open.kind === "FINAL" ? "终期" : "中期"}
            报告，并逐项自评后提交；逾期未提交按不合格处理。
          </p>
          <EvaluationSelfAssessmentForm leaves={open.leaves} defaults={open.defaults} reply={reply} />
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
