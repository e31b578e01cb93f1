import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { useConformForm } from "~/components/use-form";
import { getRules } from "~/modules/config/rules.server";
import { rememberBuyersOrder } from "~/modules/showroom/buyer-orders.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel, paymentMethodLabel } from "~/modules/showroom/labels";
import { lateRefundNotice } from "~/modules/showroom/late-payment";
import { LOOKUP_LIMITED_MESSAGE, LOOKUP_WINDOW_MINUTES } from "~/modules/showroom/lookup-limit";
import { limitedLookupOrder } from "~/modules/showroom/lookup-limit.server";
import { orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { buyerStatusReason } from "~/modules/showroom/orders.server";
import { isOfflineMethod, paymentInstructions, showroomPaymentRules } from "~/modules/showroom/payment-instructions";
import { PaymentInstructionsCard } from "~/modules/showroom/payment-instructions-view";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDateTime, formatFen } from "~/utils/format";
import { readForm } from "~/utils/request-body.server";
import { fail, succeed } from "~/utils/write-result";

export const meta: MetaFunction = () => [{ title: "查询订单 · 公益产品 · 益苗" }];

const LookupSchema = z.object({
  orderNo: z.string({ required_error: "请填写订单号" }).trim().toUpperCase().max(40, "订单号不正确"),
  buyerPhone: z
    .string({ required_error: "请填写下单时的手机号码" })
    .trim()
    .regex(/^1[3-9]\d{9}$/, "请填写 11 位手机号码"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page; the lookup itself is a POST so the phone stays out of URLs and logs.
  // The order page links here with its number, so only the phone is left to type.
  const orderNo = new URL(request.url).searchParams.get("orderNo")?.trim().slice(0, 40) ?? "";
  return { orderNo };
}

export async function action({ request }: ActionFunctionArgs) {
  // Public: no account needed; the order number and phone together are the key, behind a rate limit.
  await sweepExpiredOrders();
  return answerIntent(
    LOOKUP,
    await readForm(request),
    handler({
      schema: LookupSchema,
      run: async ({ orderNo, buyerPhone }) => {
        const lookup = await limitedLookupOrder(request, orderNo, buyerPhone);
        if (lookup.kind === "limited") {
          const headers = { "Retry-After": String(LOOKUP_WINDOW_MINUTES * 60) };
          return fail(LOOKUP_LIMITED_MESSAGE, { status: 429, headers });
        }
        if (lookup.kind === "not-found") return fail("没有找到该订单，请核对订单号和手机号码", { status: 404 });
        const order = await buyerView(lookup.order);
        const instructions =
          order.status === "PENDING_PAYMENT" && isOfflineMethod(order.paymentMethod)
            ? paymentInstructions(showroomPaymentRules(await getRules()), order.paymentMethod, order.orderNo)
            : null;
        return succeed({ order, instructions });
      },
      // The phone proved this is the buyer: the order's own page opens for this browser too.
      done: async ({ order, instructions }) =>
        data(
          { intent: LOOKUP, order, instructions },
          { headers: { "Set-Cookie": await rememberBuyersOrder(request, order.orderNo) } },
        ),
    }),
  );
}

const LOOKUP = "order-lookup";

/** What the buyer sees of the order. */
async function buyerView(order: Extract<Awaited<ReturnType<typeof limitedLookupOrder>>, { kind: "found" }>["order"]) {
  const found: LookedUpOrder = {
    orderNo: order.orderNo,
    buyerName: order.buyerName,
    status: order.status,
    delivery: order.delivery,
    address: order.address,
    paymentMethod: order.paymentMethod,
    totalFen: order.totalFen,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    statusReason: await buyerStatusReason(order.id, order.status),
    lateRefundFen: order.lateRefundId ? (order.lateRefundFen ?? order.totalFen) : null,
    lines: order.lines.map((l) => ({
      id: l.id,
      productName: l.productName,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
    })),
  };
  return found;
}

type LookedUpOrder = {
  orderNo: string;
  buyerName: string;
  status: string;
  delivery: string;
  address: string | null;
  paymentMethod: string;
  totalFen: number;
  createdAt: Date | string;
  expiresAt: Date | string;
  paidAt: Date | string | null;
  /** why the order was cancelled or refunded, as staff wrote it */
  statusReason: { label: string; text: string } | null;
  /** set when an online payment arrived after the order was cancelled or expired and was refunded */
  lateRefundFen: number | null;
  lines: { id: string; productName: string; quantity: number; unitPriceFen: number }[];
};

export default function OrderLookupPage() {
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useConformForm({
    id: LOOKUP,
    schema: LookupSchema,
    reply: reply && "result" in reply ? reply : undefined,
    defaultValue: { orderNo: useLoaderData<typeof loader>().orderNo },
  });
  const order = reply && "order" in reply ? reply.order : null;
  const instructions = reply && "instructions" in reply ? reply.instructions : null;
  return (
    <div>
      <PageHeader title="查询订单" description="无需登录，凭订单号和下单时填写的手机号码查询。" />
      <Form method="post" {...getFormProps(form)} className="card mb-4 grid gap-4 sm:grid-cols-3">
        <Field meta={fields.orderNo} label="订单号" placeholder="如：YM20261123-01234567" />
        <Field meta={fields.buyerPhone} label="手机号码" type="tel" inputMode="tel" />
        <div className="flex items-end">
          <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
            查询
          </button>
        </div>
        <div className="sm:col-span-3">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
      </Form>
      {order ? (
        <section className="card space-y-1 text-sm" aria-label="订单详情">
          <h2 className="mb-2 text-base font-medium">订单 {order.orderNo}</h2>
          <p>
            状态：<strong>{orderWorkflow.stateLabels[order.status as OrderState] ?? order.status}</strong>
          </p>
          {order.statusReason ? (
            <p>
              {order.statusReason.label}：{order.statusReason.text}
            </p>
          ) : null}
          <p>下单人：{order.buyerName}</p>
          <p>下单时间：{formatDateTime(order.createdAt)}</p>
          <p>
            交付方式：{deliveryLabel(order.delivery)}
            {order.address ? `（${order.address}）` : ""}
          </p>
          <p>付款方式：{paymentMethodLabel(order.paymentMethod)}</p>
          {order.paidAt ? <p>付款时间：{formatDateTime(order.paidAt)}</p> : null}
          {order.status === "PENDING_PAYMENT" && instructions ? (
            <PaymentInstructionsCard instructions={instructions} payBy={order.expiresAt} />
          ) : order.status === "PENDING_PAYMENT" ? (
            <p>请在 {formatDateTime(order.expiresAt)} 前付款。</p>
          ) : null}
          {order.lateRefundFen != null ? (
            <p className="rounded-md bg-amber-50 p-3 text-amber-800" data-testid="late-refund">
              {lateRefundNotice(order.status, order.lateRefundFen)}
            </p>
          ) : null}
          <ul className="list-disc pl-5">
            {order.lines.map((l) => (
              <li key={l.id}>
                {l.productName} × {l.quantity}（{formatFen(l.unitPriceFen)}/件）
              </li>
            ))}
          </ul>
          <p className="font-medium">合计 {formatFen(order.totalFen)}</p>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
