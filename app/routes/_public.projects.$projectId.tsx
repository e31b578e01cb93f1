import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { ProjectStatusBadge } from "~/modules/funding/project-hub";
import { getPublicProject } from "~/modules/funding/public/public-projects.server";
import { GradeBadge, KpiTable, MilestoneList } from "~/modules/funding/public/public-views";
import { formatCount, formatDate, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export async function loader({ params }: LoaderFunctionArgs) {
  // A grade whose publicity period ended is final and shown without anyone clicking (decision 026).
  if (params.projectId) await settleEndedPublicity({ projectId: params.projectId });
  const project = await getPublicProject(params.projectId ?? "", new Date());
  invariantResponse(project, "未找到该资助项目", { status: 404 });
  return { project };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.project ? `${data.project.title} · 公益创投资助项目 · 益苗` : "未找到该资助项目 · 益苗" },
];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <p className="text-sm text-gray-500">{label}</p>
      <p className="text-xl font-semibold tabular-nums text-gray-900" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

export default function PublicProjectPage() {
  const { project: p } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <nav className="text-sm" aria-label="面包屑">
        <Link to="/projects" className="link">
          公益创投资助项目
        </Link>
        <span className="mx-1 text-gray-400">/</span>
        <span className="text-gray-600">{p.projectNo}</span>
      </nav>
      <PageHeader
        title={p.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ProjectStatusBadge status={p.status} />
            <Link to={`/orgs/${p.organization.id}`} className="link">
              {p.organization.name}
            </Link>
          </span>
        }
      />

      {p.status === "TERMINATED" ? (
        <Notice tone="warning">该项目已被终止，未拨付的资金不再拨付，已拨付资金按规定追回。</Notice>
      ) : null}

      <section className="card grid gap-4 sm:grid-cols-3" aria-label="资金">
        <Figure label="资助金额" value={formatFen(p.money.awardedFen)} testId="money-awarded" />
        <Figure label="已拨付" value={formatFen(p.money.paidFen)} testId="money-paid" />
        <Figure label="已退回" value={formatFen(p.money.returnedFen)} testId="money-returned" />
      </section>

      <SectionCard id="facts" title="项目信息">
        <DescriptionList>
          <DescriptionItem label="项目编号">{p.projectNo}</DescriptionItem>
          <DescriptionItem label="承接机构">{p.organization.name}</DescriptionItem>
          <DescriptionItem label="创投活动">
            <Link to={`/grants/${p.call.id}`} className="link">
              {p.call.year} 年度 · {p.call.title}
            </Link>
          </DescriptionItem>
          <DescriptionItem label="服务领域">{p.category ?? "—"}</DescriptionItem>
          <DescriptionItem label="服务区域">{p.serviceArea ?? "—"}</DescriptionItem>
          <DescriptionItem label="执行期">
            {formatDate(p.startsOn)} 至 {formatDate(p.endsOn)}
          </DescriptionItem>
          <DescriptionItem label="立项日期">{formatDate(p.call.confirmedAt)}</DescriptionItem>
          <DescriptionItem label="协议签订">{p.signedAt ? formatDate(p.signedAt) : "尚未签订"}</DescriptionItem>
        </DescriptionList>
      </SectionCard>

      <SectionCard id="progress" title="执行进度">
        <DescriptionList>
          <DescriptionItem label="执行期已过">
            <span data-testid="period-elapsed">{p.progress.periodElapsedPct}%</span>
          </DescriptionItem>
          <DescriptionItem label="里程碑完成">
            <span data-testid="milestones-done">
              {p.progress.milestonesDone} / {p.progress.milestonesTotal}
            </span>
          </DescriptionItem>
          <DescriptionItem label="已服务人次（已审核报告）">
            <span data-testid="people-served">{formatCount(p.peopleServed)}</span>
          </DescriptionItem>
        </DescriptionList>
        <h3 className="mb-2 mt-4 text-sm font-semibold text-gray-900">里程碑</h3>
        <MilestoneList milestones={p.milestones} />
      </SectionCard>

      <SectionCard id="kpis" title="绩效指标">
        <KpiTable kpis={p.kpis} />
        <p className="mt-2 text-xs text-gray-500">完成情况取自民政局审核通过的最近一期进度报告。</p>
      </SectionCard>

      <SectionCard id="grades" title="评估结果">
        {p.grades.length === 0 ? (
          <EmptyState>暂无已确定的评估结果（评估结果公示期满后在此公布）。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {p.grades.map((g) => (
              <li key={g.label} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="font-medium text-gray-900">{g.label}</span>
                <span className="flex items-center gap-2 text-gray-600">
                  <GradeBadge grade={g.grade} testId={`grade-${g.kind}`} />
                  {formatDate(g.finalAt)} 确定
                </span>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      {p.closed ? (
        <SectionCard id="closing" title="结项">
          <p className="text-sm text-gray-600">{formatDate(p.closed.at)} 结项</p>
          {p.closed.summary ? (
            <p className="mt-2 whitespace-pre-line text-sm text-gray-800" data-testid="closing-summary">
              {p.closed.summary}
            </p>
          ) : null}
        </SectionCard>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
