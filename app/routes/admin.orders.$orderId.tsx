import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { ScrollBox } from "~/components/scroll-box";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel, paymentMethodLabel } from "~/modules/showroom/labels";
import { buyerReasonLabel, orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { changeOrderStatus, getOrder } from "~/modules/showroom/orders.server";
import { splitLine, splitOrder } from "~/modules/showroom/pricing";
import { orderChangeSchema, orderTarget } from "~/modules/showroom/staff-forms";
import { refundPayment } from "~/modules/showroom/stripe.server";
import type { TransitionRule } from "~/modules/workflow/state-machine";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDateTime, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { fail } from "~/utils/write-result";

export const meta: MetaFunction = () => [{ title: "订单详情 · 民政局管理后台 · 益苗" }];

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
  const formData = await readForm(request);
  const to = orderTarget(formData.get("to"));
  invariantResponse(to, "未知操作");
  const from = order.status as OrderState;
  // One form per move: the move (`to`) names the form the reply is for.
  return answerIntent(
    to,
    formData,
    handler({
      schema: orderChangeSchema(from, to),
      run: async ({ reason, paymentReference }) => {
        // Check the table before calling Stripe, so a refused move never refunds.
        orderWorkflow.assert(from, to, "ADMIN", reason);
        if (to === "REFUNDED" && order.paymentMethod === "STRIPE") {
          if (!order.stripePaymentIntentId) return fail("该订单没有在线支付记录，无法原路退款", { status: 409 });
          await refundPayment(order.id, order.stripePaymentIntentId);
        }
        await changeOrderStatus({
          orderId: order.id,
          to,
          actor: { id: user.id, role: "ADMIN" },
          reason: reason || null,
          paymentReference: to === "PAID" ? paymentReference || null : null,
          request,
        });
      },
      done: () => redirect(`/admin/orders/${order.id}`),
    }),
  );
}

export default function AdminOrderPage() {
  const { order } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
        <p>
          {status === "PENDING_PAYMENT"
            ? `付款期限：${formatDateTime(order.expiresAt)}`
            : `付款时间：${formatDateTime(order.paidAt)}`}
        </p>
        {order.paymentReference ? <p>付款凭证：{order.paymentReference}</p> : null}
        {order.refundedAt ? <p>退款时间：{formatDateTime(order.refundedAt)}</p> : null}
      </div>
      {order.lateRefundId ? (
        <section
          className="card mb-4 space-y-1 border-amber-200 bg-amber-50 text-sm text-amber-900"
          aria-label="迟到付款退款"
        >
          <h2 className="font-medium">迟到付款已自动退款</h2>
          <p>
            订单{orderWorkflow.stateLabels[status] ?? status}后收到在线付款，系统已原路退回{" "}
            {formatFen(order.lateRefundFen)}。
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
      <ScrollBox label="订单明细" className="mb-4 rounded-lg border border-gray-200 bg-white">
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
      </ScrollBox>
      {/* A refused move whose form is gone (the order moved meanwhile) is reported above the forms. */}
      {actionData && !available.some((t) => t.to === actionData.intent) ? (
        <FormErrors errors={actionData.result.error?.[""]} />
      ) : null}
      {available.length ? (
        <div className="space-y-3">
          {available.map((t) => (
            <ChangeForm
              key={t.to}
              from={status}
              rule={t}
              stripeRefund={t.to === "REFUNDED" && order.paymentMethod === "STRIPE"}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** One move of the order (确认收款, 发货, 取消订单…), with the fields the workflow asks for. */
function ChangeForm({
  from,
  rule,
  stripeRefund,
}: {
  from: OrderState;
  rule: TransitionRule<OrderState>;
  stripeRefund: boolean;
}) {
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: `order-${rule.to}`,
    intent: rule.to,
    schema: orderChangeSchema(from, rule.to),
    reply: useActionData<typeof action>(),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3" aria-label={rule.label}>
      <input type="hidden" name="to" value={rule.to} />
      {rule.to === "PAID" || rule.requiresReason ? (
        <div className="flex flex-wrap gap-3">
          {rule.to === "PAID" ? (
            <Field
              meta={fields.paymentReference}
              label="付款凭证号"
              placeholder="柜台收据号或银行流水号"
              className="min-w-[16rem] flex-1"
            />
          ) : null}
          {rule.requiresReason ? (
            <Field
              meta={fields.reason}
              label={`${rule.label}理由`}
              hint={buyerReasonLabel(rule.to) ? "买家查询订单时可看到此理由" : undefined}
              className="min-w-[16rem] flex-1"
            />
          ) : null}
        </div>
      ) : null}
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.to.errors ?? [])]} />
      <button
        type="submit"
        className={rule.to === "CANCELLED" || rule.to === "REFUNDED" ? "btn-danger" : "btn-primary"}
        disabled={pending}
      >
        {rule.label}
        {stripeRefund ? "（在线原路退回）" : ""}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
