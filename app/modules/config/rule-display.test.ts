import { describe, expect, test } from "vitest";
import { formatMonthDay, formatRuleValue, ruleValueAsInput } from "./rule-display";
import { parseRuleInput } from "./rules";

describe("rule display", () => {
  test("money, lists, month-days and counts", () => {
    expect(formatRuleValue("registration.socialGroup.minCapitalLocalFen", 5_000_000)).toBe("¥50,000.00");
    expect(formatRuleValue("registration.localNameForbiddenWords", ["中国", "全国", "中华"])).toBe("中国、全国、中华");
    expect(formatRuleValue("inspection.deadline", "05-31")).toBe("5月31日");
    expect(formatRuleValue("registration.reviewDays", 60)).toBe("60 日");
    expect(formatMonthDay("3-1")).toBe("3月1日");
  });

  test("a value typed back into the form parses to the same value", () => {
    for (const [key, value] of [
      ["registration.socialGroup.minCapitalLocalFen", 5_000_050],
      ["registration.directCategories", ["科技类", "公益慈善类"]],
      ["inspection.deadline", "05-31"],
      ["incubation.termMonths", 24],
    ] as const) {
      expect(parseRuleInput(key, ruleValueAsInput(key, value))).toEqual(value);
    }
    expect(ruleValueAsInput("registration.socialGroup.minCapitalLocalFen", 5_000_050)).toBe("50000.50");
  });
});
