// A call's evaluation panel (#14 item 1): every mid-term / final evaluation of its projects with
// its experts and progress; staff create the evaluations of signed projects that have none,
// switch blind review and run the automatic assignment on the GrantEvaluation panel kind.
import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { scheduleCallEvaluations } from "~/modules/evaluation/create.server";
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import {
  EVALUATION_AUTO_ASSIGN_WORDS,
  EvaluationPanelSettingsSchema,
  ScheduleEvaluationsSchema,
} from "~/modules/evaluation/review/panel";
import {
  evaluationAutoAssignHandler,
  loadEvaluationPanel,
  savePanelSettings,
} from "~/modules/evaluation/review/panel.server";
import { kindLabel } from "~/modules/evaluation/score";
import { EVALUATION_TONES, evaluationWorkflow } from "~/modules/evaluation/workflow";
import { AutoAssignCard } from "~/modules/review/auto-assign-card";
import { PanelReviewers } from "~/modules/review/reviewer-view";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `项目评估 · ${data?.round.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  await settleEndedPublicity({ callId: params.callId ?? "" });
  const panel = await loadEvaluationPanel(params.callId ?? "");
  invariantResponse(panel, "未找到该活动", { status: 404 });
  return panel;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const callId = params.callId ?? "";
  const call = await loadEvaluationPanel(callId);
  invariantResponse(call, "未找到该活动", { status: 404 });
  return dispatchIntent(await readForm(request), {
    "auto-assign": evaluationAutoAssignHandler(callId, { actor: admin, request }),
    settings: handler({
      schema: EvaluationPanelSettingsSchema,
      run: ({ blind }) => savePanelSettings({ callId, blind: blind ?? false, actorId: admin.id, request }),
      done: () => data({ intent: "settings" as const, saved: true }),
    }),
    schedule: handler({
      schema: ScheduleEvaluationsSchema,
      run: () => scheduleCallEvaluations({ callId, actorId: admin.id, request }),
      done: ({ created }) => data({ intent: "schedule" as const, created }),
    }),
  });
}

function SettingsForm() {
  const { round } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useConformForm({
    id: "settings",
    schema: EvaluationPanelSettingsSchema,
    reply,
    intent: "settings",
    defaultValue: { blind: round.blind ? "on" : undefined },
  });
  const busy = useIsPending({ intent: "settings" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-center gap-3 text-sm">
      <input type="hidden" name="intent" value="settings" />
      <label className="flex items-center gap-2">
        <input {...getInputProps(fields.blind, { type: "checkbox" })} className="h-4 w-4" />
        匿名评审（专家看不到项目执行机构名称）
      </label>
      <button type="submit" className="btn-secondary" disabled={busy}>
        保存设置
      </button>
    </Form>
  );
}

export default function EvaluationPanelPage() {
  const { round, evaluations, totals, unscheduled, candidates } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const scheduled = reply && "created" in reply ? reply.created : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title="项目评估专家评审"
        description={`${round.title} · 已分配 ${totals.assignments} 项，已提交 ${totals.submitted} 项`}
        actions={
          <Link to={`/admin/grants/${round.id}`} className="btn-secondary">
            返回活动
          </Link>
        }
      />
      {scheduled !== null ? <Notice>已为 {scheduled} 个项目安排评估。</Notice> : null}
      <SectionCard id="panel-settings" title="评估安排" className="space-y-3">
        <SettingsForm />
        {unscheduled > 0 ? (
          <Form method="post" className="flex flex-wrap items-center gap-3 text-sm">
            <input type="hidden" name="intent" value="schedule" />
            <span>有 {unscheduled} 个已签约项目尚未安排中期 / 终期评估。</span>
            <button type="submit" className="btn-secondary">
              安排评估
            </button>
          </Form>
        ) : null}
      </SectionCard>
      {round.open ? (
        <AutoAssignCard
          words={EVALUATION_AUTO_ASSIGN_WORDS}
          candidates={candidates}
          k={round.k}
          reviewEndsAt={round.reviewEndsAt}
          reply={reply}
        />
      ) : null}
      <SectionCard id="panel-evaluations" title="项目评估" scrollable>
        {evaluations.length === 0 ? (
          <EmptyState>还没有项目评估。</EmptyState>
        ) : (
          <table className="table-basic">
            <thead>
              <tr>
                <th>项目</th>
                <th>评估</th>
                <th>评估专家</th>
                <th>自评 / 专家评分</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {evaluations.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/admin/projects/${e.project.id}/evaluations`} className="link">
                      {e.project.projectNo} {e.project.title}
                    </Link>
                    <span className="block text-xs text-gray-500">{e.project.organization.name}</span>
                  </td>
                  <td>
                    {kindLabel(e.kind, e.round)}
                    <span className="block text-xs text-gray-500">报告及自评截止 {formatDate(e.dueAt)}</span>
                  </td>
                  <td>
                    <PanelReviewers reviewers={e.reviewers} needsReviewer={e.needsReviewer} k={round.k} />
                  </td>
                  <td>
                    {e.selfTotal ?? "—"} / {e.expertTotal ?? "—"}
                    {e.grade ? <span className="block text-xs">等级 {e.grade}</span> : null}
                  </td>
                  <td>
                    <StatusBadge workflow={evaluationWorkflow} state={e.status} tones={EVALUATION_TONES} />
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
