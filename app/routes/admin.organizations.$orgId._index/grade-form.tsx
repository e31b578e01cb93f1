import { getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { GradeSchema } from "~/modules/registry/forms";
import { GRADES, gradeLabel } from "~/modules/registry/grade";
import type { loader } from "./route";
import { DoneNotice, useOrgForm } from "./use-org-form";

/** Records an announced rating grade. */
export function GradeForm() {
  const { today } = useLoaderData<typeof loader>();
  const [form, fields] = useOrgForm("org-grade", "grade", GradeSchema, { announcedAt: today });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 border-t border-gray-100 pt-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="grade" />
      <h3 className="text-sm font-semibold text-gray-900 md:col-span-2">记录评估等级</h3>
      <SelectField
        meta={fields.grade}
        label="评估等级"
        options={GRADES.map((g) => ({ value: String(g), label: gradeLabel(g) }))}
      />
      <Field
        meta={fields.announcedAt}
        label="公告日期"
        type="date"
        hint="有效期自公告次年 1 月 1 日起至第 5 年 12 月 31 日。"
      />
      <Field meta={fields.note} label="备注（可选）" className="md:col-span-2" />
      <div className="space-y-2 md:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <DoneNotice intent="grade" />
        <button type="submit" className="btn-primary" disabled={useIsPending({ intent: "grade" })}>
          记录等级
        </button>
      </div>
    </Form>
  );
}
