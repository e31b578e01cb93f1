import { useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { weightedTotal } from "~/modules/review/aggregation";
import { formatScore } from "~/modules/review/reviewer-view";
import { recommendationLabel } from "~/modules/review/rubric";
import { formatDateTime } from "~/utils/format";
import type { loader } from "./route";

/** The scores as stored, read-only: the review is submitted or the round has closed. */
export function LockedScores() {
  const { criteria, assignment, block } = useLoaderData<typeof loader>();
  const byId = new Map(assignment.scores.map((s) => [s.criterionId, s.score]));
  const total = weightedTotal(criteria, Object.fromEntries(byId));
  return (
    <section className="card space-y-3" aria-labelledby="scores-heading" data-testid="locked-scores">
      <h2 id="scores-heading" className="font-medium">
        评分表
      </h2>
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {block}
      </p>
      <table className="table-basic">
        <thead>
          <tr>
            <th>评分项</th>
            <th>得分</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {criteria.map((c) => (
            <tr key={c.id}>
              <td>
                {c.name} <span className="text-xs text-gray-500">（满分 {c.maxScore}）</span>
              </td>
              <td data-testid={`score-${c.name}`}>{formatScore(byId.get(c.id))}</td>
            </tr>
          ))}
          <tr className="font-medium">
            <td>加权总分</td>
            <td data-testid="weighted-total">{formatScore(total)} / 100</td>
          </tr>
        </tbody>
      </table>
      <DescriptionList layout="rows">
        <DescriptionItem label="总体推荐">{recommendationLabel(assignment.recommendation)}</DescriptionItem>
        <DescriptionItem label="评审意见">
          <span className="whitespace-pre-wrap break-words">{assignment.comment || "—"}</span>
        </DescriptionItem>
      </DescriptionList>
      {assignment.submittedAt ? (
        <p className="text-xs text-gray-500">提交于 {formatDateTime(assignment.submittedAt)}</p>
      ) : null}
    </section>
  );
}
