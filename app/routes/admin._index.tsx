import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditSubject } from "~/components/audit-subject";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { WorkQueue } from "~/components/work-queue";
import { adminHome } from "~/modules/admin/overview.server";
import { auditActionLabel } from "~/modules/audit/labels";
import { requireRole } from "~/modules/auth/permissions.server";
import { ROLE_LABELS, type Role } from "~/modules/auth/roles";
import { orgStatusLabel } from "~/modules/organizations/labels";
import { formatCount, formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "管理概览 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [overview, queue] = await adminHome();
  return { ...overview, queue };
}

function StatCard({ label, value, to, hint }: { label: string; value: number; to?: string; hint?: string }) {
  const body = (
    <>
      <p className="text-sm text-gray-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-gray-900">{formatCount(value)}</p>
      {hint ? <p className="mt-1 text-xs text-gray-500">{hint}</p> : null}
    </>
  );
  return to ? (
    <Link to={to} className="card block hover:border-brand-300">
      {body}
    </Link>
  ) : (
    <div className="card">{body}</div>
  );
}

export default function AdminOverview() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title="管理概览" description="以下数字均实时统计自系统数据。" />

      <WorkQueue lines={data.queue} />

      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="mb-2 text-base font-semibold text-gray-900">
          账号
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard label="账号总数" value={data.userTotal} to="/admin/users" />
          {data.usersByRole.map((r) => (
            <StatCard
              key={r.role}
              label={ROLE_LABELS[r.role as Role] ?? r.role}
              value={r.count}
              to={`/admin/users?role=${r.role}`}
            />
          ))}
          <StatCard
            label="当前锁定的账号"
            value={data.lockedCount}
            to="/admin/users?status=LOCKED"
            hint="密码连续错误被临时锁定"
          />
          <StatCard label="已停用的账号" value={data.disabledCount} to="/admin/users?status=DISABLED" />
        </div>
      </section>

      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading" className="mb-2 text-base font-semibold text-gray-900">
          社会组织
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <StatCard label="机构总数" value={data.organizationTotal} />
          {data.organizationsByStatus.map((o) => (
            <StatCard key={o.status} label={orgStatusLabel(o.status)} value={o.count} />
          ))}
        </div>
      </section>

      <section aria-labelledby="audit-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="audit-heading" className="text-base font-semibold text-gray-900">
            最近操作
          </h2>
          <p className="text-sm text-gray-600">
            近 7 天共 <span className="font-semibold text-gray-900">{formatCount(data.weekEventCount)}</span> 条审计记录
            ·{" "}
            <Link to="/admin/audit" className="link">
              查看审计日志
            </Link>
          </p>
        </div>
        {data.recentEvents.length === 0 ? (
          <p className="card text-sm text-gray-500">暂无审计记录。</p>
        ) : (
          <DataTable
            className="sm:card sm:p-0"
            label="最近操作"
            rows={data.recentEvents}
            rowKey={(e) => e.id}
            columns={[
              { header: "时间", className: "whitespace-nowrap", cell: (e) => formatDateTime(e.createdAt) },
              { header: "操作人", className: "whitespace-nowrap", cell: (e) => e.actor?.name ?? "系统" },
              { header: "操作", className: "sm:whitespace-nowrap", cell: (e) => auditActionLabel(e.action) },
              {
                header: "对象",
                primary: true,
                cell: (e) => <AuditSubject entityType={e.entityType} entityId={e.entityId} subject={e.subject} />,
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
