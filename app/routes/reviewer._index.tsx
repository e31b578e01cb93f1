import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Badge } from "~/components/status-badge";
import { WorkQueue } from "~/components/work-queue";
import { requireRole } from "~/modules/auth/permissions.server";
import { reviewerProgress } from "~/modules/panels.server";
import { reviewerQueue } from "~/modules/queues/registry.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "评审专家工作台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  const [profile, affiliations, notifications, progress, queue] = await Promise.all([
    prisma.reviewerProfile.findUnique({
      where: { userId: user.id },
      select: { expertiseTags: true, title: true, employer: true },
    }),
    prisma.reviewerAffiliation.findMany({
      where: { reviewerId: user.id },
      select: { organization: { select: { id: true, name: true } } },
    }),
    prisma.notification.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, body: true, readAt: true, createdAt: true },
    }),
    reviewerProgress(user.id),
    reviewerQueue(user.id),
  ]);
  const tags = profile ? (JSON.parse(profile.expertiseTags) as string[]) : [];
  return {
    name: user.name,
    profile,
    tags,
    affiliations: affiliations.map((a) => a.organization),
    notifications,
    progress,
    queue,
  };
}

export default function ReviewerDashboard() {
  const { name, profile, tags, affiliations, notifications, progress, queue } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${name}，您好`}
        description="您只能看到分配给您的评审任务；如与申报机构存在利益关系，请主动申请回避。"
      />
      <WorkQueue lines={queue} empty="暂无待完成的评审任务。" />
      <section className="card flex flex-wrap items-center justify-between gap-4" aria-labelledby="tasks-heading">
        <div>
          <h2 id="tasks-heading" className="font-medium">
            评审任务
          </h2>
          <p className="mt-1 text-sm text-gray-700" data-testid="dashboard-progress">
            已完成 {progress.submitted} / {progress.total}
            {progress.open ? `，还有 ${progress.open} 项待完成` : ""}
          </p>
        </div>
        <Link to="/reviewer/reviews" className={progress.open ? "btn-primary" : "btn-secondary"}>
          {progress.open ? "去评分" : "查看评审任务"}
        </Link>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="card">
          <h2 className="font-medium">专家信息</h2>
          <DescriptionList layout="rows" className="mt-3">
            <DescriptionItem label="职称 / 单位">
              {[profile?.title, profile?.employer].filter(Boolean).join(" · ") || "—"}
            </DescriptionItem>
            <DescriptionItem label="专业领域">
              <span className="flex flex-wrap gap-1">
                {tags.length === 0
                  ? "—"
                  : tags.map((t) => (
                      <Badge key={t} tone="brand">
                        {t}
                      </Badge>
                    ))}
              </span>
            </DescriptionItem>
            <DescriptionItem label="已申报的关联机构（评审时自动回避）">
              {affiliations.length === 0 ? (
                "无"
              ) : (
                <ul className="list-inside list-disc">
                  {affiliations.map((o) => (
                    <li key={o.id}>{o.name}</li>
                  ))}
                </ul>
              )}
            </DescriptionItem>
          </DescriptionList>
        </section>
        <section className="card">
          <h2 className="font-medium">最新通知</h2>
          {notifications.length === 0 ? (
            <p className="mt-3 text-sm text-gray-500">暂无通知。</p>
          ) : (
            <ul className="mt-3 space-y-3 text-sm">
              {notifications.map((n) => (
                <li key={n.id}>
                  <p className={n.readAt ? "text-gray-600" : "font-medium"}>{n.title}</p>
                  <p className="text-xs text-gray-500">{formatDateTime(n.createdAt)}</p>
                </li>
              ))}
            </ul>
          )}
          <Link to="/notifications" className="link mt-3 inline-block text-sm">
            全部通知
          </Link>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
