import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { DirectoryProfileBlock } from "~/modules/directory/profile-block";
import { organizationDirectoryHistory } from "~/modules/directory/public.server";
import { publicBanMessage } from "~/modules/funding/bans";
import { publicOrgFundingRecord } from "~/modules/funding/public/org-record.server";
import { OrgProjectsTable } from "~/modules/funding/public/public-views";
import { listPublicIncubationHistory } from "~/modules/incubation/public.server";
import { conclusionLabel } from "~/modules/inspection/labels";
import { listPublicInspectionHistory } from "~/modules/inspection/public.server";
import { getPublicOrganization } from "~/modules/organizations/directory.server";
import {
  CAPITAL_LABELS,
  DIRECT_REGISTRATION_CATEGORIES,
  orgStatusLabel,
  orgTypeLabel,
  type OrgType,
} from "~/modules/organizations/labels";
import { changeKindLabel, formatChangeValue, registeredFieldLabel } from "~/modules/registry/changes";
import { creditKindLabel } from "~/modules/registry/credit";
import { gradeLabel, gradeRowInForce } from "~/modules/registry/grade";
import { formatDate, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export async function loader({ params }: LoaderFunctionArgs) {
  const org = await getPublicOrganization(params.orgId ?? "");
  invariantResponse(org, "未找到该社会组织", { status: 404 });
  const [incubations, inspections, funding, directory] = await Promise.all([
    listPublicIncubationHistory(org.id),
    listPublicInspectionHistory(org.id),
    publicOrgFundingRecord(org.id, new Date()),
    organizationDirectoryHistory(org.id),
  ]);
  const { grades, changes, creditRecords, ...registered } = org;
  // The date the organization left the register, from its 注销 / 撤销 record.
  const statusKind = org.status === "DEREGISTERED" ? "DEREGISTER" : org.status === "REVOKED" ? "REVOKE" : null;
  const statusChange = statusKind ? (changes.find((c) => c.kind === statusKind) ?? null) : null;
  return {
    org: registered,
    // Decided here so server and client agree on which grade is in force today.
    gradeInForce: gradeRowInForce(grades, new Date()),
    grades,
    statusChange: statusChange ? { effectiveAt: statusChange.effectiveAt, reason: statusChange.reason } : null,
    // Only what the page shows: the reason is published for 注销 / 撤销, not for each 变更.
    changes: changes.map((c) => ({ ...c, reason: c.kind === "CHANGE" ? null : c.reason })),
    creditRecords,
    incubations,
    inspections,
    funding,
    directory,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.org ? `${data.org.name} · 社会组织名录 · 益苗` : "未找到该社会组织 · 益苗" },
];

function supervisingUnitText(supervisingUnit: string | null, category: string | null) {
  if (supervisingUnit) return supervisingUnit;
  if (category && (DIRECT_REGISTRATION_CATEGORIES as readonly string[]).includes(category)) {
    return `无（${category}社会组织直接登记）`;
  }
  return "—";
}

export default function OrganizationPage() {
  const {
    org,
    gradeInForce,
    grades,
    statusChange,
    changes,
    creditRecords,
    incubations,
    inspections,
    funding,
    directory,
  } = useLoaderData<typeof loader>();
  const isCommunity = org.type === "COMMUNITY";
  const capitalLabel = CAPITAL_LABELS[org.type as OrgType] ?? "注册资金";
  // The register lists organizations that left it only with 全部状态.
  const register = {
    to: `/orgs?${new URLSearchParams({ ...(org.status === "REGISTERED" ? {} : { status: "ALL" }), q: org.uscc ?? org.name })}`,
    label: "社会组织名录",
  };

  return (
    <div>
      <nav className="mb-3 text-sm" aria-label="面包屑">
        <Link to="/orgs" className="link">
          社会组织名录
        </Link>
        <span className="mx-1 text-gray-400">/</span>
        <span className="text-gray-600">登记信息</span>
      </nav>
      <PageHeader title={org.name} description={orgTypeLabel(org.type)} />

      {org.status !== "REGISTERED" ? (
        <Notice tone="warning" className="mb-4">
          该社会组织{orgStatusLabel(org.status)}
          {statusChange ? `（${formatDate(statusChange.effectiveAt)}）` : ""}，以下为其登记信息的存档。
        </Notice>
      ) : null}

      <SectionCard id="registered" title={isCommunity ? "备案信息" : "登记信息"} source={register}>
        <DescriptionList layout="divided">
          <DescriptionItem label="名称">{org.name}</DescriptionItem>
          <DescriptionItem label="统一社会信用代码">
            <span className="font-mono" data-testid="org-uscc">
              {org.uscc ?? "—"}
            </span>
          </DescriptionItem>
          <DescriptionItem label="类型">{orgTypeLabel(org.type)}</DescriptionItem>
          <DescriptionItem label="登记状态">
            <span data-testid="org-status">
              {orgStatusLabel(org.status)}
              {statusChange ? `（${formatDate(statusChange.effectiveAt)}）` : ""}
            </span>
          </DescriptionItem>
          <DescriptionItem label="评估等级">
            <span data-testid="org-grade">
              {gradeInForce
                ? `${gradeLabel(gradeInForce.grade)}（有效期 ${formatDate(gradeInForce.validFrom)} 至 ${formatDate(gradeInForce.validTo)}）`
                : "无等级"}
            </span>
          </DescriptionItem>
          <DescriptionItem label={isCommunity ? "备案日期" : "登记日期"}>
            {formatDate(org.registeredAt)}
          </DescriptionItem>
          <DescriptionItem label="法定代表人">{org.legalRepresentative}</DescriptionItem>
          <DescriptionItem label={capitalLabel}>{formatFen(org.capitalFen)}</DescriptionItem>
          <DescriptionItem label="业务主管单位">
            {supervisingUnitText(org.supervisingUnit, org.category)}
          </DescriptionItem>
          <DescriptionItem label="住所">{org.address}</DescriptionItem>
          <DescriptionItem label="活动地域">{org.area}</DescriptionItem>
          <DescriptionItem label="宗旨">
            {org.purpose ? <span className="whitespace-pre-line">{org.purpose}</span> : null}
          </DescriptionItem>
          <DescriptionItem label="业务范围">
            {org.scope ? <span className="whitespace-pre-line">{org.scope}</span> : null}
          </DescriptionItem>
        </DescriptionList>
      </SectionCard>
      <p className="mt-3 text-xs text-gray-500">以上为登记管理机关公示的登记信息。联系人、联系电话等信息不对外公开。</p>

      <SectionCard className="mt-4" id="changes" title="变更记录" source={register}>
        {changes.length === 0 ? (
          <EmptyState>暂无变更记录。</EmptyState>
        ) : (
          <DataTable
            label="变更记录"
            rows={changes}
            rowKey={(c) => c.id}
            columns={[
              { header: "日期", className: "whitespace-nowrap", cell: (c) => formatDate(c.effectiveAt) },
              {
                header: "事项",
                className: "sm:whitespace-nowrap",
                cell: (c) => (c.kind === "CHANGE" ? registeredFieldLabel(c.field) : changeKindLabel(c.kind)),
              },
              {
                header: "变更前",
                className: "break-words sm:min-w-[8rem]",
                span: (c) => (c.kind === "CHANGE" ? null : { colSpan: 2, label: "说明" }),
                cell: (c) =>
                  c.kind === "CHANGE" ? formatChangeValue(c.field, c.oldValue) : c.reason ? `理由：${c.reason}` : "—",
              },
              {
                header: "变更后",
                className: "break-words sm:min-w-[8rem]",
                cell: (c) => formatChangeValue(c.field, c.newValue),
              },
            ]}
          />
        )}
      </SectionCard>

      <SectionCard className="mt-4" id="credit" title="信用信息">
        {creditRecords.length === 0 ? (
          <EmptyState>暂无行政处罚、活动异常名录等信用记录。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {creditRecords.map((r) => (
              <li key={r.id} className="py-2.5">
                <p className="font-medium text-gray-900">
                  {creditKindLabel(r.kind)}
                  <span className="ml-2 text-xs font-normal text-gray-500">
                    {formatDate(r.decidedAt)}
                    {r.kind === "ABNORMAL_LIST"
                      ? r.endedAt
                        ? `，${formatDate(r.endedAt)} 移出异常名录`
                        : "，至今未移出"
                      : ""}
                  </span>
                </p>
                <p className="mt-0.5 whitespace-pre-line break-words text-gray-700">{r.description}</p>
                {r.authority ? <p className="mt-0.5 text-xs text-gray-500">决定机关：{r.authority}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <SectionCard
        className="mt-4"
        id="grades"
        title="评估等级记录"
        source={{ to: "/rating", label: "社会组织评估结果公告" }}
      >
        {grades.length === 0 ? (
          <EmptyState>尚未参加社会组织评估。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {grades.map((g) => (
              <li key={g.id} className="flex flex-wrap justify-between gap-2 py-2.5">
                <span className="font-medium text-gray-900">{gradeLabel(g.grade)}</span>
                <span className="text-gray-600">
                  {formatDate(g.announcedAt)} 公告，有效期 {formatDate(g.validFrom)} 至 {formatDate(g.validTo)}
                </span>
                {/* A grade from a round links that round's announcement; others have the block's link. */}
                {g.round ? (
                  <Link to={`/rating/${g.round.id}`} className="link w-full text-xs">
                    {g.round.title}结果公告
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <DirectoryProfileBlock history={directory} />

      <SectionCard
        className="mt-4"
        id="inspections"
        title="年检结果"
        source={{ to: "/inspection", label: "年检结果公告" }}
      >
        {inspections.length === 0 ? (
          <EmptyState>暂无公布的年检结果。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {inspections.map((r) => (
              <li key={r.year} className="flex flex-wrap justify-between gap-2 py-2.5">
                <Link to={`/inspection/${r.year}`} className="link font-medium">
                  {r.year} 年度<span className="sr-only">年检结果公告</span>
                </Link>
                <span className="text-gray-600">
                  {conclusionLabel(r.conclusion)}
                  {r.concludedAt ? `（${formatDate(r.concludedAt)}）` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <SectionCard
        className="mt-4"
        id="funded-projects"
        title="公益创投资助项目"
        source={{ to: "/projects", label: "公益创投资助项目公开信息" }}
      >
        {funding.ban ? (
          <Notice tone="warning" className="mb-3">
            <span data-testid="org-grant-ban">{publicBanMessage(funding.ban)}。</span>
          </Notice>
        ) : null}
        <OrgProjectsTable projects={funding.projects} />
      </SectionCard>

      <SectionCard
        className="mt-4"
        id="incubation"
        title="孵化基地入驻记录"
        source={{ to: "/incubation", label: "孵化基地" }}
      >
        {incubations.length === 0 ? (
          <EmptyState>未入驻孵化基地。</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {incubations.map((i) => (
              <li key={i.id} className="flex flex-wrap justify-between gap-2 py-2.5">
                <span className="font-medium text-gray-900">{i.statusLabel}</span>
                <span className="text-gray-600">
                  孵化期 {formatDate(i.termStart)} 至 {formatDate(i.termEnd)}
                  {i.status === "GRADUATED" && i.exitAt ? `，${formatDate(i.exitAt)} 出壳` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
