// The applications staff check and follow in one round.
import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { ORG_TYPE_LABELS, type OrgType } from "~/modules/organizations/labels";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { APPLICATION_TONES } from "~/modules/rating/labels";
import { formatDate } from "~/utils/format";

type Row = {
  id: string;
  status: string;
  selfTotal: number | null;
  expertTotal: number | null;
  submittedAt: string | Date | null;
  organization: { name: string; type: string };
};

export function ApplicationsCard({ applications }: { applications: Row[] }) {
  return (
    <SectionCard id="round-applications" title="评估申请" scrollable>
      {applications.length === 0 ? (
        <EmptyState>还没有已提交的评估申请。</EmptyState>
      ) : (
        <table className="table-basic">
          <thead>
            <tr>
              <th>社会组织</th>
              <th>类型</th>
              <th>提交日期</th>
              <th>自评分</th>
              <th>专家评分</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/admin/rating/applications/${a.id}`} className="link">
                    {a.organization.name}
                  </Link>
                </td>
                <td>{ORG_TYPE_LABELS[a.organization.type as OrgType] ?? a.organization.type}</td>
                <td>{formatDate(a.submittedAt)}</td>
                <td>{a.selfTotal ?? "—"}</td>
                <td>{a.expertTotal ?? "—"}</td>
                <td>
                  <StatusBadge workflow={ratingApplicationWorkflow} state={a.status} tones={APPLICATION_TONES} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SectionCard>
  );
}
