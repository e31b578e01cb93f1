import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { categoryLabel } from "~/modules/showroom/labels";
import { productWorkflow, type ProductState } from "~/modules/showroom/product-workflow";
import { listOrgProducts } from "~/modules/showroom/products.server";
import { formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "公益产品 · 社会组织工作台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const page = getPage(new URL(request.url));
  return { page, ...(await listOrgProducts(organization.id, page)) };
}

export default function OrgProductsPage() {
  const { page, total, products } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <PageHeader
        title="公益产品"
        description="提交本机构制作的公益产品，经民政局审核后在展销厅上架。"
        actions={
          <Link to="/org/products/new" className="btn-primary">
            提交新产品
          </Link>
        }
      />
      {params.get("saved") ? (
        <p role="status" className="mb-4 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          {params.get("saved") === "pending" ? "产品已提交，等待民政局审核。" : "产品已保存。"}
        </p>
      ) : null}
      <DataTable
        className="sm:rounded-lg sm:border sm:border-gray-200 sm:bg-white"
        label="本机构的产品"
        rows={products}
        rowKey={(p) => p.id}
        empty="还没有提交产品。"
        columns={[
          {
            header: "产品",
            primary: true,
            cell: (p) => (
              <Link to={`/org/products/${p.id}`} className="link">
                {p.name}
              </Link>
            ),
          },
          { header: "类别", cell: (p) => categoryLabel(p.category) },
          { header: "单价", cell: (p) => formatFen(p.priceFen) },
          { header: "库存", cell: (p) => p.stock },
          { header: "已售", cell: (p) => p.soldCount },
          {
            header: "状态",
            cell: (p) => (
              <>
                {productWorkflow.stateLabels[p.status as ProductState] ?? p.status}
                {p.returnReason ? <span className="block text-xs text-gray-500">{p.returnReason}</span> : null}
              </>
            ),
          },
        ]}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
