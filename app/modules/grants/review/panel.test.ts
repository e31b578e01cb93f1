import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { AutoAssignSchema, lockedSettingErrors, ReviewSettingsSchema } from "./panel";

function form(entries: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
}

describe("ReviewSettingsSchema", () => {
  it("reads checkboxes and numbers", () => {
    const s = parseWithZod(
      form({
        intent: "settings",
        reviewersPerApplication: "2",
        blindReview: "on",
        aggregation: "TRIMMED_MEAN",
        disagreementThreshold: "15",
      }),
      { schema: ReviewSettingsSchema },
    );
    expect(s.status).toBe("success");
    if (s.status === "success") {
      expect(s.value).toEqual({
        intent: "settings",
        reviewersPerApplication: 2,
        blindReview: true,
        aggregation: "TRIMMED_MEAN",
        zScoreNormalize: false,
        disagreementThreshold: 15,
      });
    }
  });

  it("refuses k outside 1–9 and a threshold above 100 with Chinese messages", () => {
    const s = parseWithZod(
      form({ intent: "settings", reviewersPerApplication: "10", aggregation: "MEAN", disagreementThreshold: "101" }),
      {
        schema: ReviewSettingsSchema,
      },
    );
    expect(s.status).toBe("error");
    const reply = s.reply();
    expect(reply.error?.reviewersPerApplication).toEqual(["每项申报最多 9 位评审专家"]);
    expect(reply.error?.disagreementThreshold).toEqual(["分歧阈值不能大于 100"]);
  });
});

describe("AutoAssignSchema", () => {
  it("accepts a single reviewer and a blank seed", () => {
    const s = parseWithZod(form({ intent: "auto-assign", reviewerIds: "r1", k: "2", seed: "", dueAt: "2026-06-30" }), {
      schema: AutoAssignSchema,
    });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value).toMatchObject({ reviewerIds: ["r1"], k: 2, seed: undefined });
  });

  it("refuses an empty panel and a seed with odd characters", () => {
    const s = parseWithZod(form({ intent: "auto-assign", k: "2", seed: "a b" }), { schema: AutoAssignSchema });
    const reply = s.reply();
    expect(reply.error?.reviewerIds).toEqual(["请至少选择一位评审专家"]);
    expect(reply.error?.seed).toEqual(["随机种子只能包含字母、数字、- 和 _"]);
  });
});

describe("lockedSettingErrors", () => {
  const current = { reviewersPerApplication: 3, blindReview: false };
  it("allows anything before the first submitted review", () => {
    expect(lockedSettingErrors(current, { reviewersPerApplication: 2, blindReview: true }, 0)).toEqual({});
  });
  it("locks k and blind review once a review is submitted", () => {
    const errors = lockedSettingErrors(current, { reviewersPerApplication: 2, blindReview: true }, 1);
    expect(Object.keys(errors).sort()).toEqual(["blindReview", "reviewersPerApplication"]);
    expect(lockedSettingErrors(current, current, 5)).toEqual({});
  });
});
