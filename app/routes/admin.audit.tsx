import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { parseAuditFilters, SYSTEM_ACTOR_QUERY } from "~/modules/admin/audit-filters";
import { listAuditEvents } from "~/modules/admin/audit-log.server";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel } from "~/modules/audit/labels";
import { requireRole } from "~/modules/auth/permissions.server";
import { formatDateTime } from "~/utils/format";
import { getPage } from "~/utils/http";
import { AUDIT_PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "审计日志 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const filters = parseAuditFilters(url.searchParams);
  const page = getPage(url);
  const { events, total } = await listAuditEvents(filters, page);
  const { gte: _gte, lt: _lt, ...shown } = filters;
  return { filters: shown, page, pageSize: AUDIT_PAGE_SIZE, total, events };
}

function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-700">
        {label}
      </label>
      {children}
    </div>
  );
}

export default function AuditLogPage() {
  const { filters, page, pageSize, total, events } = useLoaderData<typeof loader>();
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div>
      <PageHeader title="审计日志" description="系统中每一次重要操作的记录，按时间从新到旧排列。日期按北京时间计算。" />

      <Form method="get" className="card mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" role="search">
        <FilterField id="audit-action" label="操作">
          <select id="audit-action" name="action" defaultValue={filters.action} className="input">
            <option value="">全部操作</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="audit-entity-type" label="对象类型">
          <select id="audit-entity-type" name="entityType" defaultValue={filters.entityType} className="input">
            <option value="">全部类型</option>
            {Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="audit-entity-id" label="对象编号">
          <input
            id="audit-entity-id"
            name="entityId"
            defaultValue={filters.entityId}
            className="input"
            autoComplete="off"
          />
        </FilterField>
        <FilterField id="audit-actor" label="操作人">
          <input
            id="audit-actor"
            name="actor"
            type="search"
            defaultValue={filters.actor}
            placeholder="姓名或电子邮箱"
            aria-describedby="audit-actor-hint"
            className="input"
          />
          <p id="audit-actor-hint" className="mt-1 text-xs text-gray-500">
            输入“{SYSTEM_ACTOR_QUERY}”可查看系统自动执行的操作
          </p>
        </FilterField>
        <FilterField id="audit-from" label="开始日期">
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} className="input" />
        </FilterField>
        <FilterField id="audit-to" label="结束日期">
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} className="input" />
        </FilterField>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="btn-primary">
            查询
          </button>
          {filtered ? (
            <Link to="/admin/audit" className="btn-secondary">
              清除筛选
            </Link>
          ) : null}
        </div>
      </Form>

      {events.length === 0 ? (
        <p className="card text-sm text-gray-500">{filtered ? "没有符合条件的记录。" : "暂无审计记录。"}</p>
      ) : (
        <div className="card overflow-x-auto p-0 sm:p-0">
          <table className="table-basic">
            <thead>
              <tr>
                <th>时间</th>
                <th>操作人</th>
                <th>操作</th>
                <th>对象</th>
                <th>状态变化</th>
                <th>原因</th>
                <th>IP</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap">{formatDateTime(e.createdAt)}</td>
                  <td className="whitespace-nowrap">
                    {e.actor ? (
                      <Link to={`/admin/users/${e.actor.id}`} className="link">
                        {e.actor.name}
                      </Link>
                    ) : (
                      "系统"
                    )}
                  </td>
                  <td className="whitespace-nowrap">{auditActionLabel(e.action)}</td>
                  <td className="whitespace-nowrap">
                    <span>{AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType}</span>{" "}
                    {e.entityType === "User" ? (
                      <Link to={`/admin/users/${e.entityId}`} className="link font-mono text-xs">
                        {e.entityId}
                      </Link>
                    ) : (
                      <span className="font-mono text-xs">{e.entityId}</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap">{e.stateChange}</td>
                  <td className="min-w-[10rem]">{e.reason ?? "—"}</td>
                  <td className="whitespace-nowrap font-mono text-xs">{e.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
