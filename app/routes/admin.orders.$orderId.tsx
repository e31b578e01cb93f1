import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel, paymentMethodLabel } from "~/modules/showroom/labels";
import { buyerReasonLabel, ORDER_STATES, orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { changeOrderStatus, getOrder } from "~/modules/showroom/orders.server";
import { splitLine, splitOrder } from "~/modules/showroom/pricing";
import { refundPayment } from "~/modules/showroom/stripe.server";
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { formatDateTime, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "订单详情 · 民政局管理后台 · 益苗" }];

const ChangeSchema = z.object({
  to: z.enum(ORDER_STATES),
  reason: z.string().trim().max(200, "理由最多 200 个字").optional(),
  paymentReference: z.string().trim().max(100, "付款凭证号最多 100 个字").optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  await sweepExpiredOrders();
  const order = await getOrder(params.orderId ?? "");
  invariantResponse(order, "未找到该订单", { status: 404 });
  return { order };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  await sweepExpiredOrders();
  const order = await getOrder(params.orderId ?? "");
  invariantResponse(order, "未找到该订单", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: ChangeSchema });
  if (submission.status !== "success") return Response.json({ error: "请求不正确" }, { status: 400 });
  const { to, reason, paymentReference } = submission.value;
  if (to === "PAID" && !paymentReference) {
    return Response.json({ error: "确认收款请填写付款凭证号（如柜台收据号、银行流水号）" }, { status: 400 });
  }
  try {
    // Check the table before calling Stripe, so a refused move never refunds.
    orderWorkflow.assert(order.status as OrderState, to, "ADMIN", reason);
    if (to === "REFUNDED" && order.paymentMethod === "STRIPE") {
      invariantResponse(order.stripePaymentIntentId, "该订单没有在线支付记录，无法原路退款", { status: 409 });
      await refundPayment(order.id, order.stripePaymentIntentId);
    }
    await changeOrderStatus({
      orderId: order.id,
      to,
      actor: { id: user.id, role: "ADMIN" },
      reason: reason || null,
      paymentReference: paymentReference || null,
      request,
    });
  } catch (error) {
    const response = workflowErrorResponse(error);
    if (response) return Response.json({ error: await response.text() }, { status: response.status });
    throw error;
  }
  return redirect(`/admin/orders/${order.id}`);
}

export default function AdminOrderPage() {
  const { order } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { error: string } | undefined;
  const navigation = useNavigation();
  const status = order.status as OrderState;
  const available = orderWorkflow.available(status, "ADMIN");
  const split = splitOrder(order.lines);
  return (
    <div>
      <PageHeader
        title={`订单 ${order.orderNo}`}
        description={<>状态：{orderWorkflow.stateLabels[status] ?? status}</>}
        actions={
          <Link to="/admin/orders" className="btn-secondary">
            返回列表
          </Link>
        }
      />
      <div className="card mb-4 grid gap-1 text-sm sm:grid-cols-2">
        <p>下单人：{order.buyerName}</p>
        <p>手机：{order.buyerPhone}</p>
        <p>
          交付：{deliveryLabel(order.delivery)}
          {order.address ? `（${order.address}）` : ""}
        </p>
        <p>付款方式：{paymentMethodLabel(order.paymentMethod)}</p>
        <p>下单时间：{formatDateTime(order.createdAt)}</p>
        <p>{status === "PENDING_PAYMENT" ? `付款期限：${formatDateTime(order.expiresAt)}` : `付款时间：${formatDateTime(order.paidAt)}`}</p>
        {order.paymentReference ? <p>付款凭证：{order.paymentReference}</p> : null}
        {order.refundedAt ? <p>退款时间：{formatDateTime(order.refundedAt)}</p> : null}
      </div>
      {order.lateRefundId ? (
        <section className="card mb-4 space-y-1 border-amber-200 bg-amber-50 text-sm text-amber-900" aria-label="迟到付款退款">
          <h2 className="font-medium">迟到付款已自动退款</h2>
          <p>
            订单{orderWorkflow.stateLabels[status] ?? status}后收到在线付款，系统已原路退回 {formatFen(order.lateRefundFen)}。
          </p>
          <p>退款时间：{formatDateTime(order.lateRefundedAt)}</p>
          <p>
            Stripe 退款编号：<span className="font-mono">{order.lateRefundId}</span>
          </p>
          {order.latePaymentIntentId ? (
            <p>
              付款编号：<span className="font-mono">{order.latePaymentIntentId}</span>
            </p>
          ) : null}
        </section>
      ) : null}
      <div className="mb-4 overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th>产品</th>
              <th>单价</th>
              <th>数量</th>
              <th>金额</th>
              <th>制作者所得</th>
              <th>社区微基金</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {order.lines.map((l) => {
              const s = splitLine(l);
              return (
                <tr key={l.id}>
                  <td>{l.productName}</td>
                  <td>{formatFen(l.unitPriceFen)}</td>
                  <td>{l.quantity}</td>
                  <td>{formatFen(s.totalFen)}</td>
                  <td>
                    {formatFen(s.makerFen)}（{l.makerSharePct}%）
                  </td>
                  <td>
                    {formatFen(s.fundFen)}（{l.fundSharePct}%）
                  </td>
                </tr>
              );
            })}
            <tr className="font-medium">
              <td colSpan={3}>合计</td>
              <td>{formatFen(split.totalFen)}</td>
              <td>{formatFen(split.makerFen)}</td>
              <td>{formatFen(split.fundFen)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {available.length ? (
        <div className="space-y-3">
          {available.map((t) => (
            <Form key={t.to} method="post" className="card flex flex-wrap items-end gap-3">
              <input type="hidden" name="to" value={t.to} />
              {t.to === "PAID" ? (
                <label className="min-w-[16rem] flex-1 text-sm">
                  付款凭证号
                  <input name="paymentReference" className="input" maxLength={100} placeholder="柜台收据号或银行流水号" />
                </label>
              ) : null}
              {t.requiresReason ? (
                <label className="min-w-[16rem] flex-1 text-sm">
                  {t.label}理由
                  <input name="reason" className="input" maxLength={200} />
                  {buyerReasonLabel(t.to) ? <span className="mt-1 block text-xs text-gray-500">买家查询订单时可看到此理由</span> : null}
                </label>
              ) : null}
              <button type="submit" className={t.to === "CANCELLED" || t.to === "REFUNDED" ? "btn-danger" : "btn-primary"} disabled={navigation.state !== "idle"}>
                {t.label}
                {t.to === "REFUNDED" && order.paymentMethod === "STRIPE" ? "（在线原路退回）" : ""}
              </button>
            </Form>
          ))}
        </div>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          {actionData.error}
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
