import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { buildRubricSchema, parseScoreInput, RecuseSchema, rubricDefaults, scoreFieldName } from "./rubric";

const CRITERIA = [
  { id: "need", name: "需求分析", maxScore: 20 },
  { id: "design", name: "项目设计", maxScore: 30 },
];
const schema = buildRubricSchema(CRITERIA);

function form(entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

function parse(entries: Record<string, string>) {
  return parseWithZod(form(entries), { schema });
}

function errorsOf(entries: Record<string, string>) {
  const result = parse(entries);
  expect(result.status).toBe("error");
  return result.reply().error ?? {};
}

const COMMENT = "需求分析充分，设计合理可行。";

describe("buildRubricSchema", () => {
  it("names score fields score.<criterionId>", () => {
    expect(scoreFieldName("need")).toBe("score.need");
  });

  it("accepts a complete submission with the maxima and zero", () => {
    const result = parse({
      intent: "submit",
      "score.need": "20",
      "score.design": "0",
      comment: COMMENT,
      recommendation: "FUND",
    });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toEqual({
      intent: "submit",
      scores: { need: 20, design: 0 },
      comment: COMMENT,
      recommendation: "FUND",
    });
  });

  it("accepts half points and refuses other fractions", () => {
    expect(parse({ intent: "draft", "score.need": "12.5" }).status).toBe("success");
    expect(errorsOf({ intent: "draft", "score.need": "12.3" })["score.need"]).toEqual(["评分须为 0.5 的整数倍"]);
  });

  it("refuses a score above the maximum or below zero, in both modes", () => {
    expect(errorsOf({ intent: "draft", "score.need": "20.5" })["score.need"]).toEqual(["不能超过满分 20 分"]);
    expect(errorsOf({ intent: "draft", "score.design": "31" })["score.design"]).toEqual(["不能超过满分 30 分"]);
    expect(
      errorsOf({
        intent: "submit",
        "score.need": "-1",
        "score.design": "10",
        comment: COMMENT,
        recommendation: "FUND",
      })["score.need"],
    ).toEqual(["评分不能小于 0"]);
    expect(errorsOf({ intent: "draft", "score.need": "abc" })["score.need"]).toEqual(["请输入数字"]);
  });

  it("lets a draft leave scores, comment and recommendation blank", () => {
    const result = parse({ intent: "draft", "score.need": "", "score.design": "8", comment: "" });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toEqual({ intent: "draft", scores: { design: 8 }, comment: null, recommendation: null });
  });

  it("requires every score, a comment of 10 characters and a recommendation on submit", () => {
    const errors = errorsOf({ intent: "submit", "score.need": "15", comment: "太短了" });
    expect(errors["score.design"]).toEqual(["提交前请填写评分"]);
    expect(errors["score.need"]).toBeUndefined();
    expect(errors.comment).toEqual(["评审意见至少 10 个字"]);
    expect(errors.recommendation).toEqual(["请选择总体推荐"]);
    expect(
      errorsOf({ intent: "submit", "score.need": "1", "score.design": "1", recommendation: "FUND" }).comment,
    ).toEqual(["请填写评审意见"]);
  });

  it("reports a bad score once and still checks the rest on submit", () => {
    const errors = errorsOf({ intent: "submit", "score.need": "25", "score.design": "10" });
    expect(errors["score.need"]).toEqual(["不能超过满分 20 分"]);
    expect(errors.comment).toEqual(["请填写评审意见"]);
  });

  it("refuses an unknown recommendation and a missing intent", () => {
    expect(parse({ intent: "draft", recommendation: "MAYBE" }).status).toBe("error");
    expect(parse({ "score.need": "1" }).status).toBe("error");
  });

  it("ignores scores for criteria outside the round", () => {
    const result = parse({ intent: "draft", "score.other": "99" });
    expect(result.status).toBe("success");
    if (result.status === "success") expect(result.value.scores).toEqual({});
  });
});

describe("RecuseSchema", () => {
  it("requires a reason", () => {
    const result = parseWithZod(form({ intent: "recuse", recuseReason: "  " }), { schema: RecuseSchema });
    expect(result.reply().error?.recuseReason).toEqual(["请填写回避理由"]);
    expect(
      parseWithZod(form({ intent: "recuse", recuseReason: "与申报机构负责人是亲属" }), { schema: RecuseSchema }).status,
    ).toBe("success");
  });
});

describe("helpers", () => {
  it("parses typed scores for the live total", () => {
    expect(parseScoreInput("12.5")).toBe(12.5);
    expect(parseScoreInput("")).toBeNull();
    expect(parseScoreInput("x")).toBeNull();
    expect(parseScoreInput(undefined)).toBeNull();
  });

  it("turns stored scores into form defaults", () => {
    expect(
      rubricDefaults(CRITERIA, {
        scores: [{ criterionId: "need", score: 12.5 }],
        comment: null,
        recommendation: "FUND",
      }),
    ).toEqual({
      score: { need: "12.5", design: "" },
      comment: "",
      recommendation: "FUND",
    });
  });
});
