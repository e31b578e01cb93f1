import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { ReplaceReviewerSchema } from "~/modules/grants/review/panel";
import { useAssignmentReply } from "./use-assignment-reply";

export type ReviewerOption = { value: string; label: string };

/** 更换评审专家: an open task goes to another reviewer, with a reason. */
export function ReplaceForm({
  assignmentId,
  reviewerName,
  options,
}: {
  assignmentId: string;
  reviewerName: string;
  options: ReviewerOption[];
}) {
  const reply = useAssignmentReply("replace", assignmentId);
  const [form, fields] = useConformForm({ id: `replace-${assignmentId}`, schema: ReplaceReviewerSchema, reply });
  const busy = useIsPending();
  return (
    <details className="rounded-md border border-gray-200 p-3" open={!!reply}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">更换评审专家</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3" aria-label={`更换 ${reviewerName}`}>
        <input type="hidden" name="intent" value="replace" />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <SelectField
          meta={fields.reviewerId}
          label="替换为"
          options={options}
          hint={options.length ? undefined : "没有可指派的专家（已排除有利益关联和已在本项目的专家）"}
        />
        <TextareaField meta={fields.reason} label="更换理由" rows={2} />
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.assignmentId.errors ?? [])]} />
        <button type="submit" className="btn-primary" disabled={busy}>
          确认更换
        </button>
      </Form>
    </details>
  );
}
