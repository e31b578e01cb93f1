import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { AddReviewerSchema } from "~/modules/grants/review/panel";
import type { ReviewerOption } from "./replace-form";
import type { action } from "./route";

/** 补派评审专家: one more reviewer while the application has fewer than k. */
export function AddForm({ options, missing }: { options: ReviewerOption[]; missing: number }) {
  const [form, fields] = useConformForm({
    id: "add-reviewer",
    intent: "add",
    schema: AddReviewerSchema,
    reply: useActionData<typeof action>(),
  });
  const busy = useIsPending();
  return (
    <section className="card space-y-3" aria-labelledby="add-reviewer-heading">
      <h2 id="add-reviewer-heading" className="text-base font-semibold text-gray-900">
        补派评审专家
      </h2>
      <p className="text-sm text-red-700">本项目还差 {missing} 位评审专家。</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="add" />
        <SelectField
          meta={fields.reviewerId}
          label="补派专家"
          options={options}
          hint={options.length ? undefined : "没有可指派的专家（已排除有利益关联和已在本项目的专家）"}
        />
        <TextareaField meta={fields.reason} label="补派理由" rows={2} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={busy}>
          补派评审专家
        </button>
      </Form>
    </section>
  );
}
