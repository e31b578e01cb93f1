// The progress report as both sides see it: the schedule table, and one filed
// report (narrative, KPI actuals against targets, activities, photos).
import { Link } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { SectionCard } from "~/components/section-card";
import { Badge, StatusBadge, type BadgeTone } from "~/components/status-badge";
import { formatCount, formatDate } from "~/utils/format";
import { reportWorkflow, type ReportState } from "./report-workflow";

const REPORT_TONES: Partial<Record<ReportState, BadgeTone>> = {
  SCHEDULED: "neutral",
  DRAFT: "info",
  SUBMITTED: "warning",
  RETURNED: "danger",
  ACCEPTED: "success",
};

const OPEN = new Set(["SCHEDULED", "DRAFT", "RETURNED"]);

export function ReportStatusBadge({ status }: { status: string }) {
  return <StatusBadge workflow={reportWorkflow} state={status} tones={REPORT_TONES} testId="report-status" />;
}

type ScheduleRow = {
  id: string;
  sequence: number;
  periodStart: Date | string;
  periodEnd: Date | string;
  dueAt: Date | string;
  status: string;
  submittedAt: Date | string | null;
};

export function isReportOverdue(r: { status: string; dueAt: Date | string }, now: Date | string) {
  return OPEN.has(r.status) && new Date(r.dueAt).getTime() < new Date(now).getTime();
}

/** The project's report schedule; each row links to `${basePath}/${id}`. */
export function ReportScheduleTable({
  reports,
  basePath,
  now,
  actionLabel,
}: {
  reports: ScheduleRow[];
  basePath: string;
  now: Date | string;
  actionLabel: (r: ScheduleRow) => string;
}) {
  if (reports.length === 0) return <EmptyState>协议双方签订后将按约定周期生成进度报告计划。</EmptyState>;
  return (
    <DataTable
      label="进度报告计划"
      rows={reports}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": `report-row-${r.sequence}` })}
      columns={[
        { header: "期次", primary: true, cell: (r) => `第 ${r.sequence} 期` },
        { header: "报告期", cell: (r) => `${formatDate(r.periodStart)} 至 ${formatDate(r.periodEnd)}` },
        {
          header: "截止日期",
          cell: (r) => (
            <span className="whitespace-nowrap">
              {formatDate(r.dueAt)}{" "}
              {isReportOverdue(r, now) ? (
                <Badge tone="solid-danger" testId="report-overdue">
                  已逾期
                </Badge>
              ) : null}
            </span>
          ),
        },
        { header: "状态", cell: (r) => <ReportStatusBadge status={r.status} /> },
        { header: "提交时间", cell: (r) => (r.submittedAt ? formatDate(r.submittedAt) : "—") },
        {
          header: "操作",
          hideHeader: true,
          cell: (r) => (
            <Link to={`${basePath}/${r.id}`} className="link" aria-label={`${actionLabel(r)}第 ${r.sequence} 期报告`}>
              {actionLabel(r)}
            </Link>
          ),
        },
      ]}
    />
  );
}

type Kpi = { id: string; name: string; target: string; targetValue: number | null; unit: string | null };
type Actual = { kpiId: string; actualValue: number; note: string | null };

/** "85%" of the target, or null when the target has no number. */
export function attainment(actual: number, target: number | null) {
  if (!target) return null;
  return `${Math.round((actual / target) * 100)}%`;
}

/** The filed content of a report (what was submitted). */
export function FiledReport({
  report,
  kpis,
  photos,
}: {
  report: {
    narrative: string | null;
    kpiActuals: Actual[];
    activities: { id: string; heldOn: Date | string; title: string; peopleServed: number }[];
  };
  kpis: Kpi[];
  photos: { id: string; originalName: string }[];
}) {
  const actualOf = (id: string) => report.kpiActuals.find((a) => a.kpiId === id);
  const served = report.activities.reduce((sum, a) => sum + a.peopleServed, 0);
  return (
    <div className="space-y-4">
      <SectionCard id="narrative" title="本期进展">
        <p className="whitespace-pre-wrap text-sm text-gray-800" data-testid="report-narrative">
          {report.narrative || "—"}
        </p>
      </SectionCard>
      <SectionCard id="kpis" title="指标完成情况（累计）">
        <DataTable
          label="指标完成情况"
          rows={kpis}
          rowKey={(k) => k.id}
          rowProps={(k) => ({ "data-testid": `kpi-${k.name}` })}
          columns={[
            { header: "指标", primary: true, cell: (k) => k.name },
            { header: "目标", cell: (k) => k.target },
            {
              header: "累计完成",
              cell: (k) => (actualOf(k.id) ? `${actualOf(k.id)!.actualValue}${k.unit ?? ""}` : "—"),
            },
            {
              header: "完成率",
              cell: (k) => {
                const a = actualOf(k.id);
                return a ? (attainment(a.actualValue, k.targetValue) ?? "—") : "—";
              },
            },
            { header: "说明", cell: (k) => actualOf(k.id)?.note || "—" },
          ]}
        />
      </SectionCard>
      <SectionCard id="activities" title="本期活动">
        {report.activities.length ? (
          <>
            <DataTable
              label="本期活动"
              rows={report.activities}
              rowKey={(a) => a.id}
              columns={[
                { header: "日期", cell: (a) => formatDate(a.heldOn) },
                { header: "活动", primary: true, cell: (a) => a.title },
                { header: "服务人数", cell: (a) => formatCount(a.peopleServed) },
              ]}
            />
            <p className="mt-2 text-sm text-gray-600">
              本期服务合计 {formatCount(served)} 人次（只记人数，不记服务对象信息）。
            </p>
          </>
        ) : (
          <EmptyState>未填写活动。</EmptyState>
        )}
      </SectionCard>
      <SectionCard id="photos" title="活动照片">
        <ReportPhotos photos={photos} />
      </SectionCard>
    </div>
  );
}

export function ReportPhotos({ photos }: { photos: { id: string; originalName: string }[] }) {
  if (photos.length === 0) return <p className="text-sm text-gray-500">未上传照片。</p>;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {photos.map((p) => (
        <li key={p.id}>
          <a href={`/files/${p.id}`} target="_blank" rel="noreferrer" className="block">
            <img
              src={`/files/${p.id}`}
              alt={`活动照片：${p.originalName}`}
              className="h-32 w-full rounded object-cover"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Period, due date, status and review facts of one report. */
export function ReportFacts({
  report,
  now,
}: {
  report: {
    sequence: number;
    periodStart: Date | string;
    periodEnd: Date | string;
    dueAt: Date | string;
    status: string;
    submittedAt: Date | string | null;
    reviewedAt: Date | string | null;
  };
  now: Date | string;
}) {
  return (
    <DescriptionList>
      <DescriptionItem label="报告期">
        {formatDate(report.periodStart)} 至 {formatDate(report.periodEnd)}
      </DescriptionItem>
      <DescriptionItem label="截止日期">
        {formatDate(report.dueAt)} {isReportOverdue(report, now) ? <Badge tone="solid-danger">已逾期</Badge> : null}
      </DescriptionItem>
      <DescriptionItem label="状态">
        <ReportStatusBadge status={report.status} />
      </DescriptionItem>
      <DescriptionItem label="提交时间">{report.submittedAt ? formatDate(report.submittedAt) : null}</DescriptionItem>
      <DescriptionItem label="审核时间">{report.reviewedAt ? formatDate(report.reviewedAt) : null}</DescriptionItem>
    </DescriptionList>
  );
}
