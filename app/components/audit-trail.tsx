import { Link } from "@remix-run/react";
import { ScrollBox } from "~/components/scroll-box";
import { auditActionLabel } from "~/modules/audit/labels";
import { formatDateTime } from "~/utils/format";

export type AuditTrailEvent = {
  id: string;
  action: string;
  /** "旧状态 → 新状态", labelled on the server by withStateChanges (app/modules/workflows.ts). */
  stateChange: string;
  reason: string | null;
  createdAt: Date | string;
  actor: { name: string } | null;
};

/** The latest audit events about one record, with a link to the full log. */
export function AuditTrail({
  title,
  events,
  entityType,
  entityId,
}: {
  title: string;
  events: AuditTrailEvent[];
  entityType: string;
  entityId: string;
}) {
  return (
    <section className="card" aria-labelledby="audit-trail-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="audit-trail-heading" className="text-base font-semibold text-gray-900">
          {title}
        </h2>
        <Link to={`/admin/audit?${new URLSearchParams({ entityType, entityId })}`} className="link text-sm">
          在审计日志中查看全部
        </Link>
      </div>
      {events.length === 0 ? (
        <p className="text-sm text-gray-500">暂无记录。</p>
      ) : (
        <ScrollBox label="办理记录">
          <table className="table-basic">
            <thead>
              <tr>
                <th>时间</th>
                <th>操作人</th>
                <th>操作</th>
                <th>状态变化</th>
                <th>原因 / 说明</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap">{formatDateTime(e.createdAt)}</td>
                  <td className="whitespace-nowrap">{e.actor?.name ?? "系统"}</td>
                  <td className="whitespace-nowrap">{auditActionLabel(e.action)}</td>
                  <td className="whitespace-nowrap">{e.stateChange}</td>
                  <td>{e.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
