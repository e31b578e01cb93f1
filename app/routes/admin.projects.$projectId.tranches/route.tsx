import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmGate } from "~/components/confirm";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { requireStaffProject } from "~/modules/funding/access.server";
import { recordGateByHand, moveTranche, recordPayment } from "~/modules/funding/tranche-payments.server";
import { projectTranches } from "~/modules/funding/tranche-reads.server";
import { RecordGateSchema, RecordPaymentSchema, TrancheMoveSchema } from "~/modules/funding/tranche-rules";
import { TrancheTable } from "~/modules/funding/tranche-view";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatFen } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { GateForm, TrancheActions } from "./tranche-forms";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  const now = new Date();
  return { projectId: project.id, now, ...(await projectTranches(project, now)) };
}

const DONE: Record<string, string> = {
  pay: "拨付已登记，已通知申报机构。",
  WITHHELD: "已暂缓拨付。",
  PAYABLE: "已恢复拨付。",
  STOPPED: "已停止拨付。",
  gate: "拨付条件已登记为达成，相应款项转为待拨付。",
};

const MOVE_LABELS = { WITHHELD: "暂缓拨付", PAYABLE: "恢复拨付", STOPPED: "停止拨付" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const back = (done: string) => redirect(`/admin/projects/${project.id}/tranches?done=${done}`);
  return dispatchIntent(await readForm(request), {
    pay: handler({
      schema: RecordPaymentSchema,
      confirm: { label: "登记拨付", message: "将登记该笔款项已拨付，并通知申报机构。登记后不能撤回。" },
      run: (v) => recordPayment({ projectId: project.id, ...v, actor: user, request }),
      done: () => back("pay"),
    }),
    move: handler({
      schema: TrancheMoveSchema,
      confirm: (v) => ({ label: MOVE_LABELS[v.to], message: `该笔款项将${MOVE_LABELS[v.to]}，并通知申报机构。` }),
      run: (v) => moveTranche({ projectId: project.id, ...v, actor: user, request }),
      done: (_, v) => back(v.to),
    }),
    gate: handler({
      schema: RecordGateSchema,
      confirm: { label: "登记条件达成", message: "该拨付条件将登记为已达成，相应款项转为待拨付。" },
      run: (v) => recordGateByHand({ projectId: project.id, ...v, actor: user, request }),
      done: () => back("gate"),
    }),
  });
}

export default function StaffProjectTranches() {
  const { rows, totals, gates, lastAccount } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = DONE[searchParams.get("done") ?? ""];
  const actionable = rows.filter((r) => r.status !== "PAID" && r.status !== "STOPPED");
  return (
    <ConfirmGate reply={useActionData<typeof action>()}>
      <div className="space-y-4">
        {done ? <Notice>{done}</Notice> : null}
        <SectionCard id="tranches" title="拨付">
          <DescriptionList className="mb-4">
            <DescriptionItem label="资助金额">{formatFen(totals.award)}</DescriptionItem>
            <DescriptionItem label="已拨付">{formatFen(totals.paid)}</DescriptionItem>
            <DescriptionItem label="待拨付">{formatFen(totals.toPay)}</DescriptionItem>
            <DescriptionItem label="停止拨付">{formatFen(totals.stopped)}</DescriptionItem>
          </DescriptionList>
          <TrancheTable rows={rows} />
        </SectionCard>
        {actionable.map((row) => (
          <TrancheActions key={row.id} row={row} lastAccount={lastAccount} />
        ))}
        {gates.length > 0 ? (
          <SectionCard id="gates" title="人工登记拨付条件">
            <p className="mb-3 text-sm text-gray-600">
              中期、终期评估结果由评估模块自动登记。评估模块尚未登记时，可在此登记条件已达成，必须写明理由（记入操作日志）。
            </p>
            <div className="space-y-4">
              {gates.map((g) => (
                <GateForm key={g.trigger} trigger={g.trigger} label={g.label} />
              ))}
            </div>
          </SectionCard>
        ) : null}
      </div>
    </ConfirmGate>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
