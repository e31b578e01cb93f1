import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ConfirmButton } from "~/components/confirm";
import { useDraftForm } from "~/components/draft-form";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { weightedTotal } from "~/modules/review/aggregation";
import { RECOMMENDATIONS } from "~/modules/review/assignment-workflow";
import { formatScore } from "~/modules/review/reviewer-view";
import {
  buildRubricSchema,
  COMMENT_MIN,
  parseScoreInput,
  RECOMMENDATION_KEYS,
  rubricDefaults,
  SCORE_STEP,
} from "~/modules/review/rubric";
import type { action, loader } from "./route";

/** Submitting locks the score (#19 item 9): the button asks first. */
export const SCORE_SUBMIT_CONFIRM = { label: "提交评分", message: "提交后评分将锁定，不能再修改。" };

/** The scoring form: one field per criterion with the live weighted total, the comment and the recommendation. */
export function RubricForm() {
  const { criteria, assignment } = useLoaderData<typeof loader>();
  const schema = useMemo(() => buildRubricSchema(criteria), [criteria]);
  const [form, fields] = useDraftForm({
    id: "rubric",
    fields: schema,
    schema,
    draftIntent: "draft",
    reply: useActionData<typeof action>(),
    defaultValue: rubricDefaults(criteria, assignment),
  });
  const scoreFields = fields.score.getFieldset();
  const typed = (form.value?.score ?? {}) as Record<string, unknown>;
  const liveScores: Record<string, number> = {};
  for (const c of criteria) {
    const n = parseScoreInput(typed[c.id]);
    // Out-of-range values are refused at the field; the total only counts what would be accepted.
    if (n != null && n >= 0 && n <= c.maxScore) liveScores[c.id] = n;
  }
  const total = weightedTotal(criteria, liveScores);
  // Either rubric button (draft or submit) is in flight; recusing is the other form's.
  const pending = useIsPending();
  const recusing = useIsPending({ intent: "recuse" });
  const busy = pending && !recusing;
  const recommendation = fields.recommendation;

  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4" aria-labelledby="rubric-heading">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="rubric-heading" className="font-medium">
          评分表
        </h2>
        <p className="text-sm" aria-live="polite">
          加权总分{" "}
          <span className="text-lg font-semibold text-brand-700" data-testid="weighted-total">
            {formatScore(total)}
          </span>
          <span className="text-gray-500"> / 100</span>
        </p>
      </div>
      {criteria.map((c) => {
        const meta = scoreFields[c.id]!;
        const props = getInputProps(meta, { type: "number", ariaAttributes: true });
        return (
          <div key={c.id}>
            <label
              htmlFor={meta.id}
              className="mb-1 flex items-baseline justify-between gap-2 text-sm font-medium text-gray-700"
            >
              <span>{c.name}</span>
              <span className="text-xs font-normal text-gray-500">
                满分 {c.maxScore} · 权重 {c.weightPct}%
              </span>
            </label>
            <input
              {...props}
              key={props.key}
              min={0}
              max={c.maxScore}
              step={SCORE_STEP}
              inputMode="decimal"
              className="input"
            />
            {c.description ? <p className="mt-1 text-xs text-gray-500">{c.description}</p> : null}
            <ErrorList id={meta.errorId} errors={meta.errors} />
          </div>
        );
      })}
      <TextareaField meta={fields.comment} label="评审意见" rows={5} hint={`提交时必填，至少 ${COMMENT_MIN} 个字。`} />
      <fieldset
        aria-describedby={recommendation.errors?.length ? recommendation.errorId : undefined}
        aria-invalid={recommendation.errors?.length ? true : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-gray-700">总体推荐</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {RECOMMENDATION_KEYS.map((value) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input
                key={recommendation.key}
                type="radio"
                name={recommendation.name}
                value={value}
                defaultChecked={recommendation.initialValue === value}
              />
              {RECOMMENDATIONS[value]}
            </label>
          ))}
        </div>
        <ErrorList id={recommendation.errorId} errors={recommendation.errors} />
      </fieldset>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="draft" className="btn-secondary" disabled={busy}>
          保存草稿
        </button>
        <ConfirmButton
          intent="rubric"
          {...SCORE_SUBMIT_CONFIRM}
          name="intent"
          value="submit"
          disabled={busy}
          schema={schema}
        >
          提交评分
        </ConfirmButton>
      </div>
      <p className="text-xs text-gray-500">保存草稿只检查已填写的分数；提交后评分将锁定，不能再修改。</p>
    </Form>
  );
}
