// Objections to the proposed list (decision 013's shared desk): staff answer each;
// an upheld one takes the organization off the proposed list.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { DirectoryDecisionSchema } from "~/modules/directory/forms";
import { ObjectionCard, ObjectionStatusNav } from "~/modules/publicity/objection-desk";
import { DECISION_OUTCOMES } from "~/modules/publicity/objection-workflow";
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

export function ObjectionsSection() {
  const { edition, objections, objectionCounts: counts, objectionStatus } = useLoaderData<typeof loader>();
  const open = edition.status === "PUBLICITY";
  return (
    <section className="card" id="objections" aria-labelledby="objections-heading">
      <h2 id="objections-heading" className="mb-3 text-base font-semibold text-gray-900">
        公示异议（待处理 {counts.RECEIVED} 件）
      </h2>
      <ObjectionStatusNav
        counts={counts}
        active={objectionStatus}
        href={(state) => (state ? `?objections=${state}#objections` : "?#objections")}
        label="按异议状态筛选"
      />
      {objections.length === 0 ? (
        <p className="text-sm text-gray-600">暂无异议。</p>
      ) : (
        <ul className="space-y-4">
          {objections.map((o) => (
            <li key={o.id}>
              <ObjectionCard
                objection={o}
                label={`异议：${o.organizationName}`}
                heading={`异议机构：${o.organizationName}`}
                decisionForm={open ? <DecisionForm objectionId={o.id} name={o.organizationName} /> : null}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
