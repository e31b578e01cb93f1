import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel, paymentMethodLabel } from "~/modules/showroom/labels";
import { ORDER_STATES, orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { ADMIN_ORDER_ORDER, listOrdersForAdmin } from "~/modules/showroom/staff-lists.server";
import { formatDateTime, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE, readPageStart } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "订单管理 · 民政局管理后台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  await sweepExpiredOrders();
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "";
  const status = orderWorkflow.isState(raw) ? raw : null;
  const q = (url.searchParams.get("q") ?? "").trim().toUpperCase().slice(0, 40);
  const page = getPage(url);
  const start = readPageStart(url.searchParams, ADMIN_ORDER_ORDER);
  return { status, q, page, ...(await listOrdersForAdmin({ status, q }, page, start)) };
}

export default function AdminOrdersPage() {
  const { status, q, page, total, orders, cursors } = useLoaderData<typeof loader>();
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
      <DataTable
        className="sm:rounded-lg sm:border sm:border-gray-200 sm:bg-white"
        label="订单列表"
        rows={orders}
        rowKey={(o) => o.id}
        empty="没有订单。"
        columns={[
          {
            header: "订单号",
            primary: true,
            cell: (o) => (
              <Link to={`/admin/orders/${o.id}`} className="link font-mono">
                {o.orderNo}
              </Link>
            ),
          },
          { header: "下单人", cell: (o) => o.buyerName },
          { header: "金额", cell: (o) => formatFen(o.totalFen) },
          { header: "交付", cell: (o) => deliveryLabel(o.delivery) },
          { header: "付款方式", cell: (o) => paymentMethodLabel(o.paymentMethod) },
          { header: "状态", cell: (o) => orderWorkflow.stateLabels[o.status as OrderState] ?? o.status },
          { header: "下单时间", className: "whitespace-nowrap", cell: (o) => formatDateTime(o.createdAt) },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} cursors={cursors} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
