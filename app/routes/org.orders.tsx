import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { deliveryLabel } from "~/modules/showroom/labels";
import { orderWorkflow, type OrderState } from "~/modules/showroom/order-workflow";
import { splitLine } from "~/modules/showroom/pricing";
import { buildSalesReport } from "~/modules/showroom/reports.server";
import { SalesTable } from "~/modules/showroom/sales-view";
import { prisma } from "~/utils/db.server";
import { formatDateTime, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "订单与销售 · 社会组织工作台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  await sweepExpiredOrders();
  const page = getPage(new URL(request.url));
  const where = { organizationId: organization.id };
  const [total, lines, report] = await Promise.all([
    prisma.orderLine.count({ where }),
    prisma.orderLine.findMany({
      where,
      orderBy: { order: { createdAt: "desc" } },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        productName: true,
        unitPriceFen: true,
        quantity: true,
        makerSharePct: true,
        fundSharePct: true,
        order: { select: { orderNo: true, status: true, delivery: true, createdAt: true } },
      },
    }),
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
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th>订单号</th>
              <th>产品</th>
              <th>数量</th>
              <th>金额</th>
              <th>制作者所得</th>
              <th>交付</th>
              <th>状态</th>
              <th>下单时间</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {lines.length === 0 ? (
              <tr>
                <td colSpan={8} className="py-6 text-center text-gray-500">
                  还没有订单。
                </td>
              </tr>
            ) : (
              lines.map((l) => {
                const s = splitLine(l);
                return (
                  <tr key={l.id}>
                    <td className="font-mono">{l.order.orderNo}</td>
                    <td>{l.productName}</td>
                    <td>{l.quantity}</td>
                    <td>{formatFen(s.totalFen)}</td>
                    <td>{formatFen(s.makerFen)}</td>
                    <td>{deliveryLabel(l.order.delivery)}</td>
                    <td>{orderWorkflow.stateLabels[l.order.status as OrderState] ?? l.order.status}</td>
                    <td className="whitespace-nowrap">{formatDateTime(l.order.createdAt)}</td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={page} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
