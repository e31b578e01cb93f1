import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { listCatalogue, parseCatalogueQuery } from "~/modules/showroom/catalogue.server";
import { CATALOGUE_SORTS, CATEGORY_LABELS, categoryLabel, PRODUCT_CATEGORIES } from "~/modules/showroom/labels";
import { formatFen } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [
  { title: "公益产品 · 益苗" },
  { name: "description", content: "本区社会组织和残疾人创业者制作的公益产品，购买所得按比例回馈制作者和社区微基金。" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseCatalogueQuery(new URL(request.url));
  const result = await listCatalogue(query);
  return { query, ...result, pageSize: PAGE_SIZE };
}

export default function CataloguePage() {
  const { query, total, products, organizations, pageSize } = useLoaderData<typeof loader>();
  const formKey = `${query.q}|${query.category ?? ""}|${query.organizationId ?? ""}|${query.sort}`;
  return (
    <div>
      <PageHeader
        title="公益产品"
        description="社会组织和制作者的手工艺品、文创和农副产品。所得按每件产品公示的比例分给制作者和社区微基金。"
        actions={
          <div className="flex gap-2">
            <Link to="/orders/lookup" className="btn-secondary">
              查询订单
            </Link>
            <Link to="/cart" className="btn-secondary">
              购物车
            </Link>
          </div>
        }
      />
      <FilterBar formKey={formKey} submitLabel="查询" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <FilterInput
          id="q"
          name="q"
          label="产品名称"
          defaultValue={query.q}
          maxLength={40}
          placeholder="如：布艺、茶叶"
          className="sm:col-span-2"
        />
        <FilterSelect
          id="category"
          name="category"
          label="类别"
          allLabel="全部类别"
          options={optionsFrom(PRODUCT_CATEGORIES, CATEGORY_LABELS)}
          defaultValue={query.category}
        />
        <FilterSelect
          id="org"
          name="org"
          label="社会组织"
          allLabel="全部组织"
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={query.organizationId}
        />
        <FilterSelect
          id="sort"
          name="sort"
          label="排序"
          options={Object.entries(CATALOGUE_SORTS).map(([value, label]) => ({ value, label }))}
          defaultValue={query.sort}
        />
      </FilterBar>
      {products.length === 0 ? (
        <p className="card text-center text-gray-500">没有找到符合条件的产品。</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {products.map((p) => (
            <li key={p.id} className="overflow-hidden rounded-lg border border-gray-200 bg-white">
              <Link to={`/products/${p.id}`} className="block">
                {p.images[0] ? (
                  <img
                    src={`/files/${p.images[0].attachmentId}`}
                    alt={p.name}
                    width={400}
                    height={400}
                    loading="lazy"
                    decoding="async"
                    className="aspect-square w-full bg-gray-100 object-cover"
                  />
                ) : (
                  <div className="aspect-square w-full bg-gray-100" />
                )}
                <div className="p-3">
                  <h2 className="line-clamp-2 text-sm font-medium text-gray-900">{p.name}</h2>
                  <p className="mt-1 text-xs text-gray-500">
                    {categoryLabel(p.category)} · {p.organization.name}
                  </p>
                  <p className="mt-2 flex items-baseline justify-between">
                    <span className="font-semibold text-brand-700">{formatFen(p.priceFen)}</span>
                    <span className="text-xs text-gray-500">已售 {p.soldCount}</span>
                  </p>
                  {p.stock === 0 ? <p className="mt-1 text-xs text-red-600">已售罄</p> : null}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
