import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { ScrollBox } from "~/components/scroll-box";
import { requireRole } from "~/modules/auth/permissions.server";
import { ROLE_LABELS, ROLES, type Role } from "~/modules/auth/roles";
import { ACCOUNT_STATUS_FILTERS, accountStatusLabels } from "~/modules/users/status";
import { listUsers, parseUserListFilters } from "~/modules/users/users.server";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "账号管理 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const filters = parseUserListFilters(url.searchParams);
  const page = getPage(url);
  const now = new Date();
  const { users, total } = await listUsers(filters, page, now);
  // Lock labels are computed here so server and client render the same text.
  return {
    filters,
    page,
    pageSize: PAGE_SIZE,
    total,
    users: users.map((u) => ({ ...u, statusLabels: accountStatusLabels(u, now) })),
  };
}

export default function AdminUsers() {
  const { filters, page, pageSize, total, users } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="账号管理"
        description="所有账号，按注册时间从新到旧排列。"
        actions={
          <Link to="/admin/users/new-reviewer" className="btn-primary">
            新建评审专家
          </Link>
        }
      />

      <FilterBar submitLabel="查询" className="mb-4 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
        <FilterInput
          id="users-q"
          name="q"
          label="搜索"
          defaultValue={filters.q}
          placeholder="姓名或电子邮箱"
          maxLength={254}
        />
        <FilterSelect
          id="users-role"
          name="role"
          label="角色"
          allLabel="全部角色"
          options={optionsFrom(ROLES, ROLE_LABELS)}
          defaultValue={filters.role}
        />
        <FilterSelect
          id="users-status"
          name="status"
          label="状态"
          allLabel="全部状态"
          options={ACCOUNT_STATUS_FILTERS}
          defaultValue={filters.status}
        />
      </FilterBar>

      {users.length === 0 ? (
        <p className="card text-sm text-gray-500">没有符合条件的账号。</p>
      ) : (
        <ScrollBox label="账号列表" className="card p-0 sm:p-0">
          <table className="table-basic">
            <thead>
              <tr>
                <th>姓名</th>
                <th>邮箱</th>
                <th>手机</th>
                <th>角色</th>
                <th>所属机构</th>
                <th>状态</th>
                <th>注册时间</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {users.map((u) => {
                const { statusLabels } = u;
                return (
                  <tr key={u.id}>
                    <td className="whitespace-nowrap">
                      <Link to={`/admin/users/${u.id}`} className="link font-medium">
                        {u.name}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap">{u.email}</td>
                    <td className="whitespace-nowrap">{u.phone ?? "—"}</td>
                    <td className="whitespace-nowrap">{ROLE_LABELS[u.role as Role] ?? u.role}</td>
                    <td className="min-w-[10rem]">
                      {u.memberships.length
                        ? u.memberships.map((m) => <div key={m.organization.id}>{m.organization.name}</div>)
                        : "—"}
                    </td>
                    <td className="whitespace-nowrap">
                      {statusLabels.map((label, i) => (
                        <span
                          key={label}
                          className={`mr-1 inline-block rounded px-1.5 py-0.5 text-xs ${
                            i > 0
                              ? "bg-amber-100 text-amber-800"
                              : u.status === "ACTIVE"
                                ? "bg-green-50 text-green-700"
                                : "bg-gray-200 text-gray-700"
                          }`}
                        >
                          {label}
                        </span>
                      ))}
                    </td>
                    <td className="whitespace-nowrap">{formatDate(u.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
