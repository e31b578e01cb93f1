import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { getPublicOrganization } from "~/modules/organizations/directory.server";
import {
  CAPITAL_LABELS,
  DIRECT_REGISTRATION_CATEGORIES,
  orgStatusLabel,
  orgTypeLabel,
  type OrgType,
} from "~/modules/organizations/labels";
import { formatDate, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export async function loader({ params }: LoaderFunctionArgs) {
  const org = await getPublicOrganization(params.orgId ?? "");
  invariantResponse(org, "未找到该社会组织", { status: 404 });
  return { org };
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
  const { org } = useLoaderData<typeof loader>();
  const isCommunity = org.type === "COMMUNITY";
  const capitalLabel = CAPITAL_LABELS[org.type as OrgType] ?? "注册资金";

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
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800" role="status">
          该社会组织{orgStatusLabel(org.status)}，以下为其登记信息的存档。
        </p>
      ) : null}

      <section className="card" aria-labelledby="registered-info">
        <h2 id="registered-info" className="text-base font-semibold text-gray-900">
          {isCommunity ? "备案信息" : "登记信息"}
        </h2>
        <dl className="mt-3 divide-y divide-gray-100 text-sm">
          <Row label="名称">{org.name}</Row>
          <Row label="统一社会信用代码">
            <span className="font-mono" data-testid="org-uscc">
              {org.uscc ?? "—"}
            </span>
          </Row>
          <Row label="类型">{orgTypeLabel(org.type)}</Row>
          <Row label="登记状态">{orgStatusLabel(org.status)}</Row>
          <Row label={isCommunity ? "备案日期" : "登记日期"}>{formatDate(org.registeredAt)}</Row>
          <Row label="法定代表人">{org.legalRepresentative ?? "—"}</Row>
          <Row label={capitalLabel}>{formatFen(org.capitalFen)}</Row>
          <Row label="业务主管单位">{supervisingUnitText(org.supervisingUnit, org.category)}</Row>
          <Row label="住所">{org.address ?? "—"}</Row>
          <Row label="活动地域">{org.area ?? "—"}</Row>
          <Row label="宗旨">{org.purpose ?? "—"}</Row>
          <Row label="业务范围">{org.scope ?? "—"}</Row>
        </dl>
      </section>
      <p className="mt-3 text-xs text-gray-500">
        以上为登记管理机关公示的登记信息。联系人、联系电话等信息不对外公开。
      </p>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-4 sm:gap-4">
      <dt className="font-medium text-gray-600">{label}</dt>
      <dd className="whitespace-pre-line break-words text-gray-900 sm:col-span-3">{children}</dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
