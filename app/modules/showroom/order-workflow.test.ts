import { describe, expect, test } from "vitest";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { buyerReasonLabel, ORDER_STATES, orderWorkflow } from "./order-workflow";
import { productWorkflow } from "./product-workflow";

describe("order transitions", () => {
  test("payment: the system (Stripe, expiry) or staff confirm; nobody else", () => {
    expect(orderWorkflow.canTransition("PENDING_PAYMENT", "PAID", "SYSTEM")).toBe(true);
    expect(orderWorkflow.canTransition("PENDING_PAYMENT", "PAID", "ADMIN")).toBe(true);
    expect(orderWorkflow.canTransition("PENDING_PAYMENT", "PAID", "ORG_MEMBER")).toBe(false);
  });
  test("only the system expires an unpaid order", () => {
    expect(orderWorkflow.canTransition("PENDING_PAYMENT", "EXPIRED", "SYSTEM")).toBe(true);
    expect(orderWorkflow.canTransition("PENDING_PAYMENT", "EXPIRED", "ADMIN")).toBe(false);
  });
  test("fulfilment: 已支付 → 已发货/已自提 → 已完成", () => {
    expect(
      orderWorkflow
        .available("PAID", "ADMIN")
        .map((t) => t.to)
        .sort(),
    ).toEqual(["PICKED_UP", "REFUNDED", "SHIPPED"]);
    expect(orderWorkflow.canTransition("SHIPPED", "COMPLETED", "ADMIN")).toBe(true);
    expect(orderWorkflow.canTransition("PICKED_UP", "COMPLETED", "ADMIN")).toBe(true);
    expect(orderWorkflow.canTransition("PENDING_PAYMENT", "SHIPPED", "ADMIN")).toBe(false);
  });
  test("cancellation and refund need a reason; finished orders cannot move", () => {
    expect(() => orderWorkflow.assert("PENDING_PAYMENT", "CANCELLED", "ADMIN", "")).toThrow(WorkflowError);
    expect(orderWorkflow.assert("PENDING_PAYMENT", "CANCELLED", "ADMIN", "买家取消").to).toBe("CANCELLED");
    expect(() => orderWorkflow.assert("PAID", "REFUNDED", "ADMIN", null)).toThrow("必须填写理由");
    expect(() => orderWorkflow.assert("PAID", "CANCELLED", "ADMIN", "x")).toThrow(WorkflowError);
    for (const done of ["COMPLETED", "CANCELLED", "EXPIRED", "REFUNDED"] as const) {
      expect(orderWorkflow.available(done, "ADMIN")).toEqual([]);
      expect(orderWorkflow.available(done, "SYSTEM")).toEqual([]);
    }
  });
});

describe("reasons shown to the buyer", () => {
  test("a cancelled or refunded order tells the buyer why; other states do not", () => {
    expect(buyerReasonLabel("CANCELLED")).toBe("取消原因");
    expect(buyerReasonLabel("REFUNDED")).toBe("退款原因");
    for (const s of ["PENDING_PAYMENT", "PAID", "SHIPPED", "PICKED_UP", "COMPLETED", "EXPIRED", "NOPE"])
      expect(buyerReasonLabel(s)).toBeNull();
  });
  test("every move into those states requires a reason, so there is always one to show", () => {
    const shown = ORDER_STATES.filter((s) => buyerReasonLabel(s));
    const moves = orderWorkflow.transitions.filter((t) => shown.includes(t.to));
    expect(moves.length).toBeGreaterThan(0);
    for (const t of moves) expect(t.requiresReason).toBe(true);
  });
});

describe("product transitions", () => {
  test("staff list or return a pending product; members cannot list their own", () => {
    expect(productWorkflow.canTransition("PENDING", "LISTED", "ADMIN")).toBe(true);
    expect(productWorkflow.canTransition("PENDING", "LISTED", "ORG_MEMBER")).toBe(false);
    expect(() => productWorkflow.assert("PENDING", "RETURNED", "ADMIN", " ")).toThrow("必须填写理由");
  });
  test("both staff and the organization can take a listed product down", () => {
    expect(productWorkflow.canTransition("LISTED", "UNLISTED", "ADMIN")).toBe(true);
    expect(productWorkflow.canTransition("LISTED", "UNLISTED", "ORG_MEMBER")).toBe(true);
  });
});
