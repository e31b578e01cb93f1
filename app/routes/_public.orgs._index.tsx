import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CollapsibleFilters, FilterBar, FilterInput, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { ListLink, ListLinks } from "~/components/list-links";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { Badge, StatusBadge } from "~/components/status-badge";
import {
  DIRECTORY_GRADE_FILTERS,
  directoryKeysetOrder,
  listDirectoryAreas,
  parseDirectoryQuery,
  PUBLIC_ORG_STATUSES,
  searchDirectory,
} from "~/modules/organizations/directory.server";
import {
  ORG_STATUS_TONES,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  orgStatusLabel,
  orgTypeLabel,
} from "~/modules/organizations/labels";
import { NameSearchCappedNotice } from "~/modules/organizations/name-search-notice";
import { gradeLabel } from "~/modules/registry/grade";
import { refreshCurrentGradesDaily } from "~/modules/registry/grade.server";
import { organizationStatusWorkflow } from "~/modules/registry/status-workflow";
import { formatCount, formatDate } from "~/utils/format";
import { PAGE_SIZE, readPageStart } from "~/utils/paging";

export const meta: MetaFunction = () => [
  { title: "社会组织名录 · 益苗" },
  { name: "description", content: "查询本区依法登记（备案）的社会组织及其登记信息。" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseDirectoryQuery(url);
  const order = directoryKeysetOrder(query.sort);
  const start = order ? readPageStart(url.searchParams, order) : { after: null, before: null };
  // Grades take effect on 1 January and expire on 31 December: keep the copy used for filtering current.
  await refreshCurrentGradesDaily();
  const [result, areas] = await Promise.all([searchDirectory(query, start), listDirectoryAreas()]);
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

const SORT_OPTIONS = [
  { value: "date", label: "登记日期（新→旧）" },
  { value: "name", label: "名称" },
  { value: "grade", label: "评估等级（高→低）" },
];

export default function DirectoryPage() {
  const { query, total, organizations, cursors, invalidUscc, capped, pageSize, statuses, grades, areas } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/orgs";
  // Remount the form when the URL changes, so its fields show the current query.
  const formKey = `${query.q}|${query.type ?? ""}|${query.area ?? ""}|${query.status}|${query.grade}|${query.sort}`;
  const firstPageParams = new URLSearchParams(location.search);
  firstPageParams.delete("page");
  firstPageParams.delete("after");
  firstPageParams.delete("before");
  const firstPageHref = `/orgs?${firstPageParams}`;
  const activeFilters = [
    query.type,
    query.area,
    query.status !== "REGISTERED",
    query.grade,
    query.sort !== "date",
  ].filter(Boolean).length;

  return (
    <div>
      <PageHeader
        title="社会组织名录"
        description="本区依法登记的社会团体、社会服务机构、基金会和备案的社区社会组织。可按名称或统一社会信用代码查询。"
      />

      <FilterBar
        formKey={formKey}
        submitLabel="查询"
        pending={searching}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6"
      >
        <FilterInput
          id="q"
          name="q"
          label="名称或统一社会信用代码"
          defaultValue={query.q}
          placeholder="如：老年协会，或 18 位代码"
          className="sm:col-span-2 lg:col-span-6"
        />
        <CollapsibleFilters
          label="筛选"
          activeCount={activeFilters}
          className="sm:col-span-2 lg:col-span-6"
          fieldsClassName="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
        >
          <FilterSelect
            id="type"
            name="type"
            label="类型"
            allLabel="全部类型"
            options={optionsFrom(ORG_TYPES, ORG_TYPE_LABELS)}
            defaultValue={query.type}
          />
          <FilterSelect
            id="area"
            name="area"
            label="活动地域"
            allLabel="全部地域"
            options={areas.map((area) => ({ value: area.code, label: `${area.name}（${area.code}）` }))}
            defaultValue={query.area}
          />
          <FilterSelect
            id="status"
            name="status"
            label="登记状态"
            options={[
              ...statuses.map((status) => ({ value: status, label: orgStatusLabel(status) })),
              { value: "ALL", label: "全部（含已注销、已撤销）" },
            ]}
            defaultValue={query.status}
          />
          <FilterSelect
            id="grade"
            name="grade"
            label="评估等级"
            allLabel="全部等级"
            options={grades.map((grade) => ({
              value: grade,
              label: grade === "NONE" ? "无等级" : gradeLabel(Number(grade)),
            }))}
            defaultValue={query.grade}
          />
          <FilterSelect id="sort" name="sort" label="排序" options={SORT_OPTIONS} defaultValue={query.sort} />
        </CollapsibleFilters>
      </FilterBar>

      {invalidUscc ? (
        <Notice tone="warning" className="mt-4">
          “{query.q}”不是有效的统一社会信用代码（校验位不符），请核对后重新输入。
        </Notice>
      ) : null}

      {capped ? (
        <NameSearchCappedNotice
          term={query.q}
          listed={total}
          filtered={Boolean(query.type || query.area || query.grade || query.status !== "REGISTERED")}
        />
      ) : null}

      <p className="mt-4 text-sm text-gray-600" data-testid="directory-count">
        {capped ? "列出" : "共找到"} <strong className="text-gray-900">{formatCount(total)}</strong> 家社会组织
      </p>

      {organizations.length === 0 && total > 0 ? (
        <div className="mt-3">
          <EmptyState>
            第 {query.page} 页没有内容。
            <Link to={firstPageHref} className="link">
              回到第一页
            </Link>
          </EmptyState>
        </div>
      ) : organizations.length === 0 ? (
        <div className="mt-3">
          <EmptyState
            action={
              query.status !== "ALL" ? (
                <p>
                  已注销或已撤销的组织请将“登记状态”选为“全部”；也可以
                  <Link to="/orgs" className="link">
                    清除查询条件
                  </Link>
                  。
                </p>
              ) : undefined
            }
          >
            没有找到符合条件的社会组织。
          </EmptyState>
        </div>
      ) : (
        <ListLinks>
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
                  <ListLink to={`/orgs/${org.id}`} className="link font-medium">
                    {org.name}
                  </ListLink>
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
                    <Badge tone="warning" testId="org-grade" className="font-medium">
                      {gradeLabel(org.currentGrade)}
                    </Badge>
                  ) : null}
                  <span>
                    {org.type === "COMMUNITY" ? "备案" : "登记"}于 {formatDate(org.registeredAt)}
                  </span>
                  <StatusBadge workflow={organizationStatusWorkflow} state={org.status} tones={ORG_STATUS_TONES} />
                </div>
              </li>
            ))}
          </ul>
        </ListLinks>
      )}

      {total > pageSize ? <Pagination page={query.page} pageSize={pageSize} total={total} cursors={cursors} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
