// Staff's forms on one tranche (record the payment; withhold / resume / stop with a
// reason) and the by-hand gate record. The server re-checks everything they check.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { RecordGateSchema, RecordPaymentSchema, TrancheMoveSchema } from "~/modules/funding/tranche-rules";
import { TrancheStatusBadge } from "~/modules/funding/tranche-view";
import { toDateInput } from "~/utils/dates";
import { formatFen } from "~/utils/format";
import type { action, loader } from "./route";

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];
type Reply = ReturnType<typeof useActionData<typeof action>>;

/** The reply only for the form of the tranche (or gate) that sent it: several forms share an intent. */
function replyOf(reply: Reply, key: "trancheId" | "trigger", value: string) {
  if (!reply || !("result" in reply)) return undefined;
  const sent = reply.result.initialValue as Record<string, unknown> | null | undefined;
  return sent?.[key] === value ? reply : undefined;
}

export function TrancheActions({ row, lastAccount }: { row: Row; lastAccount: string }) {
  const { now } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const mine = replyOf(reply, "trancheId", row.id);
  const paying = useIsPending({ intent: "pay" });
  const moving = useIsPending({ intent: "move" });
  const [payForm, pay] = useConformForm({
    id: `pay-${row.id}`,
    schema: RecordPaymentSchema,
    reply: mine,
    intent: "pay",
    defaultValue: { paidOn: toDateInput(new Date(now)), receivingAccount: lastAccount },
  });
  const [moveForm, move] = useConformForm({
    id: `move-${row.id}`,
    schema: TrancheMoveSchema,
    reply: mine,
    intent: "move",
  });
  const title = `第 ${row.position} 笔 · ${formatFen(row.amountFen)}`;
  return (
    <SectionCard id={`tranche-${row.position}`} title={title} className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm text-gray-700">
        <TrancheStatusBadge status={row.status} />
        <span>拨付条件：{row.triggerLabel}</span>
      </p>
      {row.paymentProblem ? (
        <Notice tone="warning" testId={`tranche-${row.position}-problem`}>
          暂不能登记拨付：{row.paymentProblem}
        </Notice>
      ) : (
        <Form method="post" {...getFormProps(payForm)} className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="intent" value="pay" />
          <input type="hidden" name="trancheId" value={row.id} />
          <Field meta={pay.paidOn} label="拨付日期" type="date" />
          <Field meta={pay.voucherNo} label="凭证号" autoComplete="off" />
          <Field meta={pay.receivingAccount} label="收款账户" hint="开户行及账号" autoComplete="off" />
          <div className="space-y-2 sm:col-span-3">
            <FormErrors id={payForm.errorId} errors={payForm.errors} />
            <ConfirmButton
              intent="pay"
              label="登记拨付"
              message={`将登记第 ${row.position} 笔 ${formatFen(row.amountFen)} 已拨付，并通知申报机构。登记后不能撤回。`}
              schema={RecordPaymentSchema}
              disabled={paying}
            >
              登记拨付
            </ConfirmButton>
          </div>
        </Form>
      )}
      {row.moves.length > 0 ? (
        <Form method="post" {...getFormProps(moveForm)} className="space-y-2 border-t border-gray-100 pt-4">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="trancheId" value={row.id} />
          <TextareaField
            meta={move.reason}
            label="暂缓、恢复或停止拨付的理由"
            rows={2}
            hint="申报机构会看到这条理由。停止拨付后该笔款项不再拨付，回到资金池。"
          />
          <FormErrors id={move.to.errorId} errors={move.to.errors} />
          <FormErrors id={moveForm.errorId} errors={moveForm.errors} />
          <div className="flex flex-wrap gap-3">
            {row.moves.map((m) => (
              <ConfirmButton
                key={m.to}
                intent="move"
                name="to"
                value={m.to}
                label={m.label}
                message={`第 ${row.position} 笔 ${formatFen(row.amountFen)}将${m.label}，并通知申报机构。`}
                className={m.to === "STOPPED" ? "btn-danger" : "btn-secondary"}
                schema={TrancheMoveSchema}
                disabled={moving}
              >
                {m.label}
              </ConfirmButton>
            ))}
          </div>
        </Form>
      ) : null}
    </SectionCard>
  );
}

export function GateForm({ trigger, label }: { trigger: string; label: string }) {
  const { now } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const pending = useIsPending({ intent: "gate" });
  const [form, fields] = useConformForm({
    id: `gate-${trigger}`,
    schema: RecordGateSchema,
    reply: replyOf(reply, "trigger", trigger),
    intent: "gate",
    defaultValue: { metOn: toDateInput(new Date(now)) },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2 rounded-md border border-gray-200 p-3">
      <input type="hidden" name="intent" value="gate" />
      <input type="hidden" name="trigger" value={trigger} />
      <p className="text-sm font-medium text-gray-900">「{label}」</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field meta={fields.metOn} label="达成日期" type="date" />
        <TextareaField meta={fields.reason} label="理由" rows={2} className="sm:col-span-2" />
      </div>
      <FormErrors id={form.errorId} errors={form.errors} />
      <ConfirmButton
        intent="gate"
        label="登记条件达成"
        message={`「${label}」将登记为已达成，相应款项转为待拨付（15 个工作日内拨付）。`}
        schema={RecordGateSchema}
        className="btn-secondary"
        disabled={pending}
      >
        登记条件达成
      </ConfirmButton>
    </Form>
  );
}
