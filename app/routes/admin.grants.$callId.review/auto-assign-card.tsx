import { getCollectionProps, getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { AutoAssignSchema } from "~/modules/grants/review/panel";
import { toDateInput } from "~/utils/dates";
import { formatDateTime } from "~/utils/format";
import type { action, loader } from "./route";

/** 自动分配评审专家: tops every screened application up to k reviewers, with a reproducible seed. */
export function AutoAssignCard() {
  const { call, candidates, lastAutoAssign } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useConformForm({
    id: "auto-assign",
    schema: AutoAssignSchema,
    reply,
    defaultValue: {
      reviewerIds: candidates.map((c) => c.id),
      k: String(call.reviewersPerApplication),
      seed: "",
      dueAt: toDateInput(new Date(call.reviewEndsAt)),
    },
  });
  const busy = useIsPending();
  const outcome = // A success carries no form result, only what to show.
    reply && !("result" in reply) && reply.intent === "auto-assign" ? reply.outcome : null;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return (
    <section className="card space-y-3" aria-labelledby="auto-assign-heading">
      <h2 id="auto-assign-heading" className="text-base font-semibold text-gray-900">
        自动分配评审专家
      </h2>
      <p className="text-sm text-gray-600">
        为每项「资格审查通过」的申报补足评审专家：自动避开与申报机构有关联（所属机构、声明的关联机构、同一法定代表人）的专家，以及已在该项目回避或被更换的专家；各专家任务量尽量均衡，优先专业领域与项目类别相符的专家。已有的分配保持不变。
      </p>
      {lastAutoAssign ? (
        <p className="text-xs text-gray-500">
          上次自动分配：{formatDateTime(lastAutoAssign.createdAt)} · {lastAutoAssign.actor?.name ?? "系统"} ·{" "}
          {lastAutoAssign.reason}
        </p>
      ) : null}
      {outcome ? (
        <div
          role="status"
          className="space-y-1 rounded-md bg-brand-50 p-3 text-sm text-brand-800"
          data-testid="auto-assign-result"
        >
          <p>
            已新增 {outcome.added} 项评审任务，通知 {outcome.notified} 位专家；随机种子{" "}
            <code className="font-mono">{outcome.seed}</code>。
          </p>
          <p>
            每位专家的任务量：{outcome.loadRange} 项（{outcome.loads.map((l) => `${l.name} ${l.load}`).join("，")}）
          </p>
          {outcome.unfilled.length ? (
            <div className="text-red-800">
              <p>以下 {outcome.unfilled.length} 项申报未能配满评审专家：</p>
              <ul className="list-disc pl-5 text-xs">
                {outcome.unfilled.map((u) => (
                  <li key={u.id}>
                    {u.title}：{u.why}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>所有申报均已配满评审专家。</p>
          )}
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="auto-assign" />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-gray-700">
            评审专家库（{candidates.length} 位在册专家）
          </legend>
          {candidates.length === 0 ? (
            <p className="text-sm text-gray-500">
              还没有在册的评审专家，请先在
              <Link to="/admin/users/new-reviewer" className="link">
                新建评审专家
              </Link>
              。
            </p>
          ) : (
            <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
              {getCollectionProps(fields.reviewerIds, { type: "checkbox", options: candidates.map((c) => c.id) }).map(
                ({ key, ...props }) => {
                  const c = byId.get(props.value)!;
                  return (
                    <li key={key}>
                      <label className="flex items-start gap-2 text-sm">
                        <input {...props} className="mt-0.5 h-4 w-4" />
                        <span>
                          {c.name}
                          <span className="ml-1 text-xs text-gray-500">
                            {c.tags.length ? c.tags.join("、") : "未填专业领域"} · 本轮在评 {c.load} 项
                          </span>
                        </span>
                      </label>
                    </li>
                  );
                },
              )}
            </ul>
          )}
          <ErrorList id={fields.reviewerIds.errorId} errors={fields.reviewerIds.errors} />
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field meta={fields.k} label="每项申报的评审专家人数" type="number" inputMode="numeric" />
          <Field meta={fields.seed} label="随机种子" hint="留空则随机生成；填入以往的种子可复现分配结果" />
          <Field meta={fields.dueAt} label="评审截止日期" type="date" />
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={busy || candidates.length === 0}>
          自动分配
        </button>
      </Form>
    </section>
  );
}
