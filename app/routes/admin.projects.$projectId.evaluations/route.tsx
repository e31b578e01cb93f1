// The staff's 评估 tab of a project (#14 items 1–5): each evaluation with its self-assessment,
// experts, the "computed from the record" items, score and grade; staff record a veto, return a
// self-assessment, publish the result, answer objections (the result becomes final by itself
// after publicity, decision 026), apply the missing-report rule and decide what follows a mid-term 不合格.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { decideFailedMidterm } from "~/modules/evaluation/decide.server";
import { FINAL_FAIL_OUTCOME } from "~/modules/evaluation/gates";
import { decideEvaluationObjection } from "~/modules/evaluation/publicity.server";
import { staffProjectEvaluations } from "~/modules/evaluation/queries.server";
import { RecordItemsView } from "~/modules/evaluation/record-items-view";
import {
  applyMissingReport,
  publishResult,
  recordVeto,
  returnSelfAssessment,
} from "~/modules/evaluation/results.server";
import { kindLabel } from "~/modules/evaluation/score";
import {
  DecideSchema,
  ObjectionDecisionSchema,
  ReturnSchema,
  StepSchema,
  VetoSchema,
} from "~/modules/evaluation/staff-forms";
import {
  EVALUATION_TONES,
  evaluationWorkflow,
  FAIL_DECISION_LABELS,
  type FailDecision,
} from "~/modules/evaluation/workflow";
import { requireStaffProject } from "~/modules/funding/access.server";
import { reviewAssignmentWorkflow } from "~/modules/review/assignment-workflow";
import { REVIEW_STATUS_TONES } from "~/modules/review/reviewer-view";
import { dispatchIntent, handler } from "~/utils/action.server";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { formatDate, yuanToFen } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { DecideForm, ObjectionForm, ReasonForm, StepButton } from "./forms";

function endOfDay(input: string | undefined) {
  const date = input ? parseDateInput(input) : null;
  if (!date) return null;
  const p = shanghaiParts(date);
  return shanghaiEndOfDay(p.year, p.month, p.day);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  return {
    project: { id: project.id, callId: project.callId },
    evaluations: await staffProjectEvaluations(project.id),
    now: new Date(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const who = { actorId: user.id, request, projectId: project.id };
  const done = () => redirect(`/admin/projects/${project.id}/evaluations`);
  const steps = { publish: publishResult, missing: applyMissingReport };
  const step = handler({
    schema: StepSchema,
    run: (v) => steps[v.intent]({ ...who, evaluationId: v.evaluationId }),
    done,
  });
  return dispatchIntent(await readForm(request), {
    veto: handler({ schema: VetoSchema, run: (v) => recordVeto({ ...who, ...v }), done }),
    return: handler({ schema: ReturnSchema, run: (v) => returnSelfAssessment({ ...who, ...v }), done }),
    publish: step,
    missing: step,
    decide: handler({
      schema: DecideSchema,
      run: (v) =>
        decideFailedMidterm({
          ...who,
          evaluationId: v.evaluationId,
          decision: v.decision,
          reason: v.reason,
          rectifyDueAt: endOfDay(v.rectifyDueAt),
          clawbackFen: v.clawbackYuan ? (yuanToFen(v.clawbackYuan) ?? 0) : 0,
          clawbackDueAt: endOfDay(v.clawbackDueAt),
        }),
      done,
    }),
    objection: handler({
      schema: ObjectionDecisionSchema,
      run: (v) => decideEvaluationObjection({ ...who, objectionId: v.objectionId, outcome: v.outcome, reply: v.reply }),
      done,
    }),
  });
}

export default function StaffProjectEvaluations() {
  const { project, evaluations, now } = useLoaderData<typeof loader>();
  if (evaluations.length === 0)
    return (
      <EmptyState
        action={
          <Link to={`/admin/grants/${project.callId}/evaluations`} className="btn-secondary">
            前往项目评估安排
          </Link>
        }
      >
        该项目还没有安排评估。
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link to={`/admin/grants/${project.callId}/evaluations`} className="link">
          本期项目评估与专家分配
        </Link>
      </p>
      {evaluations.map((e) => {
        const overdue = e.status === "AWAITING_REPORT" && new Date(e.dueAt).getTime() < new Date(now).getTime();
        const publicityOver = e.publicityEndsAt && new Date(e.publicityEndsAt).getTime() <= new Date(now).getTime();
        return (
          <section
            key={e.id}
            className="card space-y-3"
            aria-labelledby={`ev-${e.id}`}
            data-testid={`evaluation-${e.kind}-${e.round}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <h2 id={`ev-${e.id}`} className="text-base font-semibold text-gray-900">
                {kindLabel(e.kind, e.round)}
              </h2>
              <StatusBadge workflow={evaluationWorkflow} state={e.status} tones={EVALUATION_TONES} />
              {overdue ? <span className="text-sm text-red-700">报告及自评已逾期</span> : null}
            </div>
            <DescriptionList>
              <DescriptionItem label="报告及自评截止">{formatDate(e.dueAt)}</DescriptionItem>
              <DescriptionItem label="自评">{e.selfTotal !== null ? `${e.selfTotal} 分` : "—"}</DescriptionItem>
              <DescriptionItem label="评估专家">
                {e.experts.length === 0
                  ? "未分配"
                  : e.experts.map((x) => (
                      <span key={x.id} className="mr-2">
                        {x.name}{" "}
                        <StatusBadge workflow={reviewAssignmentWorkflow} state={x.status} tones={REVIEW_STATUS_TONES} />
                      </span>
                    ))}
              </DescriptionItem>
              <DescriptionItem label="专家评分（平均）">{e.expertTotal ?? "—"}</DescriptionItem>
              <DescriptionItem label="评估得分 / 等级">{e.grade ? `${e.score} 分 · ${e.grade}` : "—"}</DescriptionItem>
              <DescriptionItem label="公示期">
                {e.publicityEndsAt ? `${formatDate(e.publicityStartsAt)} 至 ${formatDate(e.publicityEndsAt)}` : "—"}
              </DescriptionItem>
              {e.vetoReason ? (
                <DescriptionItem label="一票否决" wide>
                  {e.vetoReason}
                </DescriptionItem>
              ) : null}
              {e.conclusion ? (
                <DescriptionItem label="说明" wide multiline>
                  {e.conclusion}
                </DescriptionItem>
              ) : null}
              {e.kind === "FINAL" && e.status === "FINAL" && e.grade === "不合格" ? (
                <DescriptionItem label="结果" wide>
                  <span className="text-red-700" data-testid="final-fail-outcome">
                    {FINAL_FAIL_OUTCOME}（已停止尾款、终止项目并暂停申报资格）
                  </span>
                </DescriptionItem>
              ) : null}
              {e.decision ? (
                <DescriptionItem label="处理决定" wide>
                  {FAIL_DECISION_LABELS[e.decision as FailDecision]}
                  {e.rectifyDueAt ? `（整改期限 ${formatDate(e.rectifyDueAt)}）` : ""}：{e.decisionReason}
                </DescriptionItem>
              ) : null}
            </DescriptionList>
            {e.record ? <RecordItemsView items={e.record} id={`record-${e.id}`} /> : null}
            {e.objections.length ? (
              <div className="space-y-2">
                <h3 className="text-sm font-semibold text-gray-900">公示异议</h3>
                {e.objections.map((o) => (
                  <div key={o.id} className="rounded-md border border-gray-200 p-3 text-sm">
                    <p>
                      {o.name}（{o.contact}）· {formatDate(o.createdAt)} ·{" "}
                      {o.status === "RECEIVED" ? "待处理" : o.status === "UPHELD" ? "异议成立" : "异议不成立"}
                    </p>
                    <p className="whitespace-pre-wrap text-gray-700">{o.content}</p>
                    {o.reply ? <p className="text-gray-600">答复：{o.reply}</p> : null}
                    {o.status === "RECEIVED" && e.status === "PUBLICITY" ? <ObjectionForm objectionId={o.id} /> : null}
                  </div>
                ))}
              </div>
            ) : null}
            {e.status === "PUBLICITY" ? (
              <p className="text-sm text-gray-700" data-testid="publicity-end">
                {publicityOver
                  ? "公示期已满，尚有异议待处理：异议全部处理完毕后结果自动生效。"
                  : `公示期满（${formatDate(e.publicityEndsAt)}）且无待处理的异议时，结果自动生效。`}
              </p>
            ) : null}
            <div className="flex flex-wrap items-start gap-3">
              {e.status === "SCORED" ? <StepButton evaluationId={e.id} intent="publish" label="公示评估结果" /> : null}
              {overdue ? <StepButton evaluationId={e.id} intent="missing" label="逾期未提交，评为不合格" /> : null}
            </div>
            {["SUBMITTED", "SCORED"].includes(e.status) ? <ReasonForm evaluationId={e.id} intent="veto" /> : null}
            {e.status === "SUBMITTED" ? <ReasonForm evaluationId={e.id} intent="return" /> : null}
            {e.kind === "MIDTERM" && e.status === "FINAL" && e.grade === "不合格" && !e.decision ? (
              <DecideForm evaluationId={e.id} />
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
