import { parseWithZod } from "@conform-to/zod";
import { describe, expect, test } from "vitest";
import { ORDER_STATES, orderWorkflow } from "./order-workflow";
import { productWorkflow } from "./product-workflow";
import {
  orderChangeSchema,
  orderTarget,
  PAYMENT_REFERENCE_REQUIRED,
  ProductScreeningSchema,
  SCREENING_REASON_LABEL,
  SCREENING_TARGETS,
} from "./staff-forms";

/** The field errors of a submission, or undefined when it parsed. */
function errorsOf(
  submission: { status?: string; error?: Record<string, string[] | null> | null } | { status: "success" },
) {
  return "error" in submission ? (submission.error ?? undefined) : undefined;
}

function form(entries: Record<string, string | undefined>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) data.append(k, v);
  return data;
}

describe("order change form", () => {
  test("a reason is required exactly where the order workflow requires one", () => {
    for (const rule of orderWorkflow.transitions.filter((t) => t.by.includes("ADMIN"))) {
      const extra = rule.to === "PAID" ? { paymentReference: "收据 001" } : {};
      const result = parseWithZod(form({ to: rule.to, ...extra }), { schema: orderChangeSchema(rule.from, rule.to) });
      if (rule.requiresReason) {
        expect(result.status, `${rule.from} → ${rule.to}`).toBe("error");
        expect(errorsOf(result)?.reason).toEqual([`「${rule.label}」必须填写理由`]);
      } else {
        expect(result.status, `${rule.from} → ${rule.to}`).toBe("success");
      }
    }
  });

  test("cancelling with a blank or whitespace reason is refused at the reason field; a real one passes, trimmed", () => {
    const schema = orderChangeSchema("PENDING_PAYMENT", "CANCELLED");
    for (const reason of ["", "   "]) {
      const result = parseWithZod(form({ to: "CANCELLED", reason }), { schema });
      expect(errorsOf(result)?.reason).toEqual(["「取消订单」必须填写理由"]);
    }
    const ok = parseWithZod(form({ to: "CANCELLED", reason: "  买家来电要求取消 " }), { schema });
    expect(ok.status === "success" && ok.value).toEqual({ to: "CANCELLED", reason: "买家来电要求取消" });
  });

  test("refunds need a reason from both paid and shipped", () => {
    for (const from of ["PAID", "SHIPPED"] as const) {
      const result = parseWithZod(form({ to: "REFUNDED" }), { schema: orderChangeSchema(from, "REFUNDED") });
      expect(errorsOf(result)?.reason).toEqual(["「退款」必须填写理由"]);
    }
  });

  test("确认收款 needs a payment reference, at most 100 characters", () => {
    const schema = orderChangeSchema("PENDING_PAYMENT", "PAID");
    expect(errorsOf(parseWithZod(form({ to: "PAID" }), { schema }))?.paymentReference).toEqual([
      PAYMENT_REFERENCE_REQUIRED,
    ]);
    expect(errorsOf(parseWithZod(form({ to: "PAID", paymentReference: "  " }), { schema }))?.paymentReference).toEqual([
      PAYMENT_REFERENCE_REQUIRED,
    ]);
    expect(
      errorsOf(parseWithZod(form({ to: "PAID", paymentReference: "x".repeat(101) }), { schema }))?.paymentReference,
    ).toEqual(["付款凭证号最多 100 个字"]);
    const ok = parseWithZod(form({ to: "PAID", paymentReference: " 柜台收据 No.0001 " }), { schema });
    expect(ok.status === "success" && ok.value.paymentReference).toBe("柜台收据 No.0001");
  });

  test("reasons are at most 200 characters, even where optional", () => {
    const tooLong = "理".repeat(201);
    expect(
      errorsOf(
        parseWithZod(form({ to: "CANCELLED", reason: tooLong }), {
          schema: orderChangeSchema("PENDING_PAYMENT", "CANCELLED"),
        }),
      )?.reason,
    ).toEqual(["理由最多 200 个字"]);
    expect(
      errorsOf(parseWithZod(form({ to: "SHIPPED", reason: tooLong }), { schema: orderChangeSchema("PAID", "SHIPPED") }))
        ?.reason,
    ).toEqual(["理由最多 200 个字"]);
  });

  test("the move must be the form's own; a move the table refuses still parses, for the workflow to refuse", () => {
    expect(
      errorsOf(parseWithZod(form({ to: "SHIPPED" }), { schema: orderChangeSchema("PAID", "REFUNDED") }))?.to,
    ).toEqual(["请选择要执行的操作"]);
    // Already cancelled by someone else: no rule, so the form passes and orderWorkflow.assert answers 409.
    expect(parseWithZod(form({ to: "SHIPPED" }), { schema: orderChangeSchema("CANCELLED", "SHIPPED") }).status).toBe(
      "success",
    );
  });

  test("orderTarget reads only known states", () => {
    for (const s of ORDER_STATES) expect(orderTarget(s)).toBe(s);
    expect(orderTarget("DELETED")).toBeNull();
    expect(orderTarget(null)).toBeNull();
  });
});

describe("product screening form", () => {
  test("staff may list, return and take down, read from the workflow", () => {
    expect(SCREENING_TARGETS).toEqual(["LISTED", "RETURNED", "UNLISTED"]);
    expect(SCREENING_REASON_LABEL).toBe("理由（退回、下架时必填）");
  });

  test("a reason is required exactly where the product workflow requires one", () => {
    for (const rule of productWorkflow.transitions.filter((t) => t.by.includes("ADMIN"))) {
      const result = parseWithZod(form({ productId: "p1", to: rule.to }), { schema: ProductScreeningSchema });
      if (rule.requiresReason) expect(errorsOf(result)?.reason, rule.label).toEqual([`「${rule.label}」必须填写理由`]);
      else expect(result.status, rule.label).toBe("success");
    }
    expect(
      errorsOf(
        parseWithZod(form({ productId: "p1", to: "RETURNED", reason: "  " }), { schema: ProductScreeningSchema }),
      )?.reason,
    ).toEqual(["「退回」必须填写理由"]);
    const ok = parseWithZod(form({ productId: "p1", to: "RETURNED", reason: " 图片太暗 " }), {
      schema: ProductScreeningSchema,
    });
    expect(ok.status === "success" && ok.value).toEqual({ productId: "p1", to: "RETURNED", reason: "图片太暗" });
  });

  test("moves only organizations make, or none at all, are refused with a Chinese message", () => {
    for (const to of [undefined, "PENDING", "DELETED"]) {
      const result = parseWithZod(form({ productId: "p1", ...(to ? { to } : {}) }), { schema: ProductScreeningSchema });
      expect(errorsOf(result)?.to).toEqual(["请选择要执行的操作（上架、退回、下架）"]);
    }
    expect(errorsOf(parseWithZod(form({ to: "LISTED" }), { schema: ProductScreeningSchema }))?.productId).toEqual([
      "请选择产品",
    ]);
    expect(
      errorsOf(
        parseWithZod(form({ productId: "p1", to: "LISTED", reason: "理".repeat(201) }), {
          schema: ProductScreeningSchema,
        }),
      )?.reason,
    ).toEqual(["理由最多 200 个字"]);
  });
});
