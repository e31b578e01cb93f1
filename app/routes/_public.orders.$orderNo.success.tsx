import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { getRules } from "~/modules/config/rules.server";
import { isBuyersOrder } from "~/modules/showroom/buyer-orders.server";
import { CART_CHANGED_EVENT, CART_STORAGE_KEY } from "~/modules/showroom/cart";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel, paymentMethodLabel } from "~/modules/showroom/labels";
import { lateRefundNotice } from "~/modules/showroom/late-payment";
import { orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { changeOrderStatus, getOrderByNo } from "~/modules/showroom/orders.server";
import {
  isOfflineMethod,
  maskAddress,
  paymentInstructions,
  showroomPaymentRules,
} from "~/modules/showroom/payment-instructions";
import { PaymentInstructionsCard } from "~/modules/showroom/payment-instructions-view";
import { retrieveSession } from "~/modules/showroom/stripe.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { formatDateTime, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "订单已提交 · 公益产品 · 益苗" }];

// Public, for the buyer only: the browser that placed the order (or looked it up
// with the buyer's phone) holds it in a signed cookie; anyone else who knows
// just the number gets "not found". Details beyond the number, items, total and
// status still need the phone (/orders/lookup).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const orderNo = params.orderNo ?? "";
  invariantResponse(await isBuyersOrder(request, orderNo), "未找到该订单", { status: 404 });
  await sweepExpiredOrders();
  const url = new URL(request.url);
  let order = await getOrderByNo(orderNo);
  invariantResponse(order, "未找到该订单", { status: 404 });
  const sessionId = url.searchParams.get("session_id");
  let stripeSaysPaid = false;
  if (sessionId && order.paymentMethod === "STRIPE" && order.stripeSessionId === sessionId) {
    // Never trust the redirect alone: ask Stripe whether this session was paid.
    let session;
    try {
      session = await retrieveSession(sessionId);
    } catch (error) {
      // Stripe unreachable: show the order as it stands; the webhook will still arrive.
      console.error("Stripe session check failed", error);
      session = null;
    }
    stripeSaysPaid = Boolean(session) && session!.payment_status === "paid" && session!.metadata?.orderId === order.id;
    if (session && stripeSaysPaid && order.status === "PENDING_PAYMENT") {
      const intent =
        typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
      try {
        await changeOrderStatus({
          orderId: order.id,
          to: "PAID",
          actor: { id: null, role: "SYSTEM" },
          paymentReference: intent ?? session.id,
          stripePaymentIntentId: intent,
        });
      } catch (error) {
        if (!(error instanceof WorkflowError)) throw error; // the webhook got there first
      }
      order = (await getOrderByNo(order.orderNo))!;
    }
  }
  const rules = await getRules();
  return {
    instructions: isOfflineMethod(order.paymentMethod)
      ? paymentInstructions(showroomPaymentRules(rules), order.paymentMethod, order.orderNo)
      : null,
    order: {
      orderNo: order.orderNo,
      delivery: order.delivery,
      // The order number alone opens this page: the address is shown only in part.
      addressHint: order.address ? maskAddress(order.address) : null,
      status: order.status,
      totalFen: order.totalFen,
      paymentMethod: order.paymentMethod,
      expiresAt: order.expiresAt,
      lateRefundFen: order.lateRefundId ? (order.lateRefundFen ?? order.totalFen) : null,
      lines: order.lines.map((l) => ({
        id: l.id,
        productName: l.productName,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen,
      })),
    },
    cancelled: url.searchParams.get("cancelled") === "1",
    // Paid after the order was cancelled or expired: the webhook refunds it (late-payment.ts).
    refundPending:
      stripeSaysPaid && !order.lateRefundId && (order.status === "CANCELLED" || order.status === "EXPIRED"),
  };
}

export default function OrderSubmittedPage() {
  const { order, cancelled, refundPending, instructions } = useLoaderData<typeof loader>();
  useEffect(() => {
    window.localStorage.removeItem(CART_STORAGE_KEY);
    window.dispatchEvent(new Event(CART_CHANGED_EVENT));
  }, []);
  const status = order.status as OrderState;
  const paid = status !== "PENDING_PAYMENT" && status !== "CANCELLED" && status !== "EXPIRED";
  return (
    <div>
      <PageHeader title={paid ? "支付成功" : "订单已提交"} />
      <div className="card space-y-2">
        <p>
          订单号：<strong className="font-mono">{order.orderNo}</strong>
        </p>
        <p>
          订单状态：<strong data-testid="order-status">{orderWorkflow.stateLabels[status] ?? status}</strong>
        </p>
        <p>金额：{formatFen(order.totalFen)}</p>
        <p>付款方式：{paymentMethodLabel(order.paymentMethod)}</p>
        <p>
          交付方式：{deliveryLabel(order.delivery)}
          {order.addressHint ? `（寄往 ${order.addressHint}）` : ""}
        </p>
        <ul className="list-disc pl-5 text-sm text-gray-700">
          {order.lines.map((l) => (
            <li key={l.id}>
              {l.productName} × {l.quantity}（{formatFen(l.unitPriceFen)}/件）
            </li>
          ))}
        </ul>
        {status === "PENDING_PAYMENT" && order.paymentMethod === "STRIPE" ? (
          <p className="text-sm text-gray-600">
            {cancelled ? "您已取消在线支付。" : "正在等待支付结果，请稍后刷新本页。"}库存保留至{" "}
            {formatDateTime(order.expiresAt)}。
          </p>
        ) : null}
        {order.lateRefundFen != null ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800" data-testid="late-refund">
            {lateRefundNotice(status, order.lateRefundFen)}
          </p>
        ) : refundPending ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800" data-testid="late-refund">
            收到您的付款时订单{orderWorkflow.stateLabels[status]}，款项将自动原路退回，请稍后刷新本页。
          </p>
        ) : null}
        {status === "PENDING_PAYMENT" && instructions ? (
          <>
            <PaymentInstructionsCard instructions={instructions} payBy={order.expiresAt} />
            <p className="text-sm text-gray-600">请记下订单号，可凭订单号和手机号码查询订单。</p>
          </>
        ) : null}
      </div>
      <p className="mt-4 text-sm">
        <Link to={`/orders/lookup?orderNo=${encodeURIComponent(order.orderNo)}`} className="link">
          查询订单
        </Link>
        <Link to="/products" className="link ml-4">
          继续选购
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
