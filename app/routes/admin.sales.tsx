import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { buildSalesReport } from "~/modules/showroom/reports.server";
import { listedSales } from "~/modules/showroom/sales-listing";
import { SalesChart, SalesTable } from "~/modules/showroom/sales-view";
import { shanghaiParts } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "销售报表 · 民政局管理后台 · 益苗" }];

export function parseReportYear(url: URL) {
  const current = shanghaiParts(new Date()).year;
  const y = Number(url.searchParams.get("year") ?? current);
  return Number.isInteger(y) && y >= 2000 && y <= current + 1 ? y : current;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const year = parseReportYear(new URL(request.url));
  const { byOrganization, byProduct, byMonth, totals } = await buildSalesReport({ year });
  return {
    year,
    byOrganization: listedSales(byOrganization),
    byProduct: listedSales(byProduct),
    byMonth,
    totals,
  };
}

export default function AdminSalesPage() {
  const { year, byOrganization, byProduct, byMonth, totals } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="销售报表"
        description="按付款时间统计已付款（含已发货、已自提、已完成）的订单，退款和取消的订单不计入。"
        actions={
          <a href={`/admin/sales/export?year=${year}`} className="btn-secondary" download>
            导出 Excel
          </a>
        }
      />
      <FilterBar submitLabel="查看" className="mb-4 flex items-end gap-3">
        <FilterInput
          id="sales-year"
          name="year"
          label="年度"
          type="number"
          defaultValue={String(year)}
          className="w-28"
        />
      </FilterBar>
      <div className="card mb-6">
        <h2 className="mb-2 font-medium">{year}年按月销售额</h2>
        <SalesChart rows={byMonth} />
      </div>
      <SalesTable
        title="按社会组织"
        keyHeader="社会组织"
        rows={byOrganization.rows}
        count={byOrganization.count}
        totals={totals}
      />
      <SalesTable title="按产品" keyHeader="产品" rows={byProduct.rows} count={byProduct.count} totals={totals} />
      <SalesTable title="按月份" keyHeader="月份" rows={byMonth} totals={totals} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
