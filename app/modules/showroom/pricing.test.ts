import { describe, expect, test } from "vitest";
import { lineTotalFen, sharesAddUp, splitFen, splitLine, splitOrder } from "./pricing";

describe("line totals", () => {
  test("price × quantity in 分", () => {
    expect(lineTotalFen(2990, 2)).toBe(5980);
    expect(lineTotalFen(1, 99)).toBe(99);
  });
  test("refuses negative or fractional amounts", () => {
    expect(() => lineTotalFen(-1, 1)).toThrow(RangeError);
    expect(() => lineTotalFen(10.5, 1)).toThrow(RangeError);
    expect(() => lineTotalFen(100, 1.5)).toThrow(RangeError);
  });
});

describe("proceeds split", () => {
  test("70/30 of ¥100.00", () => {
    expect(splitFen(10000, 70)).toEqual({ totalFen: 10000, makerFen: 7000, fundFen: 3000 });
  });
  test("rounds the maker part half up and the parts always add up", () => {
    // 70% of 1 分 = 0.7 → 1 分 to the maker, 0 to the fund
    expect(splitFen(1, 70)).toEqual({ totalFen: 1, makerFen: 1, fundFen: 0 });
    // 33% of 5 分 = 1.65 → 2
    expect(splitFen(5, 33)).toEqual({ totalFen: 5, makerFen: 2, fundFen: 3 });
    // 50% of 3 分 = 1.5 → 2
    expect(splitFen(3, 50)).toEqual({ totalFen: 3, makerFen: 2, fundFen: 1 });
    for (let total = 0; total < 500; total += 7) {
      for (const pct of [0, 1, 33, 50, 67, 70, 99, 100]) {
        const s = splitFen(total, pct);
        expect(s.makerFen + s.fundFen).toBe(total);
        expect(Math.abs(s.makerFen - (total * pct) / 100)).toBeLessThanOrEqual(0.5);
      }
    }
  });
  test("0% and 100%", () => {
    expect(splitFen(999, 0)).toEqual({ totalFen: 999, makerFen: 0, fundFen: 999 });
    expect(splitFen(999, 100)).toEqual({ totalFen: 999, makerFen: 999, fundFen: 0 });
  });
  test("refuses a percentage outside 0–100", () => {
    expect(() => splitFen(100, 101)).toThrow(RangeError);
    expect(() => splitFen(100, -1)).toThrow(RangeError);
  });
  test("an order sums its lines' splits, each with its own percentage", () => {
    const lines = [
      { unitPriceFen: 2990, quantity: 2, makerSharePct: 70 }, // 5980 → 4186 / 1794
      { unitPriceFen: 1555, quantity: 1, makerSharePct: 33 }, // 1555 → 513.15 → 513 / 1042
    ];
    expect(splitLine(lines[0]!)).toEqual({ totalFen: 5980, makerFen: 4186, fundFen: 1794 });
    expect(splitOrder(lines)).toEqual({ totalFen: 7535, makerFen: 4699, fundFen: 2836 });
    expect(splitOrder([])).toEqual({ totalFen: 0, makerFen: 0, fundFen: 0 });
  });
  test("shares must add up to 100", () => {
    expect(sharesAddUp(70, 30)).toBe(true);
    expect(sharesAddUp(70, 20)).toBe(false);
  });
});
