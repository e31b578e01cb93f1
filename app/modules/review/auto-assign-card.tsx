// 自动分配评估专家 of a panel, for the subject kinds without settings of their own (rating
// applications, funded-project evaluations): tops every eligible subject up to k experts, avoiding
// conflicts of interest and balancing the load (auto-assign.server.ts). The kind brings its words;
// the form checks with the same schema as the kind's action (autoAssignSchema).
import { getCollectionProps, getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { toDateInput } from "~/utils/dates";
import { autoAssignSchema, perSubjectLabel, type AutoAssignWords } from "./auto-assign-form";

/**
 * The page action's answer: a refusal carries conform's result, the automatic assignment's
 * success what it did (auto-assign.server.ts).
 */
type Reply =
  | {
      intent: string;
      result?: SubmissionResult<string[]>;
      outcome?: { added: number; notified: number; unfilled: unknown[] };
    }
  | null
  | undefined;

export function AutoAssignCard({
  words,
  candidates,
  k,
  reviewEndsAt,
  reply,
}: {
  words: AutoAssignWords;
  candidates: { id: string; name: string; load: number }[];
  k: number;
  reviewEndsAt: string | Date;
  reply: Reply;
}) {
  const schema = useMemo(() => autoAssignSchema(words), [words]);
  const [form, fields] = useConformForm({
    id: "auto-assign",
    schema,
    reply,
    defaultValue: {
      reviewerIds: candidates.map((c) => c.id),
      k: String(k),
      dueAt: toDateInput(new Date(reviewEndsAt)),
    },
  });
  const busy = useIsPending();
  const outcome = reply?.intent === "auto-assign" ? reply.outcome : undefined;
  const options = candidates.map((c) => c.id);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return (
    <section className="card space-y-3" aria-labelledby="auto-assign-heading">
      <h2 id="auto-assign-heading" className="text-base font-semibold text-gray-900">
        自动分配评估专家
      </h2>
      <p className="text-sm text-gray-600">{words.intro}</p>
      {outcome ? (
        <Notice testId="auto-assign-result">
          已新增 {outcome.added} 项评估任务，通知 {outcome.notified} 位专家。
          {outcome.unfilled.length
            ? `${outcome.unfilled.length} ${words.counter}${words.noun}未能配满专家。`
            : `所有${words.noun}均已配满专家。`}
        </Notice>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="auto-assign" />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-gray-700">评估专家（{candidates.length} 位在册专家）</legend>
          <div className="grid gap-1 sm:grid-cols-3">
            {getCollectionProps(fields.reviewerIds, { type: "checkbox", options }).map((props) => (
              <label key={props.key} className="flex items-center gap-2 text-sm">
                <input {...props} key={props.key} className="h-4 w-4" />
                {byId.get(props.value)?.name}（已分配 {byId.get(props.value)?.load ?? 0}）
              </label>
            ))}
          </div>
          <ErrorList id={fields.reviewerIds.errorId} errors={fields.reviewerIds.errors} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field meta={fields.k} label={perSubjectLabel(words)} type="number" inputMode="numeric" />
          <Field meta={fields.dueAt} label={words.dueLabel} type="date" />
        </div>
        <FormErrors errors={form.errors} id={form.errorId} />
        <button type="submit" className="btn-primary" disabled={busy}>
          自动分配
        </button>
      </Form>
    </section>
  );
}
