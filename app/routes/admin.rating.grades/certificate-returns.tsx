import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { Badge, StatusBadge } from "~/components/status-badge";
import { isReturnOverdue } from "~/modules/rating/certificate";
import { certificateWorkflow } from "~/modules/rating/grade-workflow";
import { gradeLabel } from "~/modules/registry/grade";
import { formatDate } from "~/utils/format";
import { ReturnedForm } from "./forms";

type Row = {
  id: string;
  number: string;
  grade: number;
  status: string;
  returnDueAt: Date | string | null;
  returnedAt: Date | string | null;
  returnNote: string | null;
  organization: { name: string };
};

const TONES = { VALID: "success", RETURN_DUE: "warning", RETURNED: "neutral" } as const;

/** Certificates that must come back after a downgrade or cancellation, the overdue ones flagged. */
export function CertificateReturns({ certificates, now }: { certificates: Row[]; now: Date | string }) {
  if (certificates.length === 0) return <EmptyState>没有需要退回的证书。</EmptyState>;
  return (
    <table className="table-basic w-full text-sm">
      <thead>
        <tr>
          <th>证书编号</th>
          <th>组织</th>
          <th>等级</th>
          <th>退回期限</th>
          <th>状态</th>
          <th>退回</th>
        </tr>
      </thead>
      <tbody>
        {certificates.map((c) => (
          <tr key={c.id} data-testid="certificate-return">
            <td className="font-mono">
              <Link to={`/admin/rating/certificates/${c.id}`} className="link">
                {c.number}
              </Link>
            </td>
            <td>{c.organization.name}</td>
            <td>{gradeLabel(c.grade)}</td>
            <td className="whitespace-nowrap">
              {formatDate(c.returnDueAt)}{" "}
              {isReturnOverdue({ ...c, returnDueAt: c.returnDueAt }, new Date(now)) ? (
                <Badge tone="solid-danger">已逾期</Badge>
              ) : null}
            </td>
            <td>
              <StatusBadge workflow={certificateWorkflow} state={c.status} tones={TONES} />
            </td>
            <td>
              {c.status === "RETURN_DUE" ? (
                <ReturnedForm certificateId={c.id} />
              ) : (
                `${formatDate(c.returnedAt)}${c.returnNote ? `（${c.returnNote}）` : ""}`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
