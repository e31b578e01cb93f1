import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { WorkQueue } from "~/components/work-queue";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { banMessage } from "~/modules/funding/bans";
import { activeGrantBan } from "~/modules/funding/bans.server";
import { getOrgDashboard } from "~/modules/organizations/dashboard.server";
import { orgStatusLabel, orgTypeLabel } from "~/modules/organizations/labels";
import { orgQueue } from "~/modules/queues/registry.server";
import { prisma } from "~/utils/db.server";
import { formatDate, formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "社会组织工作台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  // A final 不合格 whose publicity ended bars the organization: settle it before reading the ban.
  await settleEndedPublicity({ organizationId: organization.id });
  const [dashboard, queue, ban] = await Promise.all([
    getOrgDashboard(organization.id, user.id),
    orgQueue(organization.id),
    activeGrantBan(prisma, organization.id, new Date()),
  ]);
  return {
    ...dashboard,
    queue,
    userName: user.name,
    // The ban in force (#14 item 7): why, and until when the organization may not apply.
    ban: ban ? { message: banMessage(ban), startsAt: ban.startsAt } : null,
  };
}

export default function OrgDashboard() {
  const { org, documentCount, members, notifications, missing, userName, queue, ban } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={org.name} description={`${userName}，您好。`} />
      {ban ? (
        <Notice tone="error" testId="ban-notice">
          {ban.message}（自{formatDate(ban.startsAt)}起）。
        </Notice>
      ) : null}
      <WorkQueue lines={queue} />
      <section className="grid gap-4 sm:grid-cols-3">
        <div className="card">
          <p className="text-xs text-gray-500">登记状态</p>
          <p className="mt-1 text-lg font-semibold">{orgStatusLabel(org.status)}</p>
          <p className="mt-1 text-xs text-gray-500">{orgTypeLabel(org.type)}</p>
          {org.status === "REGISTERED" ? (
            <Link to="/org/certificate" className="link mt-1 inline-block text-xs">
              查看登记证书
            </Link>
          ) : org.status === "PREPARING" ? (
            <Link to="/org/registration" className="link mt-1 inline-block text-xs">
              填写登记申请
            </Link>
          ) : null}
        </div>
        <div className="card">
          <p className="text-xs text-gray-500">统一社会信用代码</p>
          <p className="mt-1 break-all font-mono text-base font-semibold">{org.uscc ?? "尚未赋码"}</p>
          <p className="mt-1 text-xs text-gray-500">登记日期：{formatDate(org.registeredAt)}</p>
        </div>
        <div className="card">
          <p className="text-xs text-gray-500">机构文件</p>
          <p className="mt-1 text-lg font-semibold">{documentCount} 份</p>
          <Link to="/org/documents" className="link mt-1 inline-block text-xs">
            管理文件
          </Link>
        </div>
      </section>

      {org.status === "PREPARING" ? (
        <section className="card text-sm text-gray-700" aria-labelledby="before-registration">
          <h2 id="before-registration" className="font-medium">
            登记完成后开放的事项
          </h2>
          <p className="mt-1">
            年检（年度报告）、公益产品展销和订单只适用于已登记的社会组织，准予登记后会出现在左侧导航中。现在可以
            <Link to="/org/registration" className="link mx-1">
              填写登记申请
            </Link>
            ，也可以申请入驻孵化基地。
          </p>
        </section>
      ) : null}

      {missing.length > 0 ? (
        <section className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">请完善机构资料</p>
          <p className="mt-1">尚未填写：{missing.join("、")}。</p>
          <Link to="/org/profile" className="btn-secondary mt-3">
            去完善
          </Link>
        </section>
      ) : null}

      <div className="grid gap-6 md:grid-cols-2">
        <section className="card">
          <h2 className="font-medium">最新通知</h2>
          {notifications.length === 0 ? (
            <p className="mt-3 text-sm text-gray-500">暂无通知。</p>
          ) : (
            <ul className="mt-3 space-y-2 text-sm">
              {notifications.map((n) => (
                <li key={n.id} className="flex justify-between gap-3">
                  <span className={n.readAt ? "text-gray-600" : "font-medium text-gray-900"}>{n.title}</span>
                  <span className="shrink-0 text-xs text-gray-500">{formatDateTime(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          <Link to="/notifications" className="link mt-3 inline-block text-sm">
            全部通知
          </Link>
        </section>
        <section className="card">
          <h2 className="font-medium">机构成员</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {members.map((m) => (
              <li key={m.user.id} className="flex justify-between gap-3">
                <span>{m.user.name}</span>
                <span className="text-xs text-gray-500">
                  {m.role === "OWNER" ? "负责人" : "成员"} · {m.user.email}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
