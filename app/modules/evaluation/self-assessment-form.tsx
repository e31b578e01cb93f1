// The organization's self-assessment of an evaluation (#14 item 1): each leaf of the scheme with
// its 评分细则 and 准备材料 and the input its method asks for, and the 自评说明. 保存草稿 keeps
// whatever is filled in; 提交自评 needs every leaf and goes to the experts.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { useDraftForm } from "~/components/draft-form";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { useIsPending, type useConformForm } from "~/components/use-form";
import { formatPoints, METHOD_LABELS } from "~/modules/indicators/scheme";
import { scoreField, type FormLeaf } from "~/modules/rating/leaf-input";
import { LeafSelfScoreInput } from "~/modules/rating/leaf-input-field";
import { buildSelfAssessmentSchema, SELF_ASSESSMENT_FORM } from "./self-assessment";

export function EvaluationSelfAssessmentForm({
  leaves,
  defaults,
  reply,
}: {
  leaves: FormLeaf[];
  defaults: Record<string, string | string[] | undefined>;
  reply: Parameters<typeof useConformForm>[0]["reply"];
}) {
  const schema = useMemo(() => buildSelfAssessmentSchema(leaves), [leaves]);
  const [form, fields] = useDraftForm({
    id: SELF_ASSESSMENT_FORM,
    fields: schema,
    schema,
    draftIntent: "draft",
    reply,
    intent: ["draft", "submit"],
    defaultValue: defaults as never,
  });
  const busy = useIsPending();
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="自评">
      {leaves.map((leaf) => {
        const meta = fields[scoreField(leaf.code)];
        const label = `${leaf.code} ${leaf.title}`;
        return (
          <fieldset key={leaf.code} className="card space-y-2">
            <legend className="sr-only">{label} 自评</legend>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium text-gray-900">{label}</p>
              <span className="text-xs text-gray-500">
                {leaf.method ? METHOD_LABELS[leaf.method] : ""} · 本项 {formatPoints(leaf.points)} 分
              </span>
            </div>
            {leaf.evidence ? <p className="text-xs text-gray-600">准备材料：{leaf.evidence}</p> : null}
            <LeafSelfScoreInput leaf={leaf} meta={meta} label={label} />
            <ErrorList id={meta.errorId} errors={meta.errors} />
          </fieldset>
        );
      })}
      <div className="card space-y-3">
        <TextareaField
          meta={fields.conclusion}
          label="自评说明"
          rows={5}
          hint="项目执行情况、主要成效与不足，提交时必填。"
        />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="draft" formNoValidate className="btn-secondary" disabled={busy}>
            保存草稿
          </button>
          <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
            提交自评
          </button>
        </div>
      </div>
    </Form>
  );
}
