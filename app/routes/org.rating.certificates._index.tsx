import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Badge, StatusBadge } from "~/components/status-badge";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { isReturnOverdue } from "~/modules/rating/certificate";
import { listOrganizationCertificates } from "~/modules/rating/certificate.server";
import { certificateWorkflow } from "~/modules/rating/grade-workflow";
import { gradeLabel } from "~/modules/registry/grade";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "评估等级证书 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return { certificates: await listOrganizationCertificates(organization.id), now: new Date() };
}

const TONES = { VALID: "success", RETURN_DUE: "warning", RETURNED: "neutral" } as const;

export default function OrgRatingCertificates() {
  const { certificates, now } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="评估等级证书" description="评估等级 3A 及以上的社会组织获发证书和牌匾。" />
      {certificates.length === 0 ? (
        <EmptyState>本机构暂无评估等级证书。</EmptyState>
      ) : (
        <DataTable
          className="sm:card sm:p-0"
          label="评估等级证书"
          rows={certificates}
          rowKey={(c) => c.id}
          columns={[
            {
              header: "证书编号",
              primary: true,
              className: "font-mono",
              cell: (c) => (
                <Link to={c.id} className="link">
                  {c.number}
                </Link>
              ),
            },
            { header: "等级", cell: (c) => gradeLabel(c.grade) },
            {
              header: "有效期",
              cell: (c) => (
                <span className="sm:whitespace-nowrap">
                  {formatDate(c.validFrom)}至{formatDate(c.validTo)}
                </span>
              ),
            },
            {
              header: "状态",
              cell: (c) => (
                <>
                  <StatusBadge workflow={certificateWorkflow} state={c.status} tones={TONES} />{" "}
                  {c.status === "RETURN_DUE" ? `请于${formatDate(c.returnDueAt)}前退回` : null}{" "}
                  {isReturnOverdue(c, new Date(now)) ? <Badge tone="solid-danger">已逾期</Badge> : null}
                </>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
