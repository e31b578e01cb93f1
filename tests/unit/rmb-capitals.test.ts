import { describe, expect, test } from "vitest";
import { fenToCapitals } from "~/utils/rmb-capitals";

describe("fenToCapitals", () => {
  test.each([
    [0, "零元整"],
    [100, "壹元整"],
    [1000, "壹拾元整"],
    [10_000_000, "壹拾万元整"],
    [10_500_000, "壹拾万伍仟元整"],
    [150_000_000, "壹佰伍拾万元整"],
    [100_010_000, "壹佰万零壹佰元整"],
    [1_000_500, "壹万零伍元整"],
    [101_000, "壹仟零壹拾元整"],
    [10_000_000_000, "壹亿元整"],
    [10_000_000_100, "壹亿零壹元整"],
    [10_100_000_000, "壹亿零壹佰万元整"],
    [1_234_567, "壹万贰仟叁佰肆拾伍元陆角柒分"],
    [1_005, "壹拾元零伍分"],
    [100_050, "壹仟元伍角"],
    [50, "伍角"],
    [3, "叁分"],
    [53, "伍角叁分"],
  ])("%i 分 → %s", (fen, expected) => {
    expect(fenToCapitals(fen)).toBe(expected);
  });

  test("refuses what is not an amount in fen", () => {
    expect(() => fenToCapitals(-1)).toThrow(RangeError);
    expect(() => fenToCapitals(1.5)).toThrow(RangeError);
  });
});
