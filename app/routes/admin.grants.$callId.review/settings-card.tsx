import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { AGGREGATION_LABELS, ReviewSettingsSchema } from "~/modules/grants/review/panel";
import type { action, loader } from "./route";

/** 评审设置: how many reviewers, blind or not, how scores are combined. */
export function SettingsCard() {
  const { call, totals } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const open = call.reviewStage === "OPEN";
  const locked = totals.submitted > 0;
  const [form, fields] = useConformForm({
    id: "review-settings",
    intent: "settings",
    schema: ReviewSettingsSchema,
    reply,
    defaultValue: {
      reviewersPerApplication: String(call.reviewersPerApplication),
      blindReview: call.blindReview ? "on" : undefined,
      aggregation: call.aggregation,
      zScoreNormalize: call.zScoreNormalize ? "on" : undefined,
      disagreementThreshold: String(call.disagreementThreshold),
    },
  });
  const busy = useIsPending();
  const saved =
    // A success carries no form result, only what to show.
    reply && !("result" in reply) && reply.intent === "settings" ? reply.message : null;
  return (
    <section className="card space-y-3" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="text-base font-semibold text-gray-900">
        评审设置
      </h2>
      {saved ? <Notice>{saved}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="settings" />
        <Field
          meta={fields.reviewersPerApplication}
          label="每项申报的评审专家人数"
          type="number"
          inputMode="numeric"
          hint={locked ? "已有专家提交评分，人数不能再修改" : "1–9 人"}
        />
        <Field
          meta={fields.disagreementThreshold}
          label="分歧阈值（0–100 分）"
          type="number"
          inputMode="numeric"
          hint="专家总分极差超过该值时标记「分歧较大」"
        />
        <div>
          <label htmlFor={fields.aggregation.id} className="mb-1 block text-sm font-medium text-gray-700">
            汇总方式
          </label>
          <select {...getSelectProps(fields.aggregation)} key={fields.aggregation.key} className="input">
            {Object.entries(AGGREGATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <ErrorList id={fields.aggregation.errorId} errors={fields.aggregation.errors} />
        </div>
        <div className="space-y-2 pt-6 text-sm">
          <div>
            <label className="flex items-center gap-2">
              <input
                {...getInputProps(fields.blindReview, { type: "checkbox" })}
                key={fields.blindReview.key}
                className="h-4 w-4"
              />
              匿名评审（专家看不到申报机构名称）
            </label>
            <ErrorList id={fields.blindReview.errorId} errors={fields.blindReview.errors} />
          </div>
          <div>
            <label className="flex items-center gap-2">
              <input
                {...getInputProps(fields.zScoreNormalize, { type: "checkbox" })}
                key={fields.zScoreNormalize.key}
                className="h-4 w-4"
              />
              按专家标准化（消除个人打分松紧）
            </label>
            <ErrorList id={fields.zScoreNormalize.errorId} errors={fields.zScoreNormalize.errors} />
          </div>
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={!open || busy}>
            保存评审设置
          </button>
          {!open ? <p className="mt-1 text-xs text-gray-500">专家评审环节已结束，设置不能再修改。</p> : null}
        </div>
      </Form>
    </section>
  );
}
