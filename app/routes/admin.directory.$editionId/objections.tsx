// Objections to the proposed list (decision 013's shared desk): staff answer each;
// an upheld one takes the organization off the proposed list.
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { StatusBadge } from "~/components/status-badge";
import { useConformForm, useIsPending } from "~/components/use-form";
import { DirectoryDecisionSchema } from "~/modules/directory/forms";
import { DECISION_OUTCOMES, objectionWorkflow, type ObjectionState } from "~/modules/publicity/objection-workflow";
import { formatDateTime } from "~/utils/format";
import type { action, loader } from "./route";

function DecisionForm({ objectionId, name }: { objectionId: string; name: string }) {
  const answer = useActionData<typeof action>();
  const mine = answer?.intent === "decide" && answer.result.initialValue?.objectionId === objectionId;
  const [form, fields] = useConformForm({
    id: `decide-${objectionId}`,
    schema: DirectoryDecisionSchema,
    reply: mine ? answer : undefined,
    intent: "decide",
  });
  const pending = useIsPending({ intent: "decide" });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="mt-3 grid gap-3 border-t border-gray-100 pt-3 sm:grid-cols-2"
      aria-label={`处理异议：${name}`}
    >
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="objectionId" value={objectionId} />
      <SelectField
        meta={fields.outcome}
        label="处理结果"
        hint="异议成立的，该机构不予列入。"
        options={[
          { value: "DISMISSED", label: DECISION_OUTCOMES.DISMISSED },
          { value: "UPHELD", label: DECISION_OUTCOMES.UPHELD },
        ]}
      />
      <TextareaField meta={fields.reply} label="答复意见（异议人可见）" rows={3} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={pending}>
          提交处理
        </button>
      </div>
    </Form>
  );
}

const FILTERS: Array<{ value: ObjectionState | null; label: string }> = [
  { value: null, label: "全部" },
  { value: "RECEIVED", label: objectionWorkflow.stateLabels.RECEIVED },
  { value: "UPHELD", label: objectionWorkflow.stateLabels.UPHELD },
  { value: "DISMISSED", label: objectionWorkflow.stateLabels.DISMISSED },
];

export function ObjectionsSection() {
  const { edition, objections, objectionCounts: counts, objectionStatus } = useLoaderData<typeof loader>();
  const open = edition.status === "PUBLICITY";
  return (
    <section className="card" id="objections" aria-labelledby="objections-heading">
      <h2 id="objections-heading" className="mb-3 text-base font-semibold text-gray-900">
        公示异议（待处理 {counts.RECEIVED} 件）
      </h2>
      <nav className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="按异议状态筛选">
        {FILTERS.map((f) => {
          const count = f.value ? counts[f.value] : counts.RECEIVED + counts.UPHELD + counts.DISMISSED;
          return (
            <Link
              key={f.label}
              to={f.value ? `?objections=${f.value}#objections` : "?#objections"}
              aria-current={objectionStatus === f.value ? "page" : undefined}
              className={`rounded-full px-3 py-1 ring-1 ring-inset ${objectionStatus === f.value ? "bg-brand-600 text-white ring-brand-600" : "ring-gray-300"}`}
            >
              {f.label}（{count}）
            </Link>
          );
        })}
      </nav>
      {objections.length === 0 ? (
        <p className="text-sm text-gray-600">暂无异议。</p>
      ) : (
        <ul className="space-y-4">
          {objections.map((o) => (
            <li key={o.id}>
              <article
                className="rounded-md border border-gray-200 p-4 text-sm"
                aria-label={`异议：${o.organizationName}`}
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-medium">异议机构：{o.organizationName}</p>
                  <StatusBadge workflow={objectionWorkflow} state={o.status} tones={{}} />
                </div>
                <p className="mt-1 text-gray-600">
                  异议人：{o.name} · 联系方式：{o.contact} · 提交于 {formatDateTime(o.createdAt)}
                </p>
                <p className="mt-2 whitespace-pre-wrap rounded bg-gray-50 p-3">{o.content}</p>
                {o.evidence.length ? (
                  <p className="mt-2">
                    证明材料：
                    {o.evidence.map((e) => (
                      <a
                        key={e.id}
                        href={`/files/${e.id}`}
                        className="link mr-2 break-all"
                        target="_blank"
                        rel="noreferrer"
                      >
                        {e.originalName}
                      </a>
                    ))}
                  </p>
                ) : null}
                {o.status === "RECEIVED" ? (
                  open ? (
                    <DecisionForm objectionId={o.id} name={o.organizationName} />
                  ) : null
                ) : (
                  <div className="mt-3 border-t border-gray-100 pt-2 text-gray-700">
                    <p>
                      处理结果：{objectionWorkflow.stateLabels[o.status as ObjectionState]} ·{" "}
                      {formatDateTime(o.decidedAt)}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap">答复：{o.reply}</p>
                  </div>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
