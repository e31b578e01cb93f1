import { defineWorkflow } from "~/modules/workflow/state-machine";

export const ORDER_STATES = [
  "PENDING_PAYMENT",
  "PAID",
  "SHIPPED",
  "PICKED_UP",
  "COMPLETED",
  "CANCELLED",
  "EXPIRED",
  "REFUNDED",
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

// SYSTEM covers the Stripe webhook and the expiry sweep.
export const orderWorkflow = defineWorkflow<OrderState>({
  name: "order",
  stateLabels: {
    PENDING_PAYMENT: "待支付",
    PAID: "已支付",
    SHIPPED: "已发货",
    PICKED_UP: "已自提",
    COMPLETED: "已完成",
    CANCELLED: "已取消",
    EXPIRED: "已过期",
    REFUNDED: "已退款",
  },
  transitions: [
    { from: "PENDING_PAYMENT", to: "PAID", by: ["SYSTEM", "ADMIN"], label: "确认收款" },
    { from: "PENDING_PAYMENT", to: "EXPIRED", by: ["SYSTEM"], label: "超时未支付" },
    { from: "PENDING_PAYMENT", to: "CANCELLED", by: ["SYSTEM", "ADMIN"], label: "取消订单", requiresReason: true },
    { from: "PAID", to: "SHIPPED", by: ["ADMIN"], label: "发货" },
    { from: "PAID", to: "PICKED_UP", by: ["ADMIN"], label: "已自提" },
    { from: "PAID", to: "REFUNDED", by: ["ADMIN", "SYSTEM"], label: "退款", requiresReason: true },
    { from: "SHIPPED", to: "COMPLETED", by: ["ADMIN"], label: "完成" },
    { from: "PICKED_UP", to: "COMPLETED", by: ["ADMIN"], label: "完成" },
    { from: "SHIPPED", to: "REFUNDED", by: ["ADMIN", "SYSTEM"], label: "退款", requiresReason: true },
  ],
});

/**
 * States the buyer should be told the reason for on the lookup page, with the
 * label to show. The reason is the one staff (or the system) gave for the move.
 */
const BUYER_REASON_LABELS: Partial<Record<OrderState, string>> = { CANCELLED: "取消原因", REFUNDED: "退款原因" };

export function buyerReasonLabel(status: string): string | null {
  return orderWorkflow.isState(status) ? (BUYER_REASON_LABELS[status] ?? null) : null;
}
