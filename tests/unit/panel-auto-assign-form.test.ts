// The automatic assignment form shared by the rating and the evaluation panels
// (review/auto-assign-form.ts): each kind's words give the messages its own schema used to say.
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { EVALUATION_AUTO_ASSIGN_WORDS } from "~/modules/evaluation/review/panel";
import { RATING_AUTO_ASSIGN_WORDS } from "~/modules/rating/review/panel";
import { autoAssignSchema, perSubjectLabel } from "~/modules/review/auto-assign-form";

const RatingAutoAssignSchema = autoAssignSchema(RATING_AUTO_ASSIGN_WORDS);
const EvaluationAutoAssignSchema = autoAssignSchema(EVALUATION_AUTO_ASSIGN_WORDS);

function form(entries: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const v of [value].flat()) fd.append(key, v);
  return fd;
}

describe("the panels' automatic assignment form", () => {
  it("accepts experts, k and a deadline", () => {
    const s = parseWithZod(form({ intent: "auto-assign", reviewerIds: ["r1", "r2"], k: "2", dueAt: "2026-06-30" }), {
      schema: RatingAutoAssignSchema,
    });
    expect(s.status).toBe("success");
    if (s.status === "success")
      expect(s.value).toEqual({ intent: "auto-assign", reviewerIds: ["r1", "r2"], k: 2, dueAt: "2026-06-30" });
  });

  it("says a rating application is counted 每份申请 with 评估专家", () => {
    expect(perSubjectLabel(RATING_AUTO_ASSIGN_WORDS)).toBe("每份申请的评估专家人数");
    const none = parseWithZod(form({ intent: "auto-assign" }), { schema: RatingAutoAssignSchema }).reply();
    expect(none.error?.reviewerIds).toEqual(["请至少选择一位评估专家"]);
    expect(none.error?.k).toEqual(["请填写每份申请的评估专家人数"]);
    const many = parseWithZod(form({ intent: "auto-assign", reviewerIds: "r1", k: "10" }), {
      schema: RatingAutoAssignSchema,
    }).reply();
    expect(many.error?.k).toEqual(["每份申请最多 9 位评估专家"]);
    const zero = parseWithZod(form({ intent: "auto-assign", reviewerIds: "r1", k: "0" }), {
      schema: RatingAutoAssignSchema,
    }).reply();
    expect(zero.error?.k).toEqual(["每份申请至少 1 位评估专家"]);
  });

  it("says an evaluation is counted 每项评估 with 专家", () => {
    expect(perSubjectLabel(EVALUATION_AUTO_ASSIGN_WORDS)).toBe("每项评估的专家人数");
    const none = parseWithZod(form({ intent: "auto-assign", reviewerIds: "r1" }), {
      schema: EvaluationAutoAssignSchema,
    }).reply();
    expect(none.error?.k).toEqual(["请填写每项评估的专家人数"]);
    const many = parseWithZod(form({ intent: "auto-assign", reviewerIds: "r1", k: "10" }), {
      schema: EvaluationAutoAssignSchema,
    }).reply();
    expect(many.error?.k).toEqual(["每项评估最多 9 位专家"]);
    const half = parseWithZod(form({ intent: "auto-assign", reviewerIds: "r1", k: "1.5" }), {
      schema: EvaluationAutoAssignSchema,
    }).reply();
    expect(half.error?.k).toEqual(["请填写 1–9 的整数"]);
  });
});
