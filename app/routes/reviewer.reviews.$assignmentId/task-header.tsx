// The top of a scoring page, whatever the subject: title, state and deadline, what just
// happened, why staff reopened it, and whose application it is (or that it is blind).
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { StatusBadge } from "~/components/status-badge";
import { reviewAssignmentWorkflow } from "~/modules/review/assignment-workflow";
import { REVIEW_STATUS_TONES } from "~/modules/review/reviewer-view";
import { formatDate } from "~/utils/format";
import type { loader } from "./route";

export function TaskHeader({
  title,
  roundTitle,
  assignment,
  reviewEndsAt,
  block,
  now,
  reopenReason,
  organization,
  ownerLabel,
}: {
  title: string;
  roundTitle: string;
  assignment: { status: string; dueAt: string | Date | null };
  reviewEndsAt: string | Date;
  block: string | null;
  now: string;
  reopenReason: string | null;
  organization: { name: string; uscc: string | null } | null;
  /** who the subject belongs to, e.g. 申报机构 */
  ownerLabel: string;
}) {
  const [searchParams] = useSearchParams();
  const { next } = useLoaderData<typeof loader>();
  const due = assignment.dueAt ?? reviewEndsAt;
  const overdue = !block && due != null && new Date(due).getTime() < new Date(now).getTime();
  return (
    <>
      <PageHeader
        title={title}
        description={
          <>
            {roundTitle} ·{" "}
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
      {assignment.status === "SUBMITTED" ? <NextTask next={next} /> : null}
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
          {ownerLabel}：{organization.name}
          {organization.uscc ? <span className="text-gray-500">（统一社会信用代码 {organization.uscc}）</span> : null}
        </p>
      ) : (
        <p className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm text-gray-700" data-testid="blind-note">
          盲评：{ownerLabel}信息已隐藏
        </p>
      )}
    </>
  );
}

/** Where to go once this task is submitted: the next one still to score, or the list when none is left. */
function NextTask({ next }: { next: { id: string; title: string } | null }) {
  return (
    <nav aria-label="下一项" className="card flex flex-wrap items-center gap-3 text-sm">
      {next ? (
        <>
          <Link to={`/reviewer/reviews/${next.id}`} className="btn-primary">
            下一项待评审
          </Link>
          <span className="text-gray-700">{next.title}</span>
        </>
      ) : (
        <>
          <span className="text-gray-700">您的评审任务已全部提交。</span>
          <Link to="/reviewer/reviews" className="link">
            查看全部评审任务
          </Link>
        </>
      )}
    </nav>
  );
}
