// The overview tab of a funded project's hub: what was agreed at a glance.
import { DataCell, DataTable } from "~/components/data-table";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { SectionCard } from "~/components/section-card";
import { INDICATOR_KIND_LABELS } from "~/modules/grants/applications/application-form";
import { BUDGET_CATEGORY_LABELS, type BudgetCategory } from "~/modules/grants/applications/budget-checks";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import { agreementKindLabel, agreementStateLabel } from "./agreement-workflow";
import { trancheStateLabel } from "./tranche-workflow";
import { TRIGGER_LABELS, type TrancheTrigger } from "./tranches";

type Overview = {
  category: string | null;
  serviceArea: string | null;
  reportEveryMonths: number;
  closingSummary: string | null;
  endedReason: string | null;
  budgetLines: { id: string; category: string; description: string; plannedFen: number; revisedFen: number }[];
  kpis: { id: string; kind: string; name: string; target: string }[];
  milestones: { id: string; title: string; dueDate: string | Date; doneAt: string | Date | null }[];
  tranches: { id: string; position: number; percent: number; amountFen: number; trigger: string; status: string }[];
  agreements: { version: number; kind: string; status: string }[];
};

type Facts = {
  signingDueAt: string | Date;
  signedAt: string | Date | null;
  midtermPassedAt: string | Date | null;
  finalPassedAt: string | Date | null;
  closedAt: string | Date | null;
  organization: { name: string; uscc: string | null };
  call: { title: string };
};

export function ProjectOverview({ project, overview }: { project: Facts; overview: Overview }) {
  const agreement = overview.agreements[0];
  const totalPlanned = overview.budgetLines.reduce((sum, l) => sum + l.plannedFen, 0);
  const totalRevised = overview.budgetLines.reduce((sum, l) => sum + l.revisedFen, 0);
  return (
    <div className="space-y-4">
      <SectionCard id="facts" title="基本信息">
        <DescriptionList>
          <DescriptionItem label="承接机构">{project.organization.name}</DescriptionItem>
          <DescriptionItem label="统一社会信用代码">{project.organization.uscc}</DescriptionItem>
          <DescriptionItem label="所属活动">{project.call.title}</DescriptionItem>
          <DescriptionItem label="项目类别">{overview.category}</DescriptionItem>
          <DescriptionItem label="服务街道/社区">{overview.serviceArea}</DescriptionItem>
          <DescriptionItem label="进度报告周期">每 {overview.reportEveryMonths} 个月</DescriptionItem>
          <DescriptionItem label="签约截止">{formatDateTime(project.signingDueAt)}</DescriptionItem>
          <DescriptionItem label="协议签订">
            {project.signedAt ? formatDate(project.signedAt) : "尚未签订"}
          </DescriptionItem>
          <DescriptionItem label="当前协议">
            {agreement
              ? `第 ${agreement.version} 版 · ${agreementKindLabel(agreement.kind)} · ${agreementStateLabel(agreement.status)}`
              : null}
          </DescriptionItem>
          <DescriptionItem label="中期评估通过">
            {project.midtermPassedAt ? formatDate(project.midtermPassedAt) : null}
          </DescriptionItem>
          <DescriptionItem label="终期评估通过">
            {project.finalPassedAt ? formatDate(project.finalPassedAt) : null}
          </DescriptionItem>
          <DescriptionItem label="结项日期">{project.closedAt ? formatDate(project.closedAt) : null}</DescriptionItem>
          {overview.endedReason ? (
            <DescriptionItem label="终止/撤销原因" wide multiline>
              {overview.endedReason}
            </DescriptionItem>
          ) : null}
        </DescriptionList>
      </SectionCard>

      <SectionCard id="budget" title="预算（资助资金部分）">
        <DataTable
          label="预算科目"
          rows={overview.budgetLines}
          rowKey={(l) => l.id}
          columns={[
            { header: "科目", cell: (l) => BUDGET_CATEGORY_LABELS[l.category as BudgetCategory] ?? l.category },
            { header: "说明", cell: (l) => l.description, primary: true },
            { header: "核定金额", cell: (l) => formatFen(l.plannedFen), className: "text-right" },
            { header: "调整后金额", cell: (l) => formatFen(l.revisedFen), className: "text-right" },
          ]}
          footer={
            <tr role="row">
              <DataCell label="合计" colSpan={2}>
                合计
              </DataCell>
              <DataCell label="核定金额" className="text-right">
                {formatFen(totalPlanned)}
              </DataCell>
              <DataCell label="调整后金额" className="text-right">
                {formatFen(totalRevised)}
              </DataCell>
            </tr>
          }
        />
      </SectionCard>

      <SectionCard id="kpis" title="绩效指标">
        <DataTable
          label="绩效指标"
          rows={overview.kpis}
          rowKey={(k) => k.id}
          columns={[
            { header: "类型", cell: (k) => INDICATOR_KIND_LABELS[k.kind as "OUTPUT"] ?? k.kind },
            { header: "指标", cell: (k) => k.name, primary: true },
            { header: "目标值", cell: (k) => k.target },
          ]}
        />
      </SectionCard>

      <SectionCard id="tranches" title="拨付计划">
        <DataTable
          label="拨付计划"
          rows={overview.tranches}
          rowKey={(t) => t.id}
          columns={[
            { header: "批次", cell: (t) => `第 ${t.position} 笔`, primary: true },
            { header: "拨付条件", cell: (t) => TRIGGER_LABELS[t.trigger as TrancheTrigger] ?? t.trigger },
            { header: "比例", cell: (t) => `${t.percent}%` },
            { header: "金额", cell: (t) => formatFen(t.amountFen), className: "text-right" },
            { header: "状态", cell: (t) => trancheStateLabel(t.status) },
          ]}
        />
      </SectionCard>

      {overview.milestones.length ? (
        <SectionCard id="milestones" title="里程碑">
          <DataTable
            label="里程碑"
            rows={overview.milestones}
            rowKey={(m) => m.id}
            columns={[
              { header: "里程碑", cell: (m) => m.title, primary: true },
              { header: "计划完成", cell: (m) => formatDate(m.dueDate) },
              { header: "完成情况", cell: (m) => (m.doneAt ? `已完成（${formatDate(m.doneAt)}）` : "未完成") },
            ]}
          />
        </SectionCard>
      ) : null}
    </div>
  );
}
