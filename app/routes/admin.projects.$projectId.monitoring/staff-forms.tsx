// Staff's monitoring forms: plan a visit, record one (a planned one or a new one),
// cancel a planned one, close one, ask again. Several cards carry the same form, so
// each takes the action's reply only when it answers its own visit.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { replyFor, useConformForm, useIsPending } from "~/components/use-form";
import {
  CANCEL_VISIT,
  CancelVisitSchema,
  CLOSE_VISIT,
  CloseVisitSchema,
  PLAN_VISIT,
  PlanVisitSchema,
  RECORD_VISIT,
  RecordVisitSchema,
  REOPEN_VISIT,
  ReopenVisitSchema,
} from "~/modules/funding/monitoring-forms";
import { toDateInput } from "~/utils/dates";
import type { action } from "./route";

/** The reply for this visit's form (the new-visit forms have no visit id). */
function useVisitReply(intent: string, visitId: string | null) {
  const result = replyFor(useActionData<typeof action>(), intent);
  const sentFor = (result?.initialValue?.visitId as string | undefined) || null;
  return sentFor === visitId ? result : undefined;
}

export function PlanVisitForm() {
  const reply = useVisitReply(PLAN_VISIT, null);
  const [form, fields] = useConformForm({ id: PLAN_VISIT, schema: PlanVisitSchema, reply });
  const busy = useIsPending({ intent: PLAN_VISIT });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="安排督导走访">
      <input type="hidden" name="intent" value={PLAN_VISIT} />
      <Field meta={fields.visitedOn} label="计划走访日期" type="date" className="max-w-xs" />
      <TextareaField meta={fields.purpose} label="督导重点" rows={2} hint="将随走访安排一并告知机构。" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        安排督导
      </button>
    </Form>
  );
}

/** Recording results: of the planned visit `visitId`, or of a visit nobody planned. */
export function RecordVisitForm({ visitId, plannedOn }: { visitId: string | null; plannedOn?: Date | string }) {
  const reply = useVisitReply(RECORD_VISIT, visitId);
  const [form, fields] = useConformForm({
    id: visitId ? `${RECORD_VISIT}-${visitId}` : RECORD_VISIT,
    intent: RECORD_VISIT,
    schema: RecordVisitSchema,
    reply,
    defaultValue: { visitedOn: plannedOn ? toDateInput(new Date(plannedOn)) : "" },
  });
  const busy = useIsPending({ intent: RECORD_VISIT });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="记录督导结果">
      <input type="hidden" name="intent" value={RECORD_VISIT} />
      {visitId ? <input type="hidden" name="visitId" value={visitId} /> : null}
      <Field meta={fields.visitedOn} label="走访日期" type="date" className="max-w-xs" />
      <TextareaField meta={fields.findings} label="督导发现" rows={4} />
      <TextareaField meta={fields.requestedActions} label="整改要求" rows={3} hint="机构须在回复期限前逐项回复。" />
      <Field meta={fields.replyDueOn} label="回复期限" type="date" className="max-w-xs" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        记录督导结果
      </button>
    </Form>
  );
}

export function CancelVisitForm({ visitId }: { visitId: string }) {
  const reply = useVisitReply(CANCEL_VISIT, visitId);
  const [form, fields] = useConformForm({
    id: `${CANCEL_VISIT}-${visitId}`,
    intent: CANCEL_VISIT,
    schema: CancelVisitSchema,
    reply,
  });
  const busy = useIsPending({ intent: CANCEL_VISIT });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="取消督导">
      <input type="hidden" name="intent" value={CANCEL_VISIT} />
      <input type="hidden" name="visitId" value={visitId} />
      <Field meta={fields.reason} label="取消理由" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        取消督导
      </button>
    </Form>
  );
}

/** Close (a note is needed when the organization has not replied). */
export function CloseVisitForm({ visitId, replied }: { visitId: string; replied: boolean }) {
  const reply = useVisitReply(CLOSE_VISIT, visitId);
  const [form, fields] = useConformForm({
    id: `${CLOSE_VISIT}-${visitId}`,
    intent: CLOSE_VISIT,
    schema: CloseVisitSchema,
    reply,
  });
  const busy = useIsPending({ intent: CLOSE_VISIT });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="关闭督导">
      <input type="hidden" name="intent" value={CLOSE_VISIT} />
      <input type="hidden" name="visitId" value={visitId} />
      <Field
        meta={fields.note}
        label={replied ? "关闭说明（可选）" : "关闭理由"}
        hint={replied ? undefined : "机构尚未回复，关闭前须说明理由。"}
      />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        关闭督导
      </button>
    </Form>
  );
}

export function ReopenVisitForm({ visitId }: { visitId: string }) {
  const reply = useVisitReply(REOPEN_VISIT, visitId);
  const [form, fields] = useConformForm({
    id: `${REOPEN_VISIT}-${visitId}`,
    intent: REOPEN_VISIT,
    schema: ReopenVisitSchema,
    reply,
  });
  const busy = useIsPending({ intent: REOPEN_VISIT });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="要求补充回复">
      <input type="hidden" name="intent" value={REOPEN_VISIT} />
      <input type="hidden" name="visitId" value={visitId} />
      <TextareaField meta={fields.reason} label="补充要求" rows={2} />
      <Field meta={fields.replyDueOn} label="新的回复期限" type="date" className="max-w-xs" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        要求补充回复
      </button>
    </Form>
  );
}
