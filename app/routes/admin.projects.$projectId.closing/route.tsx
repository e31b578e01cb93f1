import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmGate } from "~/components/confirm";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { requireStaffProject } from "~/modules/funding/access.server";
import { activeGrantBan } from "~/modules/funding/bans.server";
import {
  ClawbackSchema,
  CloseSchema,
  dueDateOf,
  LeftoverSchema,
  ReceiptSchema,
  TerminateSchema,
} from "~/modules/funding/closing-forms";
import { ClosedRecordCard, ClosingChecklist, ClosingMoney, RefundsTable } from "~/modules/funding/closing-view";
import { closeProject, loadClosing, loadClosingRecord } from "~/modules/funding/closing.server";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "~/modules/funding/project-workflow";
import { clawbackRoomFen, mayClawBackAfterEnd, REFUND_KIND_LABELS } from "~/modules/funding/refunds";
import { loadRefunds, recordRefundReceipt, settleLeftover } from "~/modules/funding/refunds.server";
import { claimBackAfterEnd, terminateByStaff } from "~/modules/funding/termination.server";
import { dispatchIntent, handler } from "~/utils/action.server";
import { parseDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate, yuanToFen } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import {
  CLAWBACK_CONFIRM,
  ClawbackForm,
  CLOSE_CONFIRM,
  CloseForm,
  LeftoverForm,
  ReceiptForm,
  TERMINATE_CONFIRM,
  TerminateForm,
} from "./forms";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  const [closing, refunds, record, ban] = await Promise.all([
    loadClosing(project.id),
    loadRefunds(prisma, project.id),
    loadClosingRecord(project.id),
    activeGrantBan(prisma, project.organizationId, new Date()),
  ]);
  return { project, closing, refunds, record, ban };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const formData = await readForm(request);
  const back = (done: string) => redirect(`/admin/projects/${project.id}/closing?done=${done}`);
  return dispatchIntent(formData, {
    receipt: handler({
      schema: ReceiptSchema,
      run: (v) =>
        recordRefundReceipt({
          projectId: project.id,
          refundId: v.refundId,
          amountFen: yuanToFen(v.amount)!,
          receivedOn: parseDateInput(v.receivedOn)!,
          voucherNo: v.voucherNo,
          actorId: user.id,
          request,
        }),
      done: ({ settled }) => back(settled ? "settled" : "receipt"),
    }),
    leftover: handler({
      schema: LeftoverSchema,
      run: async (v) =>
        settleLeftover({
          projectId: project.id,
          mode: v.mode,
          amountFen: v.amount ? yuanToFen(v.amount) : null,
          dueAt: dueDateOf(v.dueOn),
          note: v.note ?? null,
          maxFen: (await loadClosing(project.id)).leftoverFen,
          actorId: user.id,
          request,
        }),
      done: () => back("leftover"),
    }),
    close: handler({
      schema: CloseSchema,
      confirm: CLOSE_CONFIRM,
      run: (v) => closeProject({ projectId: project.id, summary: v.summary, actorId: user.id, request }),
      done: () => back("closed"),
    }),
    terminate: handler({
      schema: TerminateSchema,
      confirm: TERMINATE_CONFIRM,
      run: (v) =>
        terminateByStaff({
          projectId: project.id,
          reason: v.reason,
          clawbackFen: yuanToFen(v.clawback) ?? 0,
          dueAt: dueDateOf(v.dueOn),
          actorId: user.id,
          request,
        }),
      done: () => back("terminated"),
    }),
    clawback: handler({
      schema: ClawbackSchema,
      confirm: CLAWBACK_CONFIRM,
      run: (v) =>
        claimBackAfterEnd({
          projectId: project.id,
          reason: v.reason,
          amountFen: yuanToFen(v.amount)!,
          dueAt: dueDateOf(v.dueOn)!,
          actorId: user.id,
          request,
        }),
      done: () => back("clawback"),
    }),
  });
}

const DONE: Record<string, string> = {
  receipt: "已登记收款。",
  settled: "已登记收款，该笔款项已全部结清。",
  leftover: "已保存结余资金的处理。",
  closed: "项目已结项，记录已冻结。",
  terminated: "项目已终止，已通知该机构。",
  clawback: "已要求该机构退回已拨付资金，已通知该机构。",
};

export default function StaffProjectClosing() {
  const { project, closing, refunds, record, ban } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const status = project.status as GrantProjectState;
  const active = ACTIVE_PROJECT_STATES.includes(status);
  const hasLeftoverRefund = refunds.some((r) => r.kind === "LEFTOVER");
  const clawbackRoom = clawbackRoomFen(closing.facts.paidFen, refunds);
  return (
    <ConfirmGate reply={useActionData<typeof action>()}>
      <div className="space-y-4">
        {done ? <Notice>{done}</Notice> : null}
        {status === "CLOSED" ? (
          <ClosedRecordCard record={record} certificateHref={`/admin/projects/${project.id}/certificate`} />
        ) : null}
        {status === "TERMINATED" ? (
          <Notice tone="warning">
            项目已终止：{record.endedReason}
            {ban ? `。该机构${formatDate(ban.endsAt)}前不得申报公益创投项目。` : ""}
          </Notice>
        ) : null}
        {status !== "TERMINATED" && status !== "WITHDRAWN" ? (
          <ClosingChecklist items={closing.checklist.items} />
        ) : null}
        <ClosingMoney
          awardFen={project.awardFen}
          paidFen={closing.facts.paidFen}
          spentFen={closing.facts.spentFen}
          leftoverFen={closing.leftoverFen}
        />
        <SectionCard id="refunds" title="应退款项" className="space-y-4">
          <RefundsTable refunds={refunds} />
          {refunds
            .filter((r) => r.status === "OUTSTANDING" && (r.kind === "CLAWBACK" || status !== "CLOSED"))
            .map((r) => (
              <ReceiptForm key={r.id} refundId={r.id} label={REFUND_KIND_LABELS[r.kind] ?? r.kind} />
            ))}
        </SectionCard>
        {mayClawBackAfterEnd(status) ? (
          <SectionCard id="clawback" title="追回已拨付资金">
            <p className="mb-3 text-sm text-gray-700">
              项目终止后，可根据评估结果或核查情况追回已拨付的资金；机构退回后在上方“应退款项”登记收款。
            </p>
            {clawbackRoom > 0 ? (
              <ClawbackForm roomFen={clawbackRoom} paidFen={closing.facts.paidFen} />
            ) : (
              <p className="text-sm" data-testid="clawback-none">
                {closing.facts.paidFen === 0
                  ? "项目未拨付资金，无可追回的金额。"
                  : "已拨付资金已全部要求退回，无可追回的金额。"}
              </p>
            )}
          </SectionCard>
        ) : null}
        {status === "IN_DELIVERY" && closing.leftoverFen > 0 && !hasLeftoverRefund ? (
          <SectionCard id="leftover" title="结余资金">
            {record.leftoverNote ? <p className="mb-3 text-sm">已说明：{record.leftoverNote}</p> : null}
            <LeftoverForm leftoverFen={closing.leftoverFen} />
          </SectionCard>
        ) : null}
        {status === "IN_DELIVERY" ? (
          <SectionCard id="close" title="结项">
            <CloseForm ready={closing.checklist.ready} />
          </SectionCard>
        ) : null}
        {active ? (
          <SectionCard id="terminate" title="终止项目">
            <p className="mb-3 text-sm text-gray-700">
              项目严重违反协议（如挪用资金、无法继续执行）时终止。中期评估不合格的终止请在“评估”栏目作出决定。
            </p>
            <TerminateForm paidFen={closing.facts.paidFen} />
          </SectionCard>
        ) : null}
      </div>
    </ConfirmGate>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
