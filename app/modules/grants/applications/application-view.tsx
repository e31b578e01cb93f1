// Read-only pieces of a 公益创投 application shared by the applicant's locked view
// and the staff screening pages.
import { DataCell, DataTable } from "~/components/data-table";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { StatusBadge, type BadgeTone } from "~/components/status-badge";
import { auditActionLabel } from "~/modules/audit/labels";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import type { AutoChecks } from "../screening/screening";
import { INDICATOR_KIND_LABELS, SOCIAL_WORKER_LEVEL_LABELS, type GrantApplicationData } from "./application-form";
import { grantApplicationWorkflow, type GrantApplicationState } from "./application-workflow";
import { BUDGET_CATEGORY_LABELS, type BudgetCategory } from "./budget-checks";
import { grantDocuments } from "./documents";

const STATUS_TONES: Partial<Record<GrantApplicationState, BadgeTone>> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  CORRECTION: "warning",
  SCREEN_PASSED: "success",
  SCREEN_FAILED: "danger",
};

export function grantStatusLabel(status: string) {
  return grantApplicationWorkflow.stateLabels[status as GrantApplicationState] ?? status;
}

export function GrantStatusBadge({ status }: { status: string }) {
  return <StatusBadge workflow={grantApplicationWorkflow} state={status} tones={STATUS_TONES} testId="grant-status" />;
}

/** ✓ or ✗ with the reasons. */
export function AutoChecksSummary({ checks }: { checks: AutoChecks | null }) {
  if (!checks) return <span className="text-xs text-gray-500">未检查</span>;
  if (checks.passed) {
    return (
      <span className="text-sm text-green-700" data-testid="auto-checks">
        ✓ 通过
      </span>
    );
  }
  return (
    <div className="text-sm text-red-700" data-testid="auto-checks">
      <span>✗ 未通过</span>
      <ul className="mt-1 list-disc pl-4 text-xs">
        {[...checks.eligibility.reasons, ...checks.budget.issues].map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}

export function AutoChecksCard({ checks }: { checks: AutoChecks | null }) {
  return (
    <section className="card" aria-labelledby="checks-heading">
      <h2 id="checks-heading" className="font-medium">
        自动检查
      </h2>
      {checks ? (
        <div className="mt-2 space-y-2 text-sm">
          <p>
            资格条件：
            {checks.eligibility.eligible ? (
              <span className="text-green-700">✓ 符合</span>
            ) : (
              <span className="text-red-700">✗ 不符合</span>
            )}
          </p>
          {checks.eligibility.reasons.length ? (
            <ul className="list-disc pl-5 text-red-700">
              {checks.eligibility.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          <p>
            预算与周期：
            {checks.budget.ok ? (
              <span className="text-green-700">✓ 符合</span>
            ) : (
              <span className="text-red-700">✗ 不符合</span>
            )}
          </p>
          {checks.budget.issues.length ? (
            <ul className="list-disc pl-5 text-red-700">
              {checks.budget.issues.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          <p className="text-xs text-gray-500">检查时间：{formatDateTime(checks.checkedAt)}</p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-gray-500">尚未检查。</p>
      )}
    </section>
  );
}

type ViewApplication = {
  title: string;
  category: string | null;
  projectStart: Date | string | null;
  projectEnd: Date | string | null;
  requestedFen: number;
  ownFundsFen: number;
  matchedFen: number;
  totalBudgetFen: number;
  budgetLines: Array<{
    category: string;
    description: string;
    requestedFen: number;
    ownFen: number;
    matchedFen: number;
  }>;
  milestones: Array<{ title: string; description: string | null; dueDate: Date | string }>;
  indicators: Array<{ kind: string; name: string; target: string }>;
};

export function GrantApplicationDetails({
  application,
  data,
  documents,
}: {
  application: ViewApplication;
  data: GrantApplicationData;
  documents: Array<{ id: string; purpose: string; originalName: string }>;
}) {
  return (
    <div className="space-y-4">
      <section className="card" aria-label="项目信息">
        <h2 className="font-medium">基本信息</h2>
        <DescriptionList className="mt-3">
          <DescriptionItem multiline label="项目名称">
            {application.title}
          </DescriptionItem>
          <DescriptionItem multiline label="项目类别">
            {application.category}
          </DescriptionItem>
          <DescriptionItem multiline label="项目周期">
            {formatDate(application.projectStart)} 至 {formatDate(application.projectEnd)}
          </DescriptionItem>
          <DescriptionItem multiline label="服务区域">
            {data.serviceArea}
          </DescriptionItem>
          <DescriptionItem multiline label="服务社区">
            {data.community}
          </DescriptionItem>
          <DescriptionItem multiline label="受益人数">
            {data.beneficiaryCount == null ? "" : `${data.beneficiaryCount} 人`}
          </DescriptionItem>
          <DescriptionItem multiline label="受益对象" wide>
            {data.beneficiaries}
          </DescriptionItem>
          <DescriptionItem multiline label="需求分析" wide>
            {data.needs}
          </DescriptionItem>
          <DescriptionItem multiline label="项目目标" wide>
            {data.goals}
          </DescriptionItem>
        </DescriptionList>
      </section>

      <section className="card" aria-label="活动与里程碑">
        <h2 className="font-medium">活动与里程碑</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {application.milestones.map((m, i) => (
            <li key={i}>
              {formatDate(m.dueDate)} · <span className="font-medium">{m.title}</span>
              {m.description ? ` — ${m.description}` : ""}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-label="产出与成效指标">
        <h2 className="font-medium">产出与成效指标</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {application.indicators.map((m, i) => (
            <li key={i}>
              {INDICATOR_KIND_LABELS[m.kind as "OUTPUT"] ?? m.kind}：{m.name}，目标 {m.target}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-label="项目团队">
        <h2 className="font-medium">项目团队</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {data.team.map((t, i) => (
            <li key={i}>
              {t.name} · {t.role}
              {t.socialWorker ? `（持证社工：${SOCIAL_WORKER_LEVEL_LABELS[t.certificate as "ASSISTANT"] ?? "—"}）` : ""}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-label="预算">
        <h2 className="font-medium">预算</h2>
        <DataTable
          className="mt-2"
          rows={application.budgetLines}
          rowKey={(_, i) => String(i)}
          columns={[
            {
              header: "科目",
              primary: true,
              cell: (l) => BUDGET_CATEGORY_LABELS[l.category as BudgetCategory] ?? l.category,
            },
            { header: "用途说明", cell: (l) => l.description },
            { header: "申请资助", cell: (l) => formatFen(l.requestedFen) },
            { header: "自有资金", cell: (l) => formatFen(l.ownFen) },
            { header: "配套资金", cell: (l) => formatFen(l.matchedFen) },
          ]}
          footer={
            <tr role="row" className="font-medium">
              <DataCell colSpan={2}>合计（总预算 {formatFen(application.totalBudgetFen)}）</DataCell>
              <DataCell label="申请资助">{formatFen(application.requestedFen)}</DataCell>
              <DataCell label="自有资金">{formatFen(application.ownFundsFen)}</DataCell>
              <DataCell label="配套资金">{formatFen(application.matchedFen)}</DataCell>
            </tr>
          }
        />
      </section>

      <section className="card" aria-label="附件">
        <h2 className="font-medium">附件</h2>
        {documents.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {documents.map((d) => {
              const key = grantDocuments.keyOf(d.purpose);
              return (
                <li key={d.id}>
                  {key ? grantDocuments.label(key) : d.purpose}：
                  <a href={`/files/${d.id}`} className="link" target="_blank" rel="noreferrer">
                    {d.originalName}
                  </a>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-gray-500">未上传附件。</p>
        )}
      </section>
    </div>
  );
}

export function GrantHistory({
  events,
}: {
  events: Array<{
    id: string;
    action: string;
    fromState: string | null;
    toState: string | null;
    reason: string | null;
    createdAt: Date | string;
    actor: { name: string } | null;
  }>;
}) {
  if (!events.length) return null;
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading" className="font-medium">
        办理记录
      </h2>
      <ol className="mt-2 space-y-1 text-sm">
        {events.map((e) => (
          <li key={e.id}>
            <span className="text-gray-500">{formatDateTime(e.createdAt)}</span> · {e.actor?.name ?? "系统"} ·{" "}
            {e.toState ? `${grantStatusLabel(e.toState)}` : auditActionLabel(e.action)}
            {e.reason ? `：${e.reason}` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
