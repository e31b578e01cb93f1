import { expect, test } from "vitest";
import {
  LOOKUP_FAILURES_PER_IP,
  LOOKUP_FAILURES_PER_ORDER,
  LOOKUP_LIMITED_MESSAGE,
  lookupAllowed,
  lookupWindowStart,
} from "./lookup-limit";

test("the limits: 10 failures per order number, 20 per address, over 15 minutes", () => {
  expect(LOOKUP_FAILURES_PER_ORDER).toBe(10);
  expect(LOOKUP_FAILURES_PER_IP).toBe(20);
  expect(LOOKUP_LIMITED_MESSAGE).toBe("查询过于频繁，请 15 分钟后再试");
  expect(lookupWindowStart(new Date("2026-11-23T10:15:00Z")).toISOString()).toBe("2026-11-23T10:00:00.000Z");
});

test("counts include the current attempt: the 10th failure on one order is still answered, the 11th is refused", () => {
  expect(lookupAllowed({ byIp: 1, byOrderNo: 1 })).toBe(true);
  expect(lookupAllowed({ byIp: 10, byOrderNo: 10 })).toBe(true);
  expect(lookupAllowed({ byIp: 11, byOrderNo: 11 })).toBe(false);
});

test("either count alone refuses", () => {
  expect(lookupAllowed({ byIp: 20, byOrderNo: 1 })).toBe(true);
  expect(lookupAllowed({ byIp: 21, byOrderNo: 1 })).toBe(false);
  expect(lookupAllowed({ byIp: 1, byOrderNo: 11 })).toBe(false);
});
