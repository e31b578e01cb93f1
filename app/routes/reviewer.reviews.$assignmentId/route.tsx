import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireRole } from "~/modules/auth/permissions.server";
import { EVALUATION_SUBJECT_TYPE } from "~/modules/evaluation/workflow";
import { getReviewerTask, nextOpenTask, recuseFromReview, saveReview } from "~/modules/panels.server";
import { RATING_SUBJECT_TYPE } from "~/modules/rating/labels";
import { buildRatingScoreSchema } from "~/modules/rating/review/score-form";
import { scoringBlock } from "~/modules/review/reviewer.server";
import { buildRubricSchema, RecuseSchema } from "~/modules/review/rubric";
import { answerIntent, handler } from "~/utils/action.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { fail } from "~/utils/write-result";
import { EvaluationTaskPage } from "./evaluation-task";
import { GrantTaskPage } from "./grant-task";
import { RatingTaskPage } from "./rating-task";
import { SCORE_SUBMIT_CONFIRM } from "./rubric-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title || "评审任务"} · 评分 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  const task = await getReviewerTask(user.id, params.assignmentId ?? "");
  invariantResponse(task, "未找到", { status: 404 });
  const block = scoringBlock(task);
  // Once this one is submitted, the page leads to the next task still to score (#19 item 13).
  const next = task.assignment.status === "SUBMITTED" ? await nextOpenTask(user.id, task.assignment.id) : null;
  return { ...task, block: block?.message ?? null, now: new Date().toISOString(), next };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  const task = await getReviewerTask(user.id, params.assignmentId ?? "");
  invariantResponse(task, "未找到", { status: 404 });
  const formData = await readForm(request);

  if (formData.get("intent") === "recuse") {
    return answerIntent(
      "recuse",
      formData,
      handler({
        schema: RecuseSchema,
        run: (v) => recuseFromReview({ task, reason: v.recuseReason, actor: user, request }),
        done: () => redirect("/reviewer/reviews?recused=1"),
      }),
    );
  }

  // Both scoring forms' buttons send intent=draft|submit; their replies are the "rubric" form's.
  const block = scoringBlock(task);
  // A submitted (locked) review or a closed round refuses any edit, valid or not.
  const refused = block ? fail(block.message, { status: block.status }) : null;
  const done = ({ submitted }: { submitted: boolean }) =>
    redirect(`/reviewer/reviews/${task.assignment.id}?${submitted ? "submitted=1" : "saved=1"}`);
  // Subjects scored on an indicator scheme: a score per leaf, 扣分原因 where points are taken off.
  if (task.subjectType === RATING_SUBJECT_TYPE || task.subjectType === EVALUATION_SUBJECT_TYPE) {
    const blocks = task.subjectType === RATING_SUBJECT_TYPE ? task.rating.blocks : task.evaluation.blocks;
    const leaves = blocks.flatMap((b) => b.leaves);
    return answerIntent(
      "rubric",
      formData,
      handler({
        schema: buildRatingScoreSchema(leaves),
        refused,
        run: ({ values, notes }) => saveReview({ task, values, notes, actor: user, request }),
        done,
      }),
    );
  }
  return answerIntent(
    "rubric",
    formData,
    handler({
      schema: buildRubricSchema(task.criteria),
      refused,
      confirm: (values) => (values.intent === "submit" ? SCORE_SUBMIT_CONFIRM : null),
      run: (values) => saveReview({ task, values, actor: user, request }),
      done,
    }),
  );
}

/** The scoring page of the task's kind of subject. */
export default function ReviewTaskPage() {
  const { subjectType } = useLoaderData<typeof loader>();
  if (subjectType === RATING_SUBJECT_TYPE) return <RatingTaskPage />;
  if (subjectType === EVALUATION_SUBJECT_TYPE) return <EvaluationTaskPage />;
  return <GrantTaskPage />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
