// The staff's automatic assignment form of a panel whose subject kind has no settings of its own
// (rating applications, funded-project evaluations): which experts, how many per subject, the
// experts' deadline. The kind brings its words (how a subject is counted, what the experts are
// called), so the card, its checks in the browser and on the server say the same thing. Pure.
import { z } from "zod";

export const MAX_PANEL_REVIEWERS = 9;

export type AutoAssignWords = {
  /** how one subject is counted and named: "份" + "申请", "项" + "评估" */
  counter: string;
  noun: string;
  /** what the experts are called in the k field: "评估专家", "专家" */
  expert: string;
  /** what the card does for this kind, one sentence */
  intro: string;
  /** the label of the experts' deadline */
  dueLabel: string;
};

/** "每份申请的评估专家人数" */
export const perSubjectLabel = (w: AutoAssignWords) => `每${w.counter}${w.noun}的${w.expert}人数`;

export function autoAssignSchema(w: AutoAssignWords) {
  const per = `每${w.counter}${w.noun}`;
  return z.object({
    intent: z.literal("auto-assign"),
    reviewerIds: z
      .array(z.string().min(1), { required_error: "请至少选择一位评估专家" })
      .min(1, "请至少选择一位评估专家")
      .max(500),
    k: z
      .number({ required_error: `请填写${perSubjectLabel(w)}`, invalid_type_error: "请填写 1–9 的整数" })
      .int("请填写 1–9 的整数")
      .min(1, `${per}至少 1 位${w.expert}`)
      .max(MAX_PANEL_REVIEWERS, `${per}最多 ${MAX_PANEL_REVIEWERS} 位${w.expert}`),
    dueAt: z.string().optional(),
  });
}
