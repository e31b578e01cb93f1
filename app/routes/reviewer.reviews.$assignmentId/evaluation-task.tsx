// The scoring page of a funded project's mid-term or final evaluation (#14 items 1–2): the
// project and the report filed with it, the "computed from the record" items, and every leaf
// of the scheme with the organization's self-score, what the record suggests and the expert's
// score with a 扣分原因 wherever points are taken off.
import { useActionData, useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { SectionCard } from "~/components/section-card";
import { RecordItemsView } from "~/modules/evaluation/record-items-view";
import { EVALUATION_SUBJECT_TYPE } from "~/modules/evaluation/workflow";
import { formatPoints } from "~/modules/indicators/scheme";
import { formatDate, formatFen } from "~/utils/format";
import { SchemeScoring } from "./leaf-score-form";
import type { action, loader } from "./route";
import { TaskHeader } from "./task-header";

export function EvaluationTaskPage() {
  const task = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if (task.subjectType !== EVALUATION_SUBJECT_TYPE) return null;
  const { assignment, evaluation, round, organization, block, now, reopenReason } = task;
  const { project, report } = evaluation;
  return (
    <div className="space-y-4">
      <TaskHeader
        title={task.title}
        roundTitle={round.title}
        assignment={assignment}
        reviewEndsAt={round.reviewEndsAt}
        block={block}
        now={now}
        reopenReason={reopenReason}
        organization={organization ? { name: organization.name, uscc: null } : null}
        ownerLabel="项目执行机构"
      />
      <SectionCard id="project" title="项目概况">
        <DescriptionList>
          <DescriptionItem label="项目">
            {project.projectNo} {project.title}
          </DescriptionItem>
          <DescriptionItem label="类别 / 服务区域">
            {project.category ?? "—"} · {project.serviceArea ?? "—"}
          </DescriptionItem>
          <DescriptionItem label="资助金额">{formatFen(project.awardFen)}</DescriptionItem>
          <DescriptionItem label="执行期">
            {formatDate(project.startsOn)} 至 {formatDate(project.endsOn)}
          </DescriptionItem>
          <DescriptionItem label="指标体系">
            {evaluation.schemeTitle}（{formatPoints(evaluation.totalPoints)} 分）
          </DescriptionItem>
          <DescriptionItem label="机构自评">{evaluation.selfTotal ?? "—"} 分</DescriptionItem>
          <DescriptionItem label="自评说明" wide multiline>
            {evaluation.conclusion}
          </DescriptionItem>
        </DescriptionList>
      </SectionCard>
      {report ? (
        <SectionCard
          id="report"
          title={`随附报告：第 ${report.sequence} 期（${formatDate(report.periodStart)} 至 ${formatDate(report.periodEnd)}）`}
        >
          <p className="whitespace-pre-wrap text-sm text-gray-800">{report.narrative ?? "—"}</p>
          {report.activities.length ? (
            <ul className="mt-2 list-disc pl-5 text-sm text-gray-700">
              {report.activities.map((a) => (
                <li key={`${a.title}-${String(a.heldOn)}`}>
                  {formatDate(a.heldOn)} {a.title}，服务 {a.peopleServed} 人次
                </li>
              ))}
            </ul>
          ) : null}
        </SectionCard>
      ) : null}
      <RecordItemsView items={evaluation.record} />
      <SchemeScoring
        blocks={evaluation.blocks}
        assignment={assignment}
        block={block}
        reply={reply}
        showSuggested
        notesLabel="评估意见"
        notesHint="案头审阅、电话核实、补充材料或实地查看的情况与结论，提交时必填。"
      />
    </div>
  );
}
