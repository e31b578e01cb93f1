import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { RecuseSchema } from "~/modules/review/rubric";
import type { action } from "./route";

/** 申请回避: the reviewer steps back from the task with a reason. */
export function RecuseForm() {
  const [form, fields] = useConformForm({ id: "recuse", schema: RecuseSchema, reply: useActionData<typeof action>() });
  const busy = useIsPending({ intent: "recuse" });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3" aria-labelledby="recuse-heading">
      <h2 id="recuse-heading" className="font-medium">
        申请回避
      </h2>
      <p className="text-xs text-gray-500">
        如与申报机构或项目存在利益关系，请说明理由并申请回避；回避后本任务将由工作人员另行补派。
      </p>
      <input type="hidden" name="intent" value="recuse" />
      <TextareaField meta={fields.recuseReason} label="回避理由" rows={3} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        确认回避
      </button>
    </Form>
  );
}
