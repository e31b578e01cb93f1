// 自动分配评估专家 of a call's evaluation panel: tops every submitted evaluation up to k experts,
// avoiding conflicts of interest and balancing the load (review/'s automatic assignment).
import { getCollectionProps, getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { EvaluationAutoAssignSchema } from "~/modules/evaluation/review/panel";
import { toDateInput } from "~/utils/dates";
import type { action, loader } from "./route";

export function AutoAssignCard() {
  const { round, candidates } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useConformForm({
    id: "auto-assign",
    schema: EvaluationAutoAssignSchema,
    reply,
    intent: "auto-assign",
    defaultValue: {
      reviewerIds: candidates.map((c) => c.id),
      k: String(round.k),
      dueAt: toDateInput(new Date(round.reviewEndsAt)),
    },
  });
  const busy = useIsPending();
  const outcome = reply && "outcome" in reply ? reply.outcome : null;
  const options = candidates.map((c) => c.id);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return (
    <section className="card space-y-3" aria-labelledby="auto-assign-heading">
      <h2 id="auto-assign-heading" className="text-base font-semibold text-gray-900">
        自动分配评估专家
      </h2>
      <p className="text-sm text-gray-600">
        为每项已提交自评的项目评估补足评估专家：自动避开与项目执行机构有关联的专家，各专家任务量尽量均衡。已有的分配保持不变。
      </p>
      {outcome ? (
        <Notice testId="auto-assign-result">
          已新增 {outcome.added} 项评估任务，通知 {outcome.notified} 位专家。
          {outcome.unfilled.length ? `${outcome.unfilled.length} 项评估未能配满专家。` : "所有评估均已配满专家。"}
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
          <Field meta={fields.k} label="每项评估的专家人数" type="number" inputMode="numeric" />
          <Field meta={fields.dueAt} label="专家评分截止日期" type="date" />
        </div>
        <FormErrors errors={form.errors} id={form.errorId} />
        <button type="submit" className="btn-primary" disabled={busy}>
          自动分配
        </button>
      </Form>
    </section>
  );
}
