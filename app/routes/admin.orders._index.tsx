import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel, paymentMethodLabel } from "~/modules/showroom/labels";
import { ORDER_STATES, orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { listOrdersForAdmin } from "~/modules/showroom/orders.server";
import { formatDateTime, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "订单管理 · 民政局管理后台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  await sweepExpiredOrders();
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "";
  const status = orderWorkflow.isState(raw) ? raw : null;
  const q = (url.searchParams.get("q") ?? "").trim().toUpperCase().slice(0, 40);
  const page = getPage(url);
  return { status, q, page, ...(await listOrdersForAdmin({ status, q }, page)) };
}

export default function AdminOrdersPage() {
  const { status, q, page, total, orders } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="订单管理" description="确认线下付款、发货或自提、完成、取消和退款。" />
      <FilterBar formKey={`${status}|${q}`} submitLabel="查询" className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect
          id="orders-status"
          name="status"
          label="状态"
          allLabel="全部状态"
          options={optionsFrom(ORDER_STATES, orderWorkflow.stateLabels)}
          defaultValue={status}
        />
        <FilterInput id="orders-q" name="q" label="订单号或手机号码" type="text" defaultValue={q} maxLength={40} />
      </FilterBar>
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th>订单号</th>
              <th>下单人</th>
              <th>金额</th>
              <th>交付</th>
              <th>付款方式</th>
              <th>状态</th>
              <th>下单时间</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {orders.length === 0 ? (
              <tr>
                <td colSpan={7} className="py-6 text-center text-gray-500">
                  没有订单。
                </td>
              </tr>
            ) : (
              orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/admin/orders/${o.id}`} className="link font-mono">
                      {o.orderNo}
                    </Link>
                  </td>
                  <td>{o.buyerName}</td>
                  <td>{formatFen(o.totalFen)}</td>
                  <td>{deliveryLabel(o.delivery)}</td>
                  <td>{paymentMethodLabel(o.paymentMethod)}</td>
                  <td>{orderWorkflow.stateLabels[o.status as OrderState] ?? o.status}</td>
                  <td className="whitespace-nowrap">{formatDateTime(o.createdAt)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
