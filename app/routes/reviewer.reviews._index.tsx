import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { listReviewerTasks } from "~/modules/panels.server";
import { reviewAssignmentWorkflow } from "~/modules/review/assignment-workflow";
import { REVIEW_STATUS_TONES } from "~/modules/review/reviewer-view";
import { parseTaskFilter, type ListedState } from "~/modules/review/reviewer.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "评审任务 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  const url = new URL(request.url);
  const filter = parseTaskFilter(url.searchParams.get("status"));
  const page = getPage(url);
  const result = await listReviewerTasks(user.id, filter, page);
  return { ...result, filter, page, pageSize: PAGE_SIZE, now: new Date().toISOString() };
}

const TABS: Array<{ value: ListedState | null; label: string }> = [
  { value: null, label: "全部" },
  { value: "ASSIGNED", label: "待评审" },
  { value: "DRAFTED", label: "草稿" },
  { value: "SUBMITTED", label: "已提交" },
];

export default function ReviewerTasks() {
  const { tasks, total, totals, recused, filter, page, pageSize, now } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const all = totals.ASSIGNED + totals.DRAFTED + totals.SUBMITTED;
  const tabCount = (value: ListedState | null) => (value ? totals[value] : all);
  const nowMs = new Date(now).getTime();
  return (
    <div className="space-y-6">
      <PageHeader title="评审任务" description="请在截止日期前完成评分；提交后评分将锁定。" />
      {searchParams.get("recused") === "1" ? (
        <Notice>已申请回避，该项目已从您的待办中移除，工作人员将另行补派评审专家。</Notice>
      ) : null}

      <section className="card" aria-label="评审进度">
        <p className="text-sm font-medium" data-testid="review-progress">
          已完成 {totals.SUBMITTED} / {all}
        </p>
        <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-gray-100" aria-hidden>
          <div
            className="h-full bg-brand-600"
            style={{ width: `${all ? Math.round((totals.SUBMITTED / all) * 100) : 0}%` }}
          />
        </div>
        <p className="mt-2 text-xs text-gray-500">
          待评审 {totals.ASSIGNED} · 草稿 {totals.DRAFTED} · 已提交 {totals.SUBMITTED}
        </p>
      </section>

      <nav className="flex flex-wrap gap-2 text-sm" aria-label="按状态筛选">
        {TABS.map((t) => {
          const active = t.value === filter;
          return (
            <Link
              key={t.label}
              to={t.value ? `/reviewer/reviews?status=${t.value}` : "/reviewer/reviews"}
              aria-current={active ? "page" : undefined}
              className={`tap rounded-full px-3 py-1 ring-1 ring-inset ${active ? "bg-brand-50 font-medium text-brand-700 ring-brand-200" : "text-gray-700 ring-gray-300 hover:bg-gray-50"}`}
            >
              {t.label}（{tabCount(t.value)}）
            </Link>
          );
        })}
      </nav>

      <section className="card" aria-label="评审任务列表">
        {tasks.length === 0 ? (
          <EmptyState>{filter ? "该状态下暂无评审任务。" : "暂无分配给您的评审任务。"}</EmptyState>
        ) : (
          <DataTable
            label="评审任务"
            rows={tasks}
            rowKey={(t) => t.id}
            rowProps={() => ({ "data-testid": "review-task" })}
            columns={[
              {
                header: "项目",
                primary: true,
                cell: (t) => (
                  <>
                    <Link to={`/reviewer/reviews/${t.id}`} className="link tap font-medium">
                      {t.subject?.title || "（未命名项目）"}
                    </Link>
                    <p className="text-xs text-gray-500">
                      {t.subject?.blind ? "盲评" : t.subject?.organizationName}
                      {t.subject?.category ? ` · ${t.subject.category}` : ""}
                    </p>
                  </>
                ),
              },
              { header: "公益创投", cell: (t) => t.subject?.roundTitle ?? "—" },
              {
                header: "截止日期",
                cell: (t) => {
                  const due = t.dueAt ?? t.subject?.reviewEndsAt ?? null;
                  const overdue = t.status !== "SUBMITTED" && due != null && new Date(due).getTime() < nowMs;
                  return (
                    <span className={overdue ? "font-medium text-red-700" : undefined}>
                      {formatDate(due)}
                      {overdue ? <span className="ml-1 text-xs">（已逾期）</span> : null}
                      {t.status === "SUBMITTED" ? (
                        <span className="block text-xs text-gray-500">提交于 {formatDateTime(t.submittedAt)}</span>
                      ) : null}
                    </span>
                  );
                },
              },
              {
                header: "状态",
                cell: (t) => (
                  <StatusBadge
                    workflow={reviewAssignmentWorkflow}
                    state={t.status}
                    tones={REVIEW_STATUS_TONES}
                    testId="review-status"
                  />
                ),
              },
              {
                header: "操作",
                hideHeader: true,
                className: "whitespace-nowrap sm:text-right",
                cell: (t) => (
                  <Link to={`/reviewer/reviews/${t.id}`} className="btn-secondary px-3 py-1.5 text-xs">
                    {t.status === "SUBMITTED" ? "查看" : t.status === "DRAFTED" ? "继续评分" : "开始评分"}
                  </Link>
                ),
              },
            ]}
          />
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>

      {recused.length ? (
        <section className="card" aria-labelledby="recused-heading">
          <h2 id="recused-heading" className="font-medium">
            已回避
          </h2>
          <ul className="mt-2 space-y-1 text-sm text-gray-600">
            {recused.map((r) => (
              <li key={r.id}>
                {r.title} · {formatDate(r.updatedAt)}
                {r.recuseReason ? `：${r.recuseReason}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
