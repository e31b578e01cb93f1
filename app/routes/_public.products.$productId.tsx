import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MAX_LINE_QUANTITY } from "~/modules/showroom/cart";
import { getPublicProduct } from "~/modules/showroom/catalogue.server";
import { categoryLabel } from "~/modules/showroom/labels";
import { formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.name} · 公益产品 · 益苗` : "公益产品 · 益苗" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const product = await getPublicProduct(params.productId ?? "");
  invariantResponse(product, "该产品不存在或已下架", { status: 404 });
  return { product };
}

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>();
  const [first, ...rest] = product.images;
  return (
    <article className="grid gap-6 md:grid-cols-2">
      <div>
        {first ? (
          <img
            src={`/files/${first.attachmentId}`}
            alt={product.name}
            width={800}
            height={800}
            className="aspect-square w-full rounded-lg bg-gray-100 object-cover"
          />
        ) : null}
        {rest.length ? (
          <ul className="mt-2 grid grid-cols-5 gap-2">
            {rest.map((img, i) => (
              <li key={img.attachmentId}>
                <a href={`/files/${img.attachmentId}`} target="_blank" rel="noreferrer">
                  <img
                    src={`/files/${img.attachmentId}`}
                    alt={`${product.name} 图片 ${i + 2}`}
                    width={160}
                    height={160}
                    loading="lazy"
                    className="aspect-square w-full rounded bg-gray-100 object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div>
        <p className="text-sm text-gray-500">{categoryLabel(product.category)}</p>
        <h1 className="mt-1 text-2xl font-semibold text-gray-900">{product.name}</h1>
        <p className="mt-1 text-sm">
          <Link to={`/orgs/${product.organization.id}`} className="link">
            {product.organization.name}
          </Link>
        </p>
        <p className="mt-4 text-2xl font-semibold text-brand-700">{formatFen(product.priceFen)}</p>
        <p className="mt-1 text-sm text-gray-600">
          库存 {product.stock} 件 · 已售 {product.soldCount} 件
        </p>
        <p className="mt-1 text-sm text-gray-600">
          所得分配：制作者 {product.makerSharePct}% · {product.fundName || "社区微基金"} {product.fundSharePct}%
        </p>
        <p className="mt-1 text-sm text-gray-600">
          交付方式：
          {[product.allowShipping ? "快递配送" : null, product.allowPickup ? "展销厅自提" : null]
            .filter(Boolean)
            .join("、")}
        </p>
        {product.stock > 0 ? (
          // A plain GET form: works before (and without) JavaScript; the cart page stores it.
          <form method="get" action="/cart" className="mt-4 flex items-end gap-3">
            <input type="hidden" name="add" value={product.id} />
            <div>
              <label htmlFor="qty" className="mb-1 block text-sm font-medium text-gray-700">
                数量
              </label>
              <input
                id="qty"
                name="qty"
                type="number"
                min={1}
                max={MAX_LINE_QUANTITY}
                defaultValue={1}
                className="input w-24"
                inputMode="numeric"
              />
            </div>
            <button type="submit" className="btn-primary">
              加入购物车
            </button>
          </form>
        ) : (
          <p className="mt-4 font-medium text-red-600">已售罄</p>
        )}
        <section className="mt-6">
          <h2 className="font-medium">产品介绍</h2>
          <p className="mt-2 whitespace-pre-line text-sm text-gray-700">{product.description}</p>
        </section>
        <section className="mt-6">
          <h2 className="font-medium">制作者的故事</h2>
          <p className="mt-2 whitespace-pre-line text-sm text-gray-700">{product.makerStory}</p>
        </section>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
