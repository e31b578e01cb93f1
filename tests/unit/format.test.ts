import { describe, expect, test } from "vitest";
import { formatCount, formatDate, formatDateTime, formatFen, formatTime, yuanToFen } from "~/utils/format";

describe("formatFen", () => {
  test.each([
    [123450, "¥1,234.50"],
    [0, "¥0.00"],
    [5, "¥0.05"],
    [99, "¥0.99"],
    [100, "¥1.00"],
    [1_000_000_00, "¥1,000,000.00"],
    [-123450, "-¥1,234.50"],
    [-5, "-¥0.05"],
  ])("%d 分 → %s", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  test("shows a dash for no amount", () => {
    expect(formatFen(null)).toBe("—");
    expect(formatFen(undefined)).toBe("—");
  });
});

describe("yuanToFen", () => {
  test.each([
    ["1,234.5", 123450],
    ["1234.50", 123450],
    ["1234", 123400],
    ["0.05", 5],
    ["0", 0],
    [" ¥1，234.56 ", 123456],
    ["￥12", 1200],
  ])("%j → %d", (input, fen) => {
    expect(yuanToFen(input)).toBe(fen);
  });

  test.each(["12.345", "abc", "", "-5", "1.2.3", "1e3", ".5", "12.", "Infinity", "99999999999999999"])(
    "%j is not an amount",
    (input) => {
      expect(yuanToFen(input)).toBeNull();
    },
  );

  test("has no floating-point error", () => {
    // 0.29 * 100 = 28.999999999999996 in floating point.
    expect(yuanToFen("0.29")).toBe(29);
    expect(yuanToFen("1.1")).toBe(110);
  });

  test("round-trips with formatFen", () => {
    for (const fen of [0, 5, 29, 110, 123450, 987654321]) {
      expect(yuanToFen(formatFen(fen))).toBe(fen);
    }
  });
});

describe("dates in Asia/Shanghai", () => {
  const instant = new Date("2026-05-30T16:30:00Z"); // 00:30 on 31 May in Beijing

  test("formatDate shows the Shanghai calendar day, not the UTC one", () => {
    expect(formatDate(instant)).toBe("2026年5月31日");
    expect(formatDate("2026-05-30T16:30:00Z")).toBe("2026年5月31日");
    expect(formatDate(instant.getTime())).toBe("2026年5月31日");
    expect(formatDate(new Date("2026-05-30T15:59:59Z"))).toBe("2026年5月30日");
  });

  test("formatDateTime and formatTime use 24-hour Shanghai time", () => {
    expect(formatDateTime(instant)).toBe("2026年5月31日 00:30");
    expect(formatTime(new Date("2026-05-31T06:05:00Z"))).toBe("14:05");
  });

  test("missing dates show a dash", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
  });
});

describe("formatCount", () => {
  test("groups thousands", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});
