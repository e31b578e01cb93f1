import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { requireMemberProject } from "~/modules/funding/access.server";
import { banMessage } from "~/modules/funding/bans";
import { activeGrantBan } from "~/modules/funding/bans.server";
import { ClosedRecordCard, ClosingChecklist, ClosingMoney, RefundsTable } from "~/modules/funding/closing-view";
import { loadClosing, loadClosingRecord } from "~/modules/funding/closing.server";
import { loadRefunds } from "~/modules/funding/refunds.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project, organization } = await requireMemberProject(request, params.projectId);
  const [closing, refunds, record, ban] = await Promise.all([
    loadClosing(project.id),
    loadRefunds(prisma, project.id),
    loadClosingRecord(project.id),
    activeGrantBan(prisma, organization.id, new Date()),
  ]);
  return { project, closing, refunds, record, ban };
}

export default function OrgProjectClosing() {
  const { project, closing, refunds, record, ban } = useLoaderData<typeof loader>();
  const owed = refunds.filter((r) => r.status === "OUTSTANDING");
  return (
    <div className="space-y-4">
      {project.status === "CLOSED" ? (
        <ClosedRecordCard record={record} certificateHref={`/org/projects/${project.id}/certificate`} />
      ) : null}
      {project.status === "TERMINATED" ? (
        <Notice tone="warning" testId="terminated-notice">
          项目已终止：{record.endedReason}
        </Notice>
      ) : null}
      {ban ? (
        <Notice tone="error" testId="ban-notice">
          {banMessage(ban)}（自{formatDate(ban.startsAt)}起）。
        </Notice>
      ) : null}
      {owed.length > 0 ? (
        <Notice tone="warning">请按期退回下列款项，并将汇款凭证号告知区民政局，款项到账后由工作人员登记。</Notice>
      ) : null}
      {project.status !== "TERMINATED" && project.status !== "WITHDRAWN" ? (
        <ClosingChecklist items={closing.checklist.items} />
      ) : null}
      <ClosingMoney
        awardFen={project.awardFen}
        paidFen={closing.facts.paidFen}
        spentFen={closing.facts.spentFen}
        leftoverFen={closing.leftoverFen}
      />
      <SectionCard id="refunds" title="应退款项">
        <RefundsTable refunds={refunds} />
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
