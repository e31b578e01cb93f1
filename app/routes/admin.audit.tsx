import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuditSubject } from "~/components/audit-subject";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { ListLink, ListLinks } from "~/components/list-links";
import { Pagination } from "~/components/pagination";
import { useIsPending } from "~/components/use-form";
import { parseAuditFilters, SYSTEM_ACTOR_QUERY } from "~/modules/admin/audit-filters";
import { AUDIT_ORDER, listAuditEvents } from "~/modules/admin/audit-log.server";
import { withAuditSubjects } from "~/modules/admin/audit-subjects.server";
import { cachedAuditChainView, runFullChainCheck } from "~/modules/audit/chain-check.server";
import { AuditChainNotice, FULL_CHECK_INTENT } from "~/modules/audit/chain-notice";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel } from "~/modules/audit/labels";
import { requireRole } from "~/modules/auth/permissions.server";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDateTime } from "~/utils/format";
import { getPage } from "~/utils/http";
import { AUDIT_PAGE_SIZE, readPageStart } from "~/utils/paging";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";

export const meta: MetaFunction = () => [{ title: "审计日志 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const filters = parseAuditFilters(url.searchParams);
  const page = getPage(url);
  const [{ events, total, totalCapped, cursors }, chain] = await Promise.all([
    listAuditEvents(filters, page, readPageStart(url.searchParams, AUDIT_ORDER)),
    cachedAuditChainView(),
  ]);
  const named = await withAuditSubjects(events);
  const { gte: _gte, lt: _lt, ...shown } = filters;
  return { filters: shown, page, pageSize: AUDIT_PAGE_SIZE, total, totalCapped, cursors, events: named, chain };
}

/**
 * 完整校验: walks the whole chain (seconds at a million events) and stores the result, which the
 * page's views then start from. Run on request only, never by a view (decision 028).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  return answerIntent(
    FULL_CHECK_INTENT,
    await readForm(request),
    handler({
      schema: z.object({}),
      run: async () => succeed({ intact: (await runFullChainCheck(user.id)).intact }),
      done: () => redirect("/admin/audit"),
    }),
  );
}

const labelOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function AuditLogPage() {
  const { filters, page, pageSize, total, totalCapped, cursors, events, chain } = useLoaderData<typeof loader>();
  const pending = useIsPending({ intent: FULL_CHECK_INTENT });
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div>
      <PageHeader title="审计日志" description="系统中每一次重要操作的记录，按时间从新到旧排列。日期按北京时间计算。" />

      <AuditChainNotice view={chain} pending={pending} />

      <FilterBar
        formKey={JSON.stringify(filters)}
        submitLabel="查询"
        resetTo={filtered ? "/admin/audit" : undefined}
        resetLabel="清除筛选"
        className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
      >
        <FilterSelect
          id="audit-action"
          name="action"
          label="操作"
          allLabel="全部操作"
          options={labelOptions(AUDIT_ACTION_LABELS)}
          defaultValue={filters.action}
        />
        <FilterSelect
          id="audit-entity-type"
          name="entityType"
          label="对象类型"
          allLabel="全部类型"
          options={labelOptions(AUDIT_ENTITY_LABELS)}
          defaultValue={filters.entityType}
        />
        <FilterInput
          id="audit-entity-id"
          name="entityId"
          label="对象编号"
          type="text"
          defaultValue={filters.entityId}
        />
        <FilterInput
          id="audit-actor"
          name="actor"
          label="操作人"
          defaultValue={filters.actor}
          placeholder="姓名或电子邮箱"
          maxLength={200}
          hint={`输入“${SYSTEM_ACTOR_QUERY}”可查看系统自动执行的操作`}
        />
        <FilterInput id="audit-from" name="from" label="开始日期" type="date" defaultValue={filters.from} />
        <FilterInput id="audit-to" name="to" label="结束日期" type="date" defaultValue={filters.to} />
      </FilterBar>

      {events.length === 0 ? (
        <EmptyState>{filtered ? "没有符合条件的记录。" : "暂无审计记录。"}</EmptyState>
      ) : (
        // a hundred links: one shared click handler instead of a <Link> each (list-links)
        <ListLinks>
          <div className="card table-scroll overflow-x-auto p-0 sm:p-0">
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
                    <td className="min-w-[6rem]">{formatDateTime(e.createdAt)}</td>
                    <td className="whitespace-nowrap">
                      {e.actor ? (
                        <ListLink to={`/admin/users/${e.actor.id}`} className="link">
                          {e.actor.name}
                        </ListLink>
                      ) : (
                        "系统"
                      )}
                    </td>
                    <td className="min-w-[6rem]">{auditActionLabel(e.action)}</td>
                    <td className="min-w-[8rem] break-all">
                      <AuditSubject entityType={e.entityType} entityId={e.entityId} subject={e.subject} />
                    </td>
                    <td className="min-w-[6rem]">{e.stateChange}</td>
                    <td className="min-w-[8rem]">{e.reason ?? "—"}</td>
                    <td className="whitespace-nowrap font-mono text-xs">{e.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ListLinks>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} cursors={cursors} totalCapped={totalCapped} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
