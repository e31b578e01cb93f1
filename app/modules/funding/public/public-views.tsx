// The pieces of the public project record shared by /projects/:projectId and the
// organization's public page: KPIs against targets, milestones, published grades.
import { Link } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { Badge, type BadgeTone } from "~/components/status-badge";
import { formatDate, formatFen } from "~/utils/format";
import { ProjectStatusBadge } from "../project-hub";
import type { KpiProgress } from "./public-project";

const GRADE_TONES: Record<string, BadgeTone> = { 优秀: "success", 良好: "success", 合格: "info", 不合格: "danger" };

export function GradeBadge({ grade, testId }: { grade: string; testId?: string }) {
  return (
    <Badge tone={GRADE_TONES[grade] ?? "neutral"} testId={testId}>
      {grade}
    </Badge>
  );
}

const number = (n: number) => (Number.isInteger(n) ? n.toLocaleString("en-US") : n.toFixed(1));

export function KpiTable({ kpis }: { kpis: KpiProgress[] }) {
  if (kpis.length === 0) return <EmptyState>该项目没有量化的绩效指标。</EmptyState>;
  return (
    <DataTable
      label="绩效指标完成情况"
      rows={kpis}
      rowKey={(k) => k.id}
      rowProps={(k) => ({ "data-testid": `kpi-${k.name}` })}
      columns={[
        { header: "指标", primary: true, cell: (k) => k.name },
        { header: "类型", cell: (k) => (k.kind === "OUTCOME" ? "成效指标" : "产出指标") },
        { header: "目标", cell: (k) => k.target },
        {
          header: "已完成",
          cell: (k) =>
            k.actualValue === null ? (
              <span className="text-gray-500">尚无已通过审核的报告</span>
            ) : (
              `${number(k.actualValue)}${k.unit ?? ""}`
            ),
        },
        {
          header: "完成率",
          className: "whitespace-nowrap",
          cell: (k) => (k.attainmentPct === null ? "—" : `${k.attainmentPct}%`),
        },
        { header: "截至", className: "whitespace-nowrap", cell: (k) => (k.asOf ? formatDate(k.asOf) : "—") },
      ]}
    />
  );
}

export function MilestoneList({
  milestones,
}: {
  milestones: { title: string; dueDate: Date | string; doneAt: Date | string | null }[];
}) {
  if (milestones.length === 0) return <EmptyState>该项目没有列出里程碑。</EmptyState>;
  return (
    <ol className="divide-y divide-gray-100 text-sm">
      {milestones.map((m, i) => (
        <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <span className="font-medium text-gray-900">{m.title}</span>
          <span className="text-gray-600">
            计划 {formatDate(m.dueDate)}
            {m.doneAt ? (
              <Badge tone="success" className="ml-2">
                {formatDate(m.doneAt)} 完成
              </Badge>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

export type OrgProjectRecord = {
  id: string;
  projectNo: string;
  title: string;
  status: string;
  year: number;
  awardedFen: number;
  paidFen: number;
  finalGrade: string | null;
};

/** An organization's funded projects on its public page (#14 item 9): year, amount, final grade. */
export function OrgProjectsTable({ projects }: { projects: OrgProjectRecord[] }) {
  if (projects.length === 0) return <EmptyState>暂无公益创投资助项目。</EmptyState>;
  return (
    <DataTable
      label="公益创投资助项目"
      rows={projects}
      rowKey={(p) => p.id}
      rowProps={(p) => ({ "data-testid": `org-project-${p.projectNo}` })}
      columns={[
        {
          header: "项目",
          primary: true,
          cell: (p) => (
            <Link to={`/projects/${p.id}`} className="link">
              {p.title}
            </Link>
          ),
        },
        { header: "年度", className: "whitespace-nowrap", cell: (p) => `${p.year} 年度` },
        { header: "资助金额", className: "whitespace-nowrap", cell: (p) => formatFen(p.awardedFen) },
        { header: "已拨付", className: "whitespace-nowrap", cell: (p) => formatFen(p.paidFen) },
        { header: "状态", cell: (p) => <ProjectStatusBadge status={p.status} /> },
        {
          header: "终期评估",
          cell: (p) => (p.finalGrade ? <GradeBadge grade={p.finalGrade} /> : <span className="text-gray-500">—</span>),
        },
      ]}
    />
  );
}
