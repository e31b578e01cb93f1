import { describe, expect, test } from "vitest";
import { parseExpertiseTags } from "~/modules/review/expertise";
import { accountStatusLabels, lockedUntilDate } from "./status";

const now = new Date("2026-05-31T06:00:00.000Z"); // 14:00 in Shanghai

describe("accountStatusLabels", () => {
  test("active and disabled accounts", () => {
    expect(accountStatusLabels({ status: "ACTIVE", lockedUntil: null }, now)).toEqual(["正常"]);
    expect(accountStatusLabels({ status: "DISABLED", lockedUntil: null }, now)).toEqual(["已停用"]);
  });

  test("a lock in the future is shown with its Shanghai end time", () => {
    const lockedUntil = new Date("2026-05-31T06:15:00.000Z");
    expect(accountStatusLabels({ status: "ACTIVE", lockedUntil }, now)).toEqual(["正常", "已锁定至 14:15"]);
    expect(accountStatusLabels({ status: "DISABLED", lockedUntil: lockedUntil.toISOString() }, now)).toEqual([
      "已停用",
      "已锁定至 14:15",
    ]);
  });

  test("an expired lock is not shown", () => {
    expect(accountStatusLabels({ status: "ACTIVE", lockedUntil: new Date("2026-05-31T05:59:59.000Z") }, now)).toEqual([
      "正常",
    ]);
    expect(lockedUntilDate(now, now)).toBeNull();
  });
});

describe("parseExpertiseTags", () => {
  test("reads a JSON array of strings", () => {
    expect(parseExpertiseTags('["为老","财务"]')).toEqual(["为老", "财务"]);
  });

  test("tolerates empty, malformed and non-array data", () => {
    expect(parseExpertiseTags("")).toEqual([]);
    expect(parseExpertiseTags(null)).toEqual([]);
    expect(parseExpertiseTags("{oops")).toEqual([]);
    expect(parseExpertiseTags('{"a":1}')).toEqual([]);
    expect(parseExpertiseTags('["法律",3,null]')).toEqual(["法律"]);
  });
});
