import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SectionCard } from "~/components/section-card";
import { requireMemberProject } from "~/modules/funding/access.server";
import { projectTranches } from "~/modules/funding/tranche-reads.server";
import { TrancheTable } from "~/modules/funding/tranche-view";
import { formatFen } from "~/utils/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  const { rows, totals } = await projectTranches(project, new Date());
  // The organization reads its tranches; staff's moves and refusals stay on the staff side.
  return {
    totals,
    rows: rows.map(({ moves: _moves, paymentProblem: _problem, canRecordGate: _gate, ...row }) => row),
  };
}

export default function OrgProjectTranches() {
  const { rows, totals } = useLoaderData<typeof loader>();
  return (
    <SectionCard id="tranches" title="拨付">
      <p className="mb-3 text-sm text-gray-600">
        资助款按协议约定的条件分笔拨付：协议签订后 15 个工作日内拨付首笔，中期、终期评估合格后拨付后续款项。
      </p>
      <DescriptionList className="mb-4">
        <DescriptionItem label="资助金额">{formatFen(totals.award)}</DescriptionItem>
        <DescriptionItem label="已拨付">{formatFen(totals.paid)}</DescriptionItem>
        <DescriptionItem label="待拨付">{formatFen(totals.toPay)}</DescriptionItem>
        <DescriptionItem label="停止拨付">{formatFen(totals.stopped)}</DescriptionItem>
      </DescriptionList>
      <TrancheTable rows={rows} />
    </SectionCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
