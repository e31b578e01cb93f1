// The scoring page of a rating application (#12 item 7): every leaf of the scheme with the
// organization's self-score and evidence, the expert's score by the leaf's method and a
// 扣分原因 wherever points are taken off, and the on-site visit notes.
import { useActionData, useLoaderData } from "@remix-run/react";
import { formatPoints } from "~/modules/indicators/scheme";
import { RATING_SUBJECT_TYPE } from "~/modules/rating/labels";
import { RecordLeavesCard } from "~/modules/rating/record-leaves-view";
import { SchemeScoring } from "./leaf-score-form";
import type { action, loader } from "./route";
import { TaskHeader } from "./task-header";

export function RatingTaskPage() {
  const task = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if (task.subjectType !== RATING_SUBJECT_TYPE) return null;
  const { assignment, rating, round, organization, block, now, reopenReason } = task;
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
        organization={organization}
        ownerLabel="申请评估的社会组织"
      />
      <p className="text-sm text-gray-700">
        指标体系：{rating.schemeTitle}（{formatPoints(rating.totalPoints)} 分）· 组织自评 {rating.selfTotal ?? "—"} 分
      </p>
      <RecordLeavesCard leaves={rating.recordLeaves} who="评估专家" />
      <SchemeScoring
        blocks={rating.blocks}
        assignment={assignment}
        block={block}
        reply={reply}
        notesLabel="现场评估记录"
        notesHint="实地查看、座谈、查阅材料的情况，提交时必填。"
      />
    </div>
  );
}
