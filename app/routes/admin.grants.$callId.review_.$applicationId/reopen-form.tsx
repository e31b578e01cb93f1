import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { ReopenReviewSchema } from "~/modules/grants/review/panel";
import { useAssignmentReply } from "./use-assignment-reply";

/** 重新开放评分: a submitted review goes back to its reviewer as a draft, with a reason they see. */
export function ReopenForm({ assignmentId, reviewerName }: { assignmentId: string; reviewerName: string }) {
  const reply = useAssignmentReply("reopen", assignmentId);
  const [form, fields] = useConformForm({ id: `reopen-${assignmentId}`, schema: ReopenReviewSchema, reply });
  const busy = useIsPending();
  return (
    <details className="rounded-md border border-gray-200 p-3" open={!!reply}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">重新开放评分</summary>
      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-3 space-y-3"
        aria-label={`重新开放 ${reviewerName} 的评分`}
      >
        <input type="hidden" name="intent" value="reopen" />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <TextareaField meta={fields.reason} label="重新开放理由" rows={2} hint="专家可见；专家修改后需重新提交" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={busy}>
          确认重新开放
        </button>
      </Form>
    </details>
  );
}
