import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
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
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th>产品</th>
              <th>类别</th>
              <th>单价</th>
              <th>库存</th>
              <th>已售</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {products.length === 0 ? (
              <tr>
                <td colSpan={6} className="py-6 text-center text-gray-500">
                  还没有提交产品。
                </td>
              </tr>
            ) : (
              products.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/org/products/${p.id}`} className="link">
                      {p.name}
                    </Link>
                  </td>
                  <td>{categoryLabel(p.category)}</td>
                  <td>{formatFen(p.priceFen)}</td>
                  <td>{p.stock}</td>
                  <td>{p.soldCount}</td>
                  <td>
                    {productWorkflow.stateLabels[p.status as ProductState] ?? p.status}
                    {p.returnReason ? <span className="block text-xs text-gray-500">{p.returnReason}</span> : null}
                  </td>
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
