// The staff's forms on one evaluation: veto, return, publish / missing report, the
// 不合格 decision and the answer to an objection. Each names its evaluation in a hidden field.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import {
  DecideSchema,
  ObjectionDecisionSchema,
  ReturnSchema,
  StepSchema,
  VetoSchema,
} from "~/modules/evaluation/staff-forms";
import { FAIL_DECISION_LABELS, FAIL_DECISIONS } from "~/modules/evaluation/workflow";
import type { action } from "./route";

export function StepButton({
  evaluationId,
  intent,
  label,
}: {
  evaluationId: string;
  intent: "publish" | "missing";
  label: string;
}) {
  const reply = useActionData<typeof action>();
  const [form] = useConformForm({ id: `${intent}-${evaluationId}`, schema: StepSchema, reply, intent });
  const busy = useIsPending({ intent });
  return (
    <Form method="post" {...getFormProps(form)} className="inline-block">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {label}
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

export function ReasonForm({ evaluationId, intent }: { evaluationId: string; intent: "veto" | "return" }) {
  const reply = useActionData<typeof action>();
  const [form, fields] = useConformForm({
    id: `${intent}-${evaluationId}`,
    schema: intent === "veto" ? VetoSchema : ReturnSchema,
    reply,
    intent,
  });
  const busy = useIsPending({ intent });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <TextareaField
        meta={fields.reason}
        label={intent === "veto" ? "一票否决：挪用、侵占项目资金的事实" : "退回自评的理由"}
        rows={2}
      />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className={intent === "veto" ? "btn-danger" : "btn-secondary"} disabled={busy}>
        {intent === "veto" ? "记录一票否决（得分为 0）" : "退回自评"}
      </button>
    </Form>
  );
}

export function DecideForm({ evaluationId }: { evaluationId: string }) {
  const reply = useActionData<typeof action>();
  const [form, fields] = useConformForm({
    id: `decide-${evaluationId}`,
    schema: DecideSchema,
    reply,
    intent: "decide",
  });
  const busy = useIsPending({ intent: "decide" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2" aria-label="不合格处理决定">
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <SelectField
        meta={fields.decision}
        label="处理方式"
        options={FAIL_DECISIONS.map((d) => ({ value: d, label: FAIL_DECISION_LABELS[d] }))}
      />
      <TextareaField meta={fields.reason} label="决定理由" rows={2} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field meta={fields.rectifyDueAt} label="整改期限（整改时必填）" type="date" />
        <Field meta={fields.clawbackYuan} label="终止时追回金额（元）" inputMode="decimal" />
        <Field meta={fields.clawbackDueAt} label="追回期限" type="date" />
      </div>
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        作出处理决定
      </button>
    </Form>
  );
}

export function ObjectionForm({ objectionId }: { objectionId: string }) {
  const reply = useActionData<typeof action>();
  const [form, fields] = useConformForm({
    id: `objection-${objectionId}`,
    schema: ObjectionDecisionSchema,
    reply,
    intent: "objection",
  });
  const busy = useIsPending({ intent: "objection" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2" aria-label="处理异议">
      <input type="hidden" name="intent" value="objection" />
      <input type="hidden" name="objectionId" value={objectionId} />
      <SelectField
        meta={fields.outcome}
        label="处理结果"
        options={[
          { value: "DISMISSED", label: "异议不成立，维持评估结果" },
          { value: "UPHELD", label: "异议成立，撤回公示重新评定" },
        ]}
      />
      <TextareaField meta={fields.reply} label="答复意见（异议人可见）" rows={2} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        提交处理结果
      </button>
    </Form>
  );
}
