// Form schemas for the staff showroom screens (order detail, product screening).
// Which moves need a reason comes from the workflow tables; no database here.
import { z } from "zod";
import type { Actor, TransitionRule, Workflow } from "~/modules/workflow/state-machine";
import { orderWorkflow, type OrderState } from "./order-workflow";
import { PRODUCT_STATES, productWorkflow, type ProductState } from "./product-workflow";

export const REASON_MAX = 200;
export const PAYMENT_REFERENCE_MAX = 100;

export const PAYMENT_REFERENCE_REQUIRED = "确认收款请填写付款凭证号（如柜台收据号、银行流水号）";

/** The message when a move needs a reason, e.g. 「取消订单」必须填写理由 (the same words the workflow uses). */
export const reasonRequiredMessage = (label: string) => `「${label}」必须填写理由`;

const optionalReason = z.string().trim().max(REASON_MAX, `理由最多 ${REASON_MAX} 个字`).optional();

const requiredReason = (label: string) =>
  z
    .string({ required_error: reasonRequiredMessage(label) })
    .trim()
    .min(1, reasonRequiredMessage(label))
    .max(REASON_MAX, `理由最多 ${REASON_MAX} 个字`);

/**
 * The rule `actor` follows to move to `to`: from `from` when it is known,
 * otherwise the first rule into `to` the actor may take (product screening
 * does not know the status before the transaction, which checks it again).
 */
export function staffRule<S extends string>(
  workflow: Workflow<S>,
  actor: Actor,
  to: S,
  from?: S,
): TransitionRule<S> | undefined {
  return workflow.transitions.find(
    (t) => t.to === to && t.by.includes(actor) && (from === undefined || t.from === from),
  );
}

// ---------------------------------------------------------------------------
// Order detail: one small form per move the order can make from its status.

/**
 * The form for moving an order from `from` to `to`. A reason is required where
 * the order workflow requires one for that move; 确认收款 needs a payment reference.
 * A move the table does not allow still parses, so the workflow can refuse it (409).
 */
export function orderChangeSchema(from: OrderState, to: OrderState) {
  const rule = orderWorkflow.find(from, to);
  return z.object({
    to: z.literal(to, { errorMap: () => ({ message: "请选择要执行的操作" }) }),
    reason: rule?.requiresReason ? requiredReason(rule.label) : optionalReason,
    paymentReference:
      to === "PAID"
        ? z
            .string({ required_error: PAYMENT_REFERENCE_REQUIRED })
            .trim()
            .min(1, PAYMENT_REFERENCE_REQUIRED)
            .max(PAYMENT_REFERENCE_MAX, `付款凭证号最多 ${PAYMENT_REFERENCE_MAX} 个字`)
        : z.string().trim().max(PAYMENT_REFERENCE_MAX, `付款凭证号最多 ${PAYMENT_REFERENCE_MAX} 个字`).optional(),
  });
}
export type OrderChangeInput = z.infer<ReturnType<typeof orderChangeSchema>>;

/** The order state named by a submitted `to`, or null. */
export function orderTarget(value: FormDataEntryValue | null): OrderState | null {
  return typeof value === "string" && orderWorkflow.isState(value) ? value : null;
}

// ---------------------------------------------------------------------------
// Product screening: one form per product, one submit button per move.

/** The states staff may move a product to (上架, 退回, 下架), read from the table. */
export const SCREENING_TARGETS: ProductState[] = PRODUCT_STATES.filter((s) =>
  productWorkflow.transitions.some((t) => t.to === s && t.by.includes("ADMIN")),
);

export const SCREENING_ACTION_REQUIRED = `请选择要执行的操作（${SCREENING_TARGETS.map((s) => staffRule(productWorkflow, "ADMIN", s)?.label).join("、")}）`;

/** The reason box's label, naming the moves that need one: 理由（退回、下架时必填）. */
export const SCREENING_REASON_LABEL = `理由（${SCREENING_TARGETS.map((s) => staffRule(productWorkflow, "ADMIN", s))
  .filter((t) => t?.requiresReason)
  .map((t) => t?.label)
  .join("、")}时必填）`;

export const ProductScreeningSchema = z
  .object({
    productId: z.string({ required_error: "请选择产品" }).min(1, "请选择产品").max(40, "请选择产品"),
    to: z
      .enum(PRODUCT_STATES, { errorMap: () => ({ message: SCREENING_ACTION_REQUIRED }) })
      .refine((v) => SCREENING_TARGETS.includes(v), SCREENING_ACTION_REQUIRED),
    reason: optionalReason,
  })
  .superRefine((value, ctx) => {
    const rule = staffRule(productWorkflow, "ADMIN", value.to);
    if (rule?.requiresReason && !value.reason) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: reasonRequiredMessage(rule.label) });
    }
  });
export type ProductScreeningInput = z.infer<typeof ProductScreeningSchema>;
