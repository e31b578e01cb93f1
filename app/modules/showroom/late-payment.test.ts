import { describe, expect, test } from "vitest";
import {
  decideSessionPayment,
  lateRefundIdempotencyKey,
  lateRefundNotice,
  type SessionPaymentOrder,
} from "./late-payment";

const order = (over: Partial<SessionPaymentOrder> = {}): SessionPaymentOrder => ({
  status: "PENDING_PAYMENT",
  stripePaymentIntentId: null,
  paymentReference: null,
  latePaymentIntentId: null,
  lateRefundId: null,
  ...over,
});

describe("a paid Checkout Session", () => {
  test("marks a waiting order paid", () => {
    expect(decideSessionPayment(order(), "pi_1")).toEqual({ kind: "pay" });
  });
  test("is refunded when the order was cancelled or expired first", () => {
    expect(decideSessionPayment(order({ status: "CANCELLED" }), "pi_1")).toEqual({
      kind: "refund",
      paymentIntentId: "pi_1",
    });
    expect(decideSessionPayment(order({ status: "EXPIRED" }), "pi_1")).toEqual({
      kind: "refund",
      paymentIntentId: "pi_1",
    });
  });
  test("is not refunded twice once the refund is recorded", () => {
    const refunded = order({ status: "CANCELLED", latePaymentIntentId: "pi_1", lateRefundId: "re_1" });
    expect(decideSessionPayment(refunded, "pi_1")).toEqual({ kind: "ignore", why: "already-refunded" });
    // Recorded intent without a refund id is not a refund.
    expect(decideSessionPayment(order({ status: "EXPIRED", latePaymentIntentId: "pi_1" }), "pi_1").kind).toBe("refund");
  });
  test("is ignored when it is the payment the order was marked paid with", () => {
    for (const status of ["PAID", "SHIPPED", "PICKED_UP", "COMPLETED", "REFUNDED"]) {
      expect(decideSessionPayment(order({ status, stripePaymentIntentId: "pi_1" }), "pi_1")).toEqual({
        kind: "ignore",
        why: "already-paid",
      });
    }
    expect(decideSessionPayment(order({ status: "PAID", paymentReference: "pi_1" }), "pi_1")).toEqual({
      kind: "ignore",
      why: "already-paid",
    });
  });
  test("goes to staff when the order was paid some other way, or there is no payment to refund", () => {
    expect(decideSessionPayment(order({ status: "PAID", paymentReference: "柜台收据 0012" }), "pi_1")).toEqual({
      kind: "manual",
      why: "other-payment",
    });
    expect(decideSessionPayment(order({ status: "REFUNDED", stripePaymentIntentId: "pi_0" }), "pi_1")).toEqual({
      kind: "manual",
      why: "other-payment",
    });
    expect(decideSessionPayment(order({ status: "CANCELLED" }), null)).toEqual({
      kind: "manual",
      why: "no-payment-intent",
    });
  });
  test("is ignored for an order that is not ours", () => {
    expect(decideSessionPayment(null, "pi_1")).toEqual({ kind: "ignore", why: "no-order" });
  });
});

test("one idempotency key per payment", () => {
  expect(lateRefundIdempotencyKey("pi_1")).toBe(lateRefundIdempotencyKey("pi_1"));
  expect(lateRefundIdempotencyKey("pi_1")).not.toBe(lateRefundIdempotencyKey("pi_2"));
});

test("the buyer's notice", () => {
  expect(lateRefundNotice("CANCELLED", 123450)).toBe("该订单已取消，您的在线付款 ¥1,234.50 已原路退回");
  expect(lateRefundNotice("EXPIRED", 4550)).toBe("该订单已过期，您的在线付款 ¥45.50 已原路退回");
});
