import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel } from "~/modules/showroom/labels";
import { orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { listOrgOrderLines } from "~/modules/showroom/org-orders.server";
import { splitLine } from "~/modules/showroom/pricing";
import { buildSalesReport } from "~/modules/showroom/reports.server";
import { SalesTable } from "~/modules/showroom/sales-view";
import { formatDateTime, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "订单与销售 · 社会组织工作台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  await sweepExpiredOrders();
  const page = getPage(new URL(request.url));
  const [{ total, lines }, report] = await Promise.all([
    listOrgOrderLines(organization.id, page),
    buildSalesReport({ organizationId: organization.id }),
  ]);
  return { page, total, lines, report };
}

export default function OrgOrdersPage() {
  const { page, total, lines, report } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="订单与销售" description="本机构产品的订单（买家联系方式由民政局展销厅统一管理）和累计销售。" />
      <SalesTable title="销售汇总（按产品）" keyHeader="产品" rows={report.byProduct} totals={report.totals} />
      <h2 className="mb-2 font-medium">订单明细</h2>
      <DataTable
        className="sm:rounded-lg sm:border sm:border-gray-200 sm:bg-white"
        label="订单明细"
        rows={lines}
        rowKey={(l) => l.id}
        empty="还没有订单。"
        columns={[
          { header: "订单号", primary: true, className: "font-mono", cell: (l) => l.order.orderNo },
          { header: "产品", cell: (l) => l.productName },
          { header: "数量", cell: (l) => l.quantity },
          { header: "金额", cell: (l) => formatFen(splitLine(l).totalFen) },
          { header: "制作者所得", cell: (l) => formatFen(splitLine(l).makerFen) },
          { header: "交付", cell: (l) => deliveryLabel(l.order.delivery) },
          {
            header: "状态",
            cell: (l) => orderWorkflow.stateLabels[l.order.status as OrderState] ?? l.order.status,
          },
          { header: "下单时间", className: "whitespace-nowrap", cell: (l) => formatDateTime(l.order.createdAt) },
        ]}
      />
      <Pagination page={page} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
