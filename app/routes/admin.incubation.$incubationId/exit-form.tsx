import { getCollectionProps, getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { ExitSchema } from "~/modules/incubation/forms";
import { EXIT_RESULT_LABELS, EXIT_RESULTS, type ExitResult } from "~/modules/incubation/labels";
import { formatDate } from "~/utils/format";
import type { loader } from "./route";
import { useIntentForm } from "./use-intent-form";

/** 期满评审: 出壳, 续驻 (with a new end date) or 退驻. */
const EXIT_HINTS: Record<ExitResult, string> = {
  GRADUATED: "已具备独立运营能力，离开孵化基地",
  EXTENDED: "继续在孵，延长孵化期",
  EXITED: "不再适合在孵，须限期交还场地",
};

export function ExitForm() {
  const { incubation, termEnded, extensionDefault, termMonths } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm("exit", ExitSchema, { newTermEnd: extensionDefault });
  const busy = useIsPending({ intent: "exit" });
  return (
    <section className="card" aria-labelledby="exit-heading">
      <h2 id="exit-heading" className="mb-1 text-base font-semibold text-gray-900">
        期满评审
      </h2>
      <p className="mb-3 text-sm text-gray-600">
        孵化期至 {formatDate(incubation.termEnd)}
        {termEnded ? "，已届满。" : "，尚未届满；如提前出壳或退驻，请在评审意见中说明原因。"}
      </p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="intent" value="exit" />
        <fieldset aria-describedby={fields.result.errors?.length ? fields.result.errorId : undefined}>
          <legend className="mb-1 block text-sm font-medium text-gray-700 after:ml-0.5 after:text-red-600 after:content-['*']">
            评审结果
          </legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {getCollectionProps(fields.result, { type: "radio", options: [...EXIT_RESULTS] }).map(
              ({ key, ...props }) => (
                <label key={key} className="inline-flex items-center gap-2 text-sm text-gray-800">
                  <input {...props} className="h-4 w-4 border-gray-300 text-brand-600" />
                  {EXIT_RESULT_LABELS[props.value as ExitResult]}
                  <span className="text-xs text-gray-500">{EXIT_HINTS[props.value as ExitResult]}</span>
                </label>
              ),
            )}
          </div>
          <ErrorList id={fields.result.errorId} errors={fields.result.errors} />
        </fieldset>
        <TextareaField meta={fields.note} label="评审意见" rows={3} hint="必填，将告知该社会组织。" />
        <Field
          meta={fields.newTermEnd}
          label="续驻至"
          type="date"
          hint={`仅续驻时填写；默认为当前结束日期后 ${termMonths} 个月。`}
          className="max-w-xs"
        />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={busy}>
          提交期满评审
        </button>
      </Form>
    </section>
  );
}
