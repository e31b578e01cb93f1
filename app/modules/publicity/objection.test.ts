import { describe, expect, it } from "vitest";
import { formAgeProblem, isHoneypotFilled, parseFormStamp } from "./objection";

const now = new Date("2026-06-10T04:00:00Z");

describe("objection form spam checks", () => {
  it("refuses forms sent faster than 3 seconds or older than 2 hours", () => {
    const t = now.getTime();
    expect(formAgeProblem(t - 1_000, t)).toMatch("提交过快");
    expect(formAgeProblem(t - 2_999, t)).toMatch("提交过快");
    expect(formAgeProblem(t - 3_000, t)).toBeNull();
    expect(formAgeProblem(t - 2 * 3_600_000, t)).toBeNull();
    expect(formAgeProblem(t - 2 * 3_600_000 - 1, t)).toMatch("超过 2 小时");
  });

  it("parses only well-formed stamps", () => {
    expect(parseFormStamp("1781000000000.abcdefghijklmnopqrstuvwxyz_-AB")).toEqual({
      issuedAt: 1781000000000,
      signature: "abcdefghijklmnopqrstuvwxyz_-AB",
    });
    expect(parseFormStamp("")).toBeNull();
    expect(parseFormStamp("abc.def")).toBeNull();
    expect(parseFormStamp("1781000000000")).toBeNull();
  });

  it("treats any text in the honeypot as a robot", () => {
    expect(isHoneypotFilled(undefined)).toBe(false);
    expect(isHoneypotFilled("")).toBe(false);
    expect(isHoneypotFilled("  ")).toBe(false);
    expect(isHoneypotFilled("http://spam.example")).toBe(true);
  });
});
