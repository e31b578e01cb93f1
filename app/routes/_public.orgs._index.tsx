import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import {
  DIRECTORY_GRADE_FILTERS,
  listDirectoryAreas,
  parseDirectoryQuery,
  PUBLIC_ORG_STATUSES,
  searchDirectory,
} from "~/modules/organizations/directory.server";
import { ORG_TYPE_LABELS, ORG_TYPES, orgStatusLabel, orgTypeLabel } from "~/modules/organizations/labels";
import { gradeLabel } from "~/modules/registry/grade";
import { refreshCurrentGradesDaily } from "~/modules/registry/grade.server";
import { formatCount, formatDate } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [
  { title: "社会组织名录 · 益苗" },
  { name: "description", content: "查询本区依法登记（备案）的社会组织及其登记信息。" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(new URL(request.url));
  // Grades take effect on 1 January and expire on 31 December: keep the copy used for filtering current.
  await refreshCurrentGradesDaily();
  const [result, areas] = await Promise.all([searchDirectory(query), listDirectoryAreas()]);
  // Constants from the .server module do not reach the browser bundle; send them along.
  return {
    query,
    ...result,
    areas,
    pageSize: PAGE_SIZE,
    statuses: [...PUBLIC_ORG_STATUSES],
    grades: [...DIRECTORY_GRADE_FILTERS],
  };
}

const STATUS_BADGE: Record<string, string> = {
  REGISTERED: "bg-brand-50 text-brand-700 ring-brand-200",
  DEREGISTERED: "bg-gray-100 text-gray-600 ring-gray-200",
  REVOKED: "bg-red-50 text-red-700 ring-red-200",
};

export default function DirectoryPage() {
  const { query, total, organizations, invalidUscc, pageSize, statuses, grades, areas } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/orgs";
  // Remount the form when the URL changes, so its fields show the current query.
  const formKey = `${query.q}|${query.type ?? ""}|${query.area ?? ""}|${query.status}|${query.grade}|${query.sort}`;
  const firstPageParams = new URLSearchParams(location.search);
  firstPageParams.delete("page");
  const firstPageHref = `/orgs?${firstPageParams}`;

  return (
    <div>
      <PageHeader
        title="社会组织名录"
        description="本区依法登记的社会团体、社会服务机构、基金会和备案的社区社会组织。可按名称或统一社会信用代码查询。"
      />

      <Form method="get" key={formKey} className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-6" role="search">
        <div className="sm:col-span-2 lg:col-span-6">
          <label htmlFor="q" className="mb-1 block text-sm font-medium text-gray-700">
            名称或统一社会信用代码
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={query.q}
            maxLength={60}
            placeholder="如：老年协会，或 18 位代码"
          />
        </div>
        <div>
          <label htmlFor="type" className="mb-1 block text-sm font-medium text-gray-700">
            类型
          </label>
          <select id="type" name="type" className="input" defaultValue={query.type ?? ""}>
            <option value="">全部类型</option>
            {ORG_TYPES.map((type) => (
              <option key={type} value={type}>
                {ORG_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="area" className="mb-1 block text-sm font-medium text-gray-700">
            活动地域
          </label>
          <select id="area" name="area" className="input" defaultValue={query.area ?? ""}>
            <option value="">全部地域</option>
            {areas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.name}（{area.code}）
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium text-gray-700">
            登记状态
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {orgStatusLabel(status)}
              </option>
            ))}
            <option value="ALL">全部（含已注销、已撤销）</option>
          </select>
        </div>
        <div>
          <label htmlFor="grade" className="mb-1 block text-sm font-medium text-gray-700">
            评估等级
          </label>
          <select id="grade" name="grade" className="input" defaultValue={query.grade}>
            <option value="">全部等级</option>
            {grades.map((grade) => (
              <option key={grade} value={grade}>
                {grade === "NONE" ? "无等级" : gradeLabel(Number(grade))}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="mb-1 block text-sm font-medium text-gray-700">
            排序
          </label>
          <select id="sort" name="sort" className="input" defaultValue={query.sort}>
            <option value="date">登记日期（新→旧）</option>
            <option value="name">名称</option>
            <option value="grade">评估等级（高→低）</option>
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className="btn-primary w-full" disabled={searching}>
            查询
          </button>
        </div>
      </Form>

      {invalidUscc ? (
        <p
          className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
          role="status"
        >
          “{query.q}”不是有效的统一社会信用代码（校验位不符），请核对后重新输入。
        </p>
      ) : null}

      <p className="mt-4 text-sm text-gray-600" data-testid="directory-count">
        共找到 <strong className="text-gray-900">{formatCount(total)}</strong> 家社会组织
      </p>

      {organizations.length === 0 && total > 0 ? (
        <div className="card mt-3 text-sm text-gray-600">
          <p>
            第 {query.page} 页没有内容。
            <Link to={firstPageHref} className="link">
              回到第一页
            </Link>
          </p>
        </div>
      ) : organizations.length === 0 ? (
        <div className="card mt-3 text-sm text-gray-600">
          <p>没有找到符合条件的社会组织。</p>
          {query.status !== "ALL" ? (
            <p className="mt-1">
              已注销或已撤销的组织请将“登记状态”选为“全部”；也可以
              <Link to="/orgs" className="link">
                清除查询条件
              </Link>
              。
            </p>
          ) : null}
        </div>
      ) : (
        <ul
          className="mt-3 divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white"
          aria-label="社会组织列表"
        >
          {organizations.map((org) => (
            <li
              key={org.id}
              className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
            >
              <div className="min-w-0">
                <Link to={`/orgs/${org.id}`} className="link font-medium">
                  {org.name}
                </Link>
                <p className="mt-0.5 text-xs text-gray-500">
                  {orgTypeLabel(org.type)}
                  {org.area ? (
                    <>
                      <span className="mx-1">·</span>
                      {org.area}
                    </>
                  ) : null}
                  <span className="mx-1">·</span>
                  统一社会信用代码 <span className="font-mono text-gray-700">{org.uscc ?? "—"}</span>
                </p>
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-3 text-xs text-gray-500">
                {org.currentGrade != null ? (
                  <span
                    className="rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800 ring-1 ring-inset ring-amber-200"
                    data-testid="org-grade"
                  >
                    {gradeLabel(org.currentGrade)}
                  </span>
                ) : null}
                <span>
                  {org.type === "COMMUNITY" ? "备案" : "登记"}于 {formatDate(org.registeredAt)}
                </span>
                <span className={`rounded-full px-2 py-0.5 ring-1 ring-inset ${STATUS_BADGE[org.status] ?? ""}`}>
                  {orgStatusLabel(org.status)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}

      {total > pageSize ? <Pagination page={query.page} pageSize={pageSize} total={total} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
