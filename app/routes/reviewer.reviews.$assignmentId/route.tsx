import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { GrantApplicationDetails } from "~/modules/grants/applications/application-view";
import { getReviewerTask, recuseFromReview, saveReview } from "~/modules/panels.server";
import { reviewAssignmentWorkflow } from "~/modules/review/assignment-workflow";
import { REVIEW_STATUS_TONES } from "~/modules/review/reviewer-view";
import { scoringBlock } from "~/modules/review/reviewer.server";
import { buildRubricSchema, RecuseSchema } from "~/modules/review/rubric";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { fail } from "~/utils/write-result";
import { LockedScores } from "./locked-scores";
import { RecuseForm } from "./recuse-form";
import { RubricForm } from "./rubric-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.title || "评审任务"} · 评分 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  const task = await getReviewerTask(user.id, params.assignmentId ?? "");
  invariantResponse(task, "未找到", { status: 404 });
  const block = scoringBlock(task);
  return { ...task, block: block?.message ?? null, now: new Date().toISOString() };
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

  // The rubric's two buttons send intent=draft|submit; its replies are the "rubric" form's.
  const block = scoringBlock(task);
  return answerIntent(
    "rubric",
    formData,
    handler({
      schema: buildRubricSchema(task.criteria),
      // A submitted (locked) review or a closed round refuses any edit, valid or not.
      refused: block ? fail(block.message, { status: block.status }) : null,
      run: (values) => saveReview({ task, values, actor: user, request }),
      done: ({ submitted }) =>
        redirect(`/reviewer/reviews/${task.assignment.id}?${submitted ? "submitted=1" : "saved=1"}`),
    }),
  );
}

export default function ReviewTaskPage() {
  const { assignment, application, data, documents, round, organization, block, now, reopenReason } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const due = assignment.dueAt ?? round.reviewEndsAt;
  const overdue = !block && due != null && new Date(due).getTime() < new Date(now).getTime();
  return (
    <div className="space-y-4">
      <PageHeader
        title={application.title || "（未命名项目）"}
        description={
          <>
            {round.title} ·{" "}
            <StatusBadge
              workflow={reviewAssignmentWorkflow}
              state={assignment.status}
              tones={REVIEW_STATUS_TONES}
              testId="review-status"
            />{" "}
            ·{" "}
            <span className={overdue ? "font-medium text-red-700" : undefined}>
              评审截止 {formatDate(due)}
              {overdue ? "（已逾期）" : ""}
            </span>
          </>
        }
        actions={
          <Link to="/reviewer/reviews" className="btn-secondary">
            返回评审任务
          </Link>
        }
      />
      {searchParams.get("saved") === "1" && assignment.status === "DRAFTED" ? (
        <Notice>评分草稿已保存，可随时回来继续评分。</Notice>
      ) : null}
      {searchParams.get("submitted") === "1" && assignment.status === "SUBMITTED" ? (
        <Notice>评分已提交，感谢您的评审。</Notice>
      ) : null}
      {reopenReason != null ? (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="reopen-note"
        >
          工作人员已重新开放您的评分，请修改后重新提交。{reopenReason ? `原因：${reopenReason}` : ""}
        </p>
      ) : null}
      {organization ? (
        <p className="text-sm text-gray-700" data-testid="applicant">
          申报机构：{organization.name}
          {organization.uscc ? <span className="text-gray-500">（统一社会信用代码 {organization.uscc}）</span> : null}
        </p>
      ) : (
        <p className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm text-gray-700" data-testid="blind-note">
          盲评：申报机构信息已隐藏
        </p>
      )}

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
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
