// The organization's self-assessment of one first-level block (#12 item 6): each leaf with its
// 评分细则 and 准备材料, the input its method asks for, and its evidence upload. Saving keeps a
// draft; submitting is on the application's page once every block is done.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import type { z } from "zod";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { DocumentUploadFields } from "~/modules/attachments/document-fields";
import { formatPoints, METHOD_LABELS } from "~/modules/indicators/scheme";
import { evidenceKey, evidenceSet } from "./evidence";
import { scoreField, selfAssessmentSchema, type FormLeaf } from "./leaf-input";
import { LeafSelfScoreInput } from "./leaf-input-field";

export const SELF_ASSESSMENT_FORM = "self-assessment";

type Stored = { id: string; purpose: string; originalName: string; sizeBytes: number };

export function SelfAssessmentForm({
  leaves,
  defaults,
  evidence,
  editable,
  reply,
  fileSchema,
}: {
  leaves: FormLeaf[];
  defaults: Record<string, string | string[] | undefined>;
  evidence: Stored[];
  editable: boolean;
  reply: Parameters<typeof useConformForm>[0]["reply"];
  fileSchema: z.ZodTypeAny;
}) {
  const set = useMemo(() => evidenceSet(leaves), [leaves]);
  const schema = useMemo(() => selfAssessmentSchema(leaves, set.fileFields(fileSchema)), [leaves, set, fileSchema]);
  // Only score fields have defaults (a file input cannot be refilled).
  const defaultValue = defaults as never;
  const [form, fields] = useConformForm({ id: SELF_ASSESSMENT_FORM, schema, reply, defaultValue });
  const busy = useIsPending();
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
      {leaves.map((leaf) => {
        const meta = fields[scoreField(leaf.code)];
        const label = `${leaf.code} ${leaf.title}`;
        return (
          <section key={leaf.code} className="card space-y-2" aria-labelledby={`leaf-${meta.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`leaf-${meta.id}`} className="font-medium text-gray-900">
                {label}
              </h2>
              <span className="text-xs text-gray-500">
                {leaf.method ? METHOD_LABELS[leaf.method] : ""} · 本项 {formatPoints(leaf.points)} 分
                {leaf.bonus ? " · 加分项" : ""}
              </span>
            </div>
            {leaf.evidence ? <p className="text-xs text-gray-600">准备材料：{leaf.evidence}</p> : null}
            <fieldset disabled={!editable} className="space-y-1 text-sm">
              <legend className="sr-only">{label} 自评</legend>
              <LeafSelfScoreInput leaf={leaf} meta={meta} label={label} />
              {leaf.method !== "CHECKLIST" && leaf.items.length > 0 && leaf.method !== "TIERS" ? (
                <ul className="list-disc pl-5 text-xs text-gray-600">
                  {leaf.items.map((item) => (
                    <li key={item.label}>{item.label}</li>
                  ))}
                </ul>
              ) : null}
            </fieldset>
            <ErrorList id={meta.errorId} errors={meta.errors} />
            {editable ? (
              <DocumentUploadFields
                set={set}
                keys={[evidenceKey(leaf.code)]}
                stored={evidence}
                meta={(name) => fields[name]}
                missingHint={() => "尚未上传，可上传 PDF、图片或办公文档。"}
              />
            ) : null}
          </section>
        );
      })}
      <FormErrors errors={form.errors} id={form.errorId} />
      {editable ? (
        <button type="submit" className="btn-primary" disabled={busy}>
          保存本项自评
        </button>
      ) : null}
    </Form>
  );
}
