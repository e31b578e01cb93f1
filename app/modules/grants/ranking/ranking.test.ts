import { parseWithZod } from "@conform-to/zod";
import { describe, expect, test } from "vitest";
import {
  aggregationDescription,
  allocationState,
  overrideChoiceOf,
  overrideSelectedOf,
  OverrideSchema,
} from "./ranking";

function form(entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
}

describe("aggregationDescription", () => {
  test("mean without normalisation", () => {
    expect(aggregationDescription({ aggregation: "MEAN", zScoreNormalize: false })).toEqual({
      mode: "平均分",
      zScore: "未做标准分校正",
      text: "平均分",
    });
  });
  test("trimmed mean with z-score", () => {
    const d = aggregationDescription({ aggregation: "TRIMMED_MEAN", zScoreNormalize: true });
    expect(d.mode).toBe("去掉一个最高分和一个最低分后的平均分（5 名及以上专家时）");
    expect(d.zScore).toBe("已按专家进行标准分（z-score）校正");
    expect(d.text).toBe("去掉一个最高分和一个最低分后的平均分（5 名及以上专家时）；已按专家进行标准分（z-score）校正");
  });
  test("an unknown value reads as the mean", () => {
    expect(aggregationDescription({ aggregation: "MEDIAN", zScoreNormalize: false }).mode).toBe("平均分");
  });
});

describe("override choices", () => {
  test("round trip", () => {
    for (const v of [true, false, null]) expect(overrideSelectedOf(overrideChoiceOf(v))).toBe(v);
    expect(overrideChoiceOf(undefined)).toBe("auto");
  });
  test("allocationState", () => {
    expect(allocationState(true, 5_000_000)).toBe("列入 ¥50,000.00");
    expect(allocationState(false, 0)).toBe("不列入");
  });
});

describe("OverrideSchema", () => {
  const base = { intent: "override", applicationId: "a1", selected: "exclude", reason: "申报单位已放弃" };
  test("accepts an exclusion with a reason", () => {
    const s = parseWithZod(form(base), { schema: OverrideSchema });
    expect(s.status).toBe("success");
  });
  test("requires a reason, in Chinese", () => {
    const s = parseWithZod(form({ ...base, reason: "  " }), { schema: OverrideSchema });
    expect(s.status).toBe("error");
    expect(s.reply().error?.reason).toEqual(["请填写调整理由"]);
  });
  test("checks the amount", () => {
    const bad = parseWithZod(form({ ...base, selected: "include", amountYuan: "12.345" }), { schema: OverrideSchema });
    expect(bad.reply().error?.amountYuan?.[0]).toContain("最多两位小数");
    const zero = parseWithZod(form({ ...base, selected: "include", amountYuan: "0" }), { schema: OverrideSchema });
    expect(zero.reply().error?.amountYuan).toEqual(["金额必须大于 0"]);
    const excluded = parseWithZod(form({ ...base, amountYuan: "100" }), { schema: OverrideSchema });
    expect(excluded.reply().error?.amountYuan).toEqual(["不列入的项目无需填写金额"]);
    const ok = parseWithZod(form({ ...base, selected: "auto", amountYuan: "50,000.50" }), { schema: OverrideSchema });
    expect(ok.status).toBe("success");
  });
  test("rejects an unknown choice", () => {
    const s = parseWithZod(form({ ...base, selected: "maybe" }), { schema: OverrideSchema });
    expect(s.reply().error?.selected).toEqual(["请选择是否列入"]);
  });
});
