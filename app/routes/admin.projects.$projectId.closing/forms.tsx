// The staff forms of a project's 结项 tab. Each form posts its own intent.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import {
  ClawbackSchema,
  CloseSchema,
  LeftoverSchema,
  ReceiptSchema,
  TerminateSchema,
} from "~/modules/funding/closing-forms";
import { fenToYuanInput, formatFen } from "~/utils/format";
import type { action } from "./route";

export const CLOSE_CONFIRM = { label: "结项", message: "结项后项目的报告、支出、拨付等记录全部冻结，不能再修改。" };
export const TERMINATE_CONFIRM = {
  label: "终止项目",
  message: "终止后未拨付的资金全部停止拨付，记录追回款项，并暂停该机构申报公益创投项目。此操作不可撤回。",
};

export const CLAWBACK_CONFIRM = {
  label: "追回资金",
  message: "将通知该机构在期限内退回所填金额，并计入资金台账。追回决定不能修改。",
};

export function ReceiptForm({ refundId, label }: { refundId: string; label: string }) {
  const answer = useActionData<typeof action>();
  const mine = answer?.intent === "receipt" && answer.result.initialValue?.refundId === refundId;
  const pending = useIsPending({ intent: "receipt" });
  const [form, fields] = useConformForm({
    id: `receipt-${refundId}`,
    schema: ReceiptSchema,
    reply: mine ? answer : undefined,
    intent: "receipt",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-3" aria-label={`登记收款：${label}`}>
      <input type="hidden" name="intent" value="receipt" />
      <input type="hidden" name="refundId" value={refundId} />
      <Field meta={fields.amount} label="收款金额（元）" inputMode="decimal" hint="可分次登记" />
      <Field meta={fields.receivedOn} label="收款日期" type="date" />
      <Field meta={fields.voucherNo} label="收款凭证号" />
      <div className="sm:col-span-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={pending}>
          登记收款
        </button>
      </div>
    </Form>
  );
}

export function LeftoverForm({ leftoverFen }: { leftoverFen: number }) {
  const pending = useIsPending({ intent: "leftover" });
  const [form, fields] = useConformForm({
    id: "leftover",
    schema: LeftoverSchema,
    reply: useActionData<typeof action>(),
    defaultValue: { mode: "REFUND", amount: fenToYuanInput(leftoverFen) },
  });
  const explain = fields.mode.value === "EXPLAIN";
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2" aria-label="结余资金">
      <input type="hidden" name="intent" value="leftover" />
      <p className="text-sm text-gray-700 sm:col-span-2">
        结余资金 {formatFen(leftoverFen)}：要求机构退回，或记录经认可的去向说明。
      </p>
      <SelectField
        meta={fields.mode}
        label="处理方式"
        options={[
          { value: "REFUND", label: "要求退回结余资金" },
          { value: "EXPLAIN", label: "说明结余资金去向" },
        ]}
      />
      {explain ? (
        <TextareaField meta={fields.note} label="结余资金说明" rows={3} className="sm:col-span-2" />
      ) : (
        <>
          <Field meta={fields.amount} label="应退回金额（元）" inputMode="decimal" />
          <Field meta={fields.dueOn} label="退回期限" type="date" />
        </>
      )}
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={pending}>
          保存
        </button>
      </div>
    </Form>
  );
}

export function CloseForm({ ready }: { ready: boolean }) {
  const pending = useIsPending({ intent: "close" });
  const [form, fields] = useConformForm({ id: "close", schema: CloseSchema, reply: useActionData<typeof action>() });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="结项">
      <input type="hidden" name="intent" value="close" />
      <TextareaField
        meta={fields.summary}
        label="结项总结（向社会公开）"
        rows={5}
        hint="概述项目完成情况、服务成效和经验，不得包含服务对象的个人信息。"
      />
      <FormErrors id={form.errorId} errors={form.errors} />
      <ConfirmButton
        intent="close"
        label={CLOSE_CONFIRM.label}
        message={CLOSE_CONFIRM.message}
        schema={CloseSchema}
        disabled={pending || !ready}
      >
        确认结项
      </ConfirmButton>
      {!ready ? <p className="text-sm text-gray-600">结项条件全部满足后方可结项。</p> : null}
    </Form>
  );
}

export function TerminateForm({ paidFen }: { paidFen: number }) {
  const pending = useIsPending({ intent: "terminate" });
  const [form, fields] = useConformForm({
    id: "terminate",
    schema: TerminateSchema,
    reply: useActionData<typeof action>(),
    defaultValue: { clawback: "0" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2" aria-label="终止项目">
      <input type="hidden" name="intent" value="terminate" />
      <TextareaField meta={fields.reason} label="终止原因" rows={3} className="sm:col-span-2" />
      <Field
        meta={fields.clawback}
        label="追回金额（元）"
        inputMode="decimal"
        hint={`不超过已拨付的 ${formatFen(paidFen)}；不追回填 0`}
      />
      <Field meta={fields.dueOn} label="退回期限" type="date" />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <ConfirmButton
          intent="terminate"
          label={TERMINATE_CONFIRM.label}
          message={TERMINATE_CONFIRM.message}
          schema={TerminateSchema}
          className="btn-danger"
          disabled={pending}
        >
          终止项目
        </ConfirmButton>
      </div>
    </Form>
  );
}

/** Claw paid money back from a project that has ended (at most what was paid and not yet asked back). */
export function ClawbackForm({ roomFen, paidFen }: { roomFen: number; paidFen: number }) {
  const pending = useIsPending({ intent: "clawback" });
  const [form, fields] = useConformForm({
    id: "clawback",
    schema: ClawbackSchema,
    reply: useActionData<typeof action>(),
    intent: "clawback",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2" aria-label="追回已拨付资金">
      <input type="hidden" name="intent" value="clawback" />
      <TextareaField meta={fields.reason} label="追回原因" rows={3} className="sm:col-span-2" />
      <Field
        meta={fields.amount}
        label="追回金额（元）"
        inputMode="decimal"
        hint={
          roomFen === paidFen
            ? `不超过已拨付的 ${formatFen(paidFen)}`
            : `不超过尚可追回的 ${formatFen(roomFen)}（已拨付 ${formatFen(paidFen)}）`
        }
      />
      <Field meta={fields.dueOn} label="退回期限" type="date" />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <ConfirmButton
          intent="clawback"
          label={CLAWBACK_CONFIRM.label}
          message={CLAWBACK_CONFIRM.message}
          schema={ClawbackSchema}
          disabled={pending}
        >
          追回资金
        </ConfirmButton>
      </div>
    </Form>
  );
}
