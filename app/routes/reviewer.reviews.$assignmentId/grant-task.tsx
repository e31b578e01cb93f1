// The scoring page of a 公益创投 application: the application as filed beside the rubric.
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmGate } from "~/components/confirm";
import { GRANT_SUBJECT_TYPE } from "~/modules/grants/applications/application-form";
import { GrantApplicationDetails } from "~/modules/grants/applications/application-view";
import { LockedScores } from "./locked-scores";
import { RecuseForm } from "./recuse-form";
import type { action, loader } from "./route";
import { RubricForm } from "./rubric-form";
import { TaskHeader } from "./task-header";

export function GrantTaskPage() {
  const task = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if (task.subjectType !== GRANT_SUBJECT_TYPE) return null;
  const { assignment, application, data, documents, round, organization, block, now, reopenReason } = task;
  return (
    <div className="space-y-4">
      <TaskHeader
        title={application.title || "（未命名项目）"}
        roundTitle={round.title}
        assignment={assignment}
        reviewEndsAt={round.reviewEndsAt}
        block={block}
        now={now}
        reopenReason={reopenReason}
        organization={organization}
        ownerLabel="申报机构"
      />
      <ConfirmGate reply={reply}>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="min-w-0">
            <GrantApplicationDetails application={application} data={data} documents={documents} />
          </div>
          <aside
            className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
            aria-label="评分"
          >
            {block ? <LockedScores /> : <RubricForm key={String(assignment.updatedAt)} />}
            {!block ? <RecuseForm /> : null}
          </aside>
        </div>
      </ConfirmGate>
    </div>
  );
}
