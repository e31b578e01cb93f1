import { ListLink } from "~/components/list-links";
import { AUDIT_ENTITY_LABELS } from "~/modules/audit/labels";

/**
 * The object of an audit event as a person calls it: its kind, then its name
 * linked to the staff page. A deleted record keeps its id, marked as such.
 */
export function AuditSubject({
  entityType,
  entityId,
  subject,
}: {
  entityType: string;
  entityId: string;
  subject: { name: string; href: string | null } | null;
}) {
  const kind = AUDIT_ENTITY_LABELS[entityType] ?? entityType;
  if (!subject) {
    return (
      <span>
        {kind} <span className="font-mono text-xs text-gray-500">{entityId}（记录不存在或已删除）</span>
      </span>
    );
  }
  return (
    <span>
      {kind}{" "}
      {subject.href ? (
        <ListLink to={subject.href} className="link">
          {subject.name}
        </ListLink>
      ) : (
        subject.name
      )}
    </span>
  );
}
