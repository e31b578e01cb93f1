import { useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { ScrollBox } from "~/components/scroll-box";
import { StatusBadge } from "~/components/status-badge";
import { RECOMMENDATIONS, reviewAssignmentWorkflow, type Recommendation } from "~/modules/review/assignment-workflow";
import { REVIEW_STATUS_TONES } from "~/modules/review/reviewer-view";
import { formatDate, formatDateTime } from "~/utils/format";
import { ReopenForm } from "./reopen-form";
import { ReplaceForm, type ReviewerOption } from "./replace-form";
import type { loader } from "./route";

type Assignment = ReturnType<typeof useLoaderData<typeof loader>>["assignments"][number];

/** One reviewer's task on the application: dates, scores, reasons, and what staff may change. */
export function AssignmentCard({ assignment: a, options }: { assignment: Assignment; options: ReviewerOption[] }) {
  const { call } = useLoaderData<typeof loader>();
  const open = call.reviewStage === "OPEN";
  const inactive = a.status === "RECUSED" || a.status === "REPLACED";
  return (
    <article
      className={`card space-y-3 ${inactive ? "bg-gray-50" : ""}`}
      data-testid="assignment-card"
      aria-label={`${a.reviewer.name} 的评审`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-gray-900">{a.reviewer.name}</h2>
        <StatusBadge
          workflow={reviewAssignmentWorkflow}
          state={a.status}
          tones={REVIEW_STATUS_TONES}
          testId="assignment-status"
        />
      </div>
      <DescriptionList className="sm:grid-cols-4">
        <DescriptionItem label="截止日期">{formatDate(a.dueAt)}</DescriptionItem>
        <DescriptionItem label="提交时间">{formatDateTime(a.submittedAt)}</DescriptionItem>
        <DescriptionItem label="分配方式">{a.bySeed ? `自动分配（种子 ${a.bySeed}）` : "人工指派"}</DescriptionItem>
        <DescriptionItem label="最近催办">{formatDateTime(a.remindedAt)}</DescriptionItem>
      </DescriptionList>
      {a.status === "RECUSED" ? <p className="text-sm">回避理由：{a.recuseReason ?? "—"}</p> : null}
      {a.status === "REPLACED" ? <p className="text-sm">更换理由：{a.replaceReason ?? "—"}</p> : null}
      {a.total != null ? (
        <ScrollBox label="评分明细">
          <table className="table-basic" aria-label={`${a.reviewer.name} 的评分`}>
            <thead>
              <tr>
                {call.criteria.map((c) => (
                  <th key={c.id}>
                    {c.name}（{c.maxScore} 分，权重 {c.weightPct}%）
                  </th>
                ))}
                <th>加权总分</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {call.criteria.map((c) => (
                  <td key={c.id}>{a.scores[c.id] ?? "—"}</td>
                ))}
                <td className="font-semibold">{a.total.toFixed(2)}</td>
              </tr>
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      {a.comment || a.recommendation ? (
        <div className="space-y-1 text-sm">
          {a.recommendation ? (
            <p>评审建议：{RECOMMENDATIONS[a.recommendation as Recommendation] ?? a.recommendation}</p>
          ) : null}
          {a.comment ? <p className="whitespace-pre-line">评审意见：{a.comment}</p> : null}
        </div>
      ) : null}
      {open && (a.status === "ASSIGNED" || a.status === "DRAFTED") ? (
        <ReplaceForm assignmentId={a.id} reviewerName={a.reviewer.name} options={options} />
      ) : null}
      {open && a.status === "SUBMITTED" ? <ReopenForm assignmentId={a.id} reviewerName={a.reviewer.name} /> : null}
    </article>
  );
}
