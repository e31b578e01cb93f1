// The organization's self-assessment of an evaluation (#14 item 1): every leaf of the scheme by
// its method (the rating self-assessment's leaf inputs), a short summary, saved as a draft or
// submitted. Submitting needs every leaf outside bonus items. Pure: browser and server.
import { z } from "zod";
import { readLeafInputs, scoreField, selfAssessmentSchema, type FormLeaf } from "~/modules/rating/leaf-input";

export const SELF_ASSESSMENT_FORM = "self-assessment";
export const SUMMARY_MAX = 3000;

export function buildSelfAssessmentSchema(leaves: FormLeaf[]) {
  return selfAssessmentSchema(leaves, {
    intent: z.enum(["draft", "submit"], { message: "请选择保存草稿或提交自评" }),
    conclusion: z.string().trim().max(SUMMARY_MAX, `自评说明不能超过 ${SUMMARY_MAX} 字`).optional(),
  })
    .superRefine((values, ctx) => {
      if (values.intent !== "submit") return;
      const { scores } = readLeafInputs(leaves, values as Record<string, unknown>);
      const filled = new Set(scores.map((s) => s.leafCode));
      for (const leaf of leaves) {
        if (!leaf.bonus && !filled.has(leaf.code))
          ctx.addIssue({ code: "custom", path: [scoreField(leaf.code)], message: "提交前请为本项自评" });
      }
      if (!values.conclusion)
        ctx.addIssue({ code: "custom", path: ["conclusion"], message: "请填写自评说明（项目执行情况与成效概述）" });
    })
    .transform((values) => ({
      intent: values.intent as "draft" | "submit",
      conclusion: (values.conclusion as string | undefined) || null,
      scores: readLeafInputs(leaves, values as Record<string, unknown>).scores,
    }));
}

export type SelfAssessmentValue = z.output<ReturnType<typeof buildSelfAssessmentSchema>>;
