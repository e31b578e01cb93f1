// The directory's entries as the public reads them: name (to the organization's
// page), type, grade, street, service areas, priority markers and how it was listed.
import { Link } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { Badge } from "~/components/status-badge";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { gradeLabel } from "~/modules/registry/grade";
import { ENTRY_ROUTES, type EntryRoute } from "./entry-workflow";
import { markerLabels } from "./view";

export type PublicEntryRow = {
  id: string;
  route: string;
  street: string;
  markerGrade: boolean;
  markerProjects: boolean;
  taxCheckedAt: Date | string | null;
  areas: Array<{ area: string }>;
  organization: { id: string; name: string; type: string; currentGrade: number | null };
};

export function EntriesTable({ rows, label }: { rows: readonly PublicEntryRow[]; label: string }) {
  return (
    <DataTable
      label={label}
      rows={rows}
      rowKey={(e) => e.id}
      rowProps={() => ({ "data-testid": "directory-row" })}
      columns={[
        {
          header: "社会组织名称",
          primary: true,
          cell: (e) => (
            <Link to={`/orgs/${e.organization.id}`} className="link">
              {e.organization.name}
            </Link>
          ),
        },
        { header: "类型", cell: (e) => orgTypeLabel(e.organization.type) },
        {
          header: "评估等级",
          cell: (e) => (e.organization.currentGrade ? gradeLabel(e.organization.currentGrade) : "—"),
        },
        { header: "街道", cell: (e) => e.street },
        { header: "服务领域", cell: (e) => e.areas.map((a) => a.area).join("、") || "—" },
        {
          header: "优先标识",
          cell: (e) => (
            <span className="flex flex-wrap gap-1">
              {markerLabels(e).map((m) => (
                <Badge key={m} tone="success">
                  {m}
                </Badge>
              ))}
            </span>
          ),
        },
        { header: "列入方式", cell: (e) => ENTRY_ROUTES[e.route as EntryRoute] ?? e.route },
      ]}
    />
  );
}
