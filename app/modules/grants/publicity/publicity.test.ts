import { describe, expect, it } from "vitest";
import { z } from "zod";
import { publicityDaysLeft } from "~/modules/publicity/objection";
import {
  anonymousComments,
  buildObjectionSchema,
  confirmProblem,
  criterionAverages,
  cutOffScore,
  DecisionSchema,
  notFundedReason,
  objectionWindowProblem,
  publishProblem,
} from "./publicity";

const DAY = 86_400_000;
const now = new Date("2026-06-10T04:00:00Z");

describe("objection form", () => {
  const schema = buildObjectionSchema(z.instanceof(File));
  const valid = {
    applicationId: "a1",
    name: "张三",
    contact: "13912345678",
    content: "该项目申报材料中的服务人数与实际情况明显不符，请核实。",
  };

  it("accepts a mobile number or an email as contact", () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...valid, contact: "zhang@example.com" }).success).toBe(true);
    const bad = schema.safeParse({ ...valid, contact: "12345" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("请填写 11 位手机号码或有效的电子邮箱");
  });

  it("wants 20 to 2000 characters of reasons", () => {
    expect(schema.safeParse({ ...valid, content: "太短了" }).error?.issues[0]?.message).toBe(
      "异议内容及理由不少于 20 个字",
    );
    expect(schema.safeParse({ ...valid, content: "字".repeat(2001) }).error?.issues[0]?.message).toBe(
      "异议内容及理由不超过 2000 个字",
    );
    expect(schema.safeParse({ ...valid, content: "字".repeat(2000) }).success).toBe(true);
  });
});

describe("publicity window and confirmation", () => {
  const publicized = { reviewStage: "PUBLICIZED", publicityEndsAt: new Date(now.getTime() + 2 * DAY) };

  it("accepts objections only while publicized and not past the end", () => {
    expect(objectionWindowProblem(publicized, now)).toBeNull();
    expect(objectionWindowProblem({ ...publicized, publicityEndsAt: new Date(now.getTime() - 1) }, now)).toMatch(
      "公示期已结束",
    );
    expect(objectionWindowProblem({ ...publicized, reviewStage: "CONFIRMED" }, now)).toMatch("已确认");
    expect(objectionWindowProblem({ reviewStage: "RANKED", publicityEndsAt: null }, now)).toMatch("未在公示期");
  });

  it("counts days left, a started day counting as one", () => {
    expect(publicityDaysLeft(new Date(now.getTime() + 2 * DAY), now)).toBe(2);
    expect(publicityDaysLeft(new Date(now.getTime() + 2 * DAY + 1), now)).toBe(3);
    expect(publicityDaysLeft(new Date(now.getTime() - 1), now)).toBe(0);
  });

  it("enables confirmation only after the period with no pending objection", () => {
    const ended = { reviewStage: "PUBLICIZED", publicityEndsAt: new Date(now.getTime() - 1) };
    expect(confirmProblem(ended, 0, now)).toBeNull();
    expect(confirmProblem(ended, 2, now)).toBe("尚有 2 件异议未处理，处理后方可确认立项名单");
    expect(confirmProblem(publicized, 0, now)).toMatch("公示期尚未结束");
    expect(confirmProblem({ reviewStage: "RANKED", publicityEndsAt: null }, 0, now)).toMatch("尚未公示");
    expect(confirmProblem({ ...ended, reviewStage: "CONFIRMED" }, 0, now)).toBe("立项名单已确认");
  });

  it("never publishes an empty proposed shortlist", () => {
    expect(publishProblem(0)).toBe(
      "拟入围名单中没有项目，不能发布公示。请将项目调整为「列入」，或撤回名单后重新生成。",
    );
    expect(publishProblem(-1)).toMatch("没有项目");
    expect(publishProblem(Number.NaN)).toMatch("没有项目");
    expect(publishProblem(1)).toBeNull();
    expect(publishProblem(12)).toBeNull();
  });
});

describe("cut-off and reasons", () => {
  it("is the lowest selected final score", () => {
    expect(
      cutOffScore([
        { selected: true, finalScore: 88.5 },
        { selected: true, finalScore: 80.25 },
        { selected: false, finalScore: 79 },
      ]),
    ).toBe(80.25);
    expect(cutOffScore([{ selected: false, finalScore: 79 }])).toBeNull();
  });

  it("explains a rejection with both scores to 2 decimals", () => {
    expect(notFundedReason(72.5, 80.25)).toBe("未进入资助名单：综合得分 72.50 分，入围分数线 80.25 分");
  });
});

describe("staff decision", () => {
  const base = { intent: "decide", objectionId: "o1", reply: "经核实，申报材料属实。" };
  it("needs a reply, and an action when upheld", () => {
    expect(DecisionSchema.safeParse({ ...base, outcome: "DISMISSED" }).success).toBe(true);
    expect(DecisionSchema.safeParse({ ...base, outcome: "DISMISSED", reply: "" }).success).toBe(false);
    const noAction = DecisionSchema.safeParse({ ...base, outcome: "UPHELD" });
    expect(noAction.error?.issues[0]?.message).toBe("异议成立时请选择处理方式");
    expect(DecisionSchema.safeParse({ ...base, outcome: "UPHELD", upheldAction: "REMOVE" }).success).toBe(true);
  });
  it("needs a valid amount to change it", () => {
    const change = { ...base, outcome: "UPHELD", upheldAction: "CHANGE_AMOUNT" };
    expect(DecisionSchema.safeParse(change).error?.issues[0]?.message).toBe("请填写调整后的资助金额");
    expect(DecisionSchema.safeParse({ ...change, amount: "12.345" }).error?.issues[0]?.path).toEqual(["amount"]);
    expect(DecisionSchema.safeParse({ ...change, amount: "50,000.00" }).success).toBe(true);
  });
});

describe("applicant feedback", () => {
  it("averages each criterion over the submitted reviews", () => {
    const criteria = [
      { id: "c1", name: "需求分析", maxScore: 20 },
      { id: "c2", name: "项目设计", maxScore: 30 },
    ];
    expect(criterionAverages(criteria, [{ scores: { c1: 15, c2: 20 } }, { scores: { c1: 16 } }])).toEqual([
      { id: "c1", name: "需求分析", maxScore: 20, average: 15.5 },
      { id: "c2", name: "项目设计", maxScore: 30, average: 20 },
    ]);
  });

  it("labels comments 专家 1… by an opaque key, without anything identifying", () => {
    const out = anonymousComments([
      { sortKey: "ff", comment: "乙", recommendation: "DO_NOT_FUND", scores: {} },
      { sortKey: "0a", comment: "甲", recommendation: "FUND", scores: {} },
    ]);
    expect(out).toEqual([
      { label: "专家 1", comment: "甲", recommendation: "FUND" },
      { label: "专家 2", comment: "乙", recommendation: "DO_NOT_FUND" },
    ]);
  });
});
