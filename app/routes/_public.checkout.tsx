import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { useConformForm } from "~/components/use-form";
import { getRules } from "~/modules/config/rules.server";
import { rememberBuyersOrder } from "~/modules/showroom/buyer-orders.server";
import { checkCart, parseCartParam } from "~/modules/showroom/cart";
import { getCartProducts } from "~/modules/showroom/catalogue.server";
import { placeOrder } from "~/modules/showroom/checkout.server";
import { isStripeConfigured, orderExpiryMinutes } from "~/modules/showroom/config.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { PAYMENT_METHOD_LABELS } from "~/modules/showroom/labels";
import { paymentInstructions, showroomPaymentRules } from "~/modules/showroom/payment-instructions";
import { lineTotalFen } from "~/modules/showroom/pricing";
import { answerIntent, handler } from "~/utils/action.server";
import { formatFen } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "结算 · 公益产品 · 益苗" }];

const CheckoutSchema = z
  .object({
    items: z.string({ required_error: "购物车是空的" }).max(2000),
    buyerName: z
      .string({ required_error: "请填写收货人姓名" })
      .trim()
      .min(2, "姓名至少 2 个字")
      .max(20, "姓名最多 20 个字"),
    buyerPhone: z
      .string({ required_error: "请填写手机号码" })
      .trim()
      .regex(/^1[3-9]\d{9}$/, "请填写 11 位手机号码"),
    delivery: z.enum(["SHIPPING", "PICKUP"], {
      required_error: "请选择交付方式",
      invalid_type_error: "请选择交付方式",
    }),
    address: z.string().trim().max(200, "地址最多 200 个字").optional(),
    paymentMethod: z.enum(["STRIPE", "COUNTER", "BANK_TRANSFER"], {
      required_error: "请选择付款方式",
      invalid_type_error: "请选择付款方式",
    }),
  })
  .superRefine((value, ctx) => {
    if (value.delivery === "SHIPPING" && (value.address ?? "").length < 5) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["address"], message: "快递配送请填写详细收货地址" });
    }
  });

/** What each offline method asks of the buyer, shown before the order is placed. */
function offlineHelp(rules: ReturnType<typeof showroomPaymentRules>) {
  return (["COUNTER", "BANK_TRANSFER"] as const).map((method) => paymentInstructions(rules, method));
}

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page: anyone may buy without an account. Expired reservations go back first.
  await sweepExpiredOrders();
  const items = parseCartParam(new URL(request.url).searchParams.get("items"));
  const products = await getCartProducts(items.map((i) => i.productId));
  return {
    items,
    products,
    problems: checkCart(items, products),
    stripeEnabled: isStripeConfigured(),
    expiryMinutes: orderExpiryMinutes(),
    offlineHelp: offlineHelp(showroomPaymentRules(await getRules())),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  // Public: anyone may buy. Expired reservations go back first.
  await sweepExpiredOrders();
  return answerIntent(
    "checkout",
    await readForm(request),
    handler({
      schema: CheckoutSchema,
      run: (v) =>
        placeOrder({
          items: parseCartParam(v.items),
          buyerName: v.buyerName,
          buyerPhone: v.buyerPhone,
          delivery: v.delivery,
          address: v.address ?? null,
          paymentMethod: v.paymentMethod,
        }),
      // This browser may open the order's page from now on (also back from Stripe).
      done: async (result) =>
        redirect(result.redirectTo, {
          headers: { "Set-Cookie": await rememberBuyersOrder(request, result.orderNo) },
        }),
    }),
  );
}

export default function CheckoutPage() {
  const { items, products, problems, stripeEnabled, expiryMinutes, offlineHelp } = useLoaderData<typeof loader>();
  const [form, fields] = useConformForm({
    id: "checkout",
    schema: CheckoutSchema,
    reply: useActionData<typeof action>(),
    defaultValue: { delivery: "PICKUP", paymentMethod: "COUNTER" },
  });
  const navigation = useNavigation();
  const byId = new Map(products.map((p) => [p.id, p]));
  const total = items.reduce((sum, i) => {
    const p = byId.get(i.productId);
    return p ? sum + lineTotalFen(p.priceFen, i.quantity) : sum;
  }, 0);
  const canShip = items.every((i) => byId.get(i.productId)?.allowShipping);
  const canPickup = items.every((i) => byId.get(i.productId)?.allowPickup);
  const methods: ("STRIPE" | "COUNTER" | "BANK_TRANSFER")[] = stripeEnabled
    ? ["STRIPE", "COUNTER", "BANK_TRANSFER"]
    : ["COUNTER", "BANK_TRANSFER"];

  if (items.length === 0) {
    return (
      <div>
        <PageHeader title="结算" />
        <p className="card">
          购物车是空的。
          <Link to="/products" className="link ml-2">
            去看看公益产品
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div>
      <PageHeader
        title="结算"
        description={`在线支付为您保留库存 ${expiryMinutes} 分钟，线下付款的期限见付款方式下的说明；超时未付款订单将自动取消。`}
      />
      {problems.length ? (
        <div role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700">
          {problems.map((p) => (
            <p key={p.productId}>{p.message}</p>
          ))}
          <Link to="/cart" className="link">
            返回购物车修改
          </Link>
        </div>
      ) : null}
      <div className="card mb-4">
        <h2 className="mb-2 font-medium">订单内容</h2>
        <ul className="divide-y divide-gray-100 text-sm">
          {items.map((i) => {
            const p = byId.get(i.productId);
            return (
              <li key={i.productId} className="flex justify-between py-2">
                <span>
                  {p?.name ?? "产品已不存在"} × {i.quantity}
                </span>
                <span>{p ? formatFen(lineTotalFen(p.priceFen, i.quantity)) : "—"}</span>
              </li>
            );
          })}
        </ul>
        <p className="mt-2 text-right">
          合计 <span className="font-semibold text-brand-700">{formatFen(total)}</span>
        </p>
      </div>
      <Form method="post" {...getFormProps(form)} className="card grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="items" value={items.map((i) => `${i.productId}:${i.quantity}`).join(",")} />
        <Field meta={fields.buyerName} label="姓名" autoComplete="name" />
        <Field meta={fields.buyerPhone} label="手机号码" type="tel" inputMode="tel" autoComplete="tel" />
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium text-gray-700">交付方式</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {canPickup ? (
              <label className="flex items-center gap-2">
                <input {...getInputProps(fields.delivery, { type: "radio", value: "PICKUP" })} />
                展销厅自提
              </label>
            ) : null}
            {canShip ? (
              <label className="flex items-center gap-2">
                <input {...getInputProps(fields.delivery, { type: "radio", value: "SHIPPING" })} />
                快递配送
              </label>
            ) : null}
            {!canShip && !canPickup ? (
              <span className="text-red-600">购物车中的产品交付方式不同，请分开下单</span>
            ) : null}
          </div>
          {fields.delivery.errors ? <p className="mt-1 text-sm text-red-600">{fields.delivery.errors[0]}</p> : null}
        </fieldset>
        <TextareaField meta={fields.address} label="收货地址（快递配送时填写）" rows={2} className="sm:col-span-2" />
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium text-gray-700">付款方式</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {methods.map((m) => (
              <label key={m} className="flex items-center gap-2">
                <input {...getInputProps(fields.paymentMethod, { type: "radio", value: m })} />
                {PAYMENT_METHOD_LABELS[m]}
              </label>
            ))}
          </div>
          {fields.paymentMethod.errors ? (
            <p className="mt-1 text-sm text-red-600">{fields.paymentMethod.errors[0]}</p>
          ) : null}
          <ul className="mt-2 space-y-1 text-xs text-gray-600">
            {offlineHelp.map((help) => (
              <li key={help.method}>
                {PAYMENT_METHOD_LABELS[help.method]}：{help.summary}
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="sm:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={navigation.state !== "idle" || problems.length > 0}>
            {navigation.state !== "idle" ? "正在提交…" : "提交订单"}
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
