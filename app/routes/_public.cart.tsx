import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import {
  addToCart,
  CART_CHANGED_EVENT,
  CART_STORAGE_KEY,
  checkCart,
  MAX_LINE_QUANTITY,
  normalizeCart,
  parseCartParam,
  serializeCart,
  setQuantity,
  type CartItem,
} from "~/modules/showroom/cart";
import { getCartProducts } from "~/modules/showroom/catalogue.server";
import { sweepExpiredOrders } from "~/modules/showroom/expiry.server";
import { lineTotalFen } from "~/modules/showroom/pricing";
import { formatFen } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "购物车 · 公益产品 · 益苗" }];

// The cart itself is in the browser; the URL carries it here (?items=id:qty,…)
// so the server can show current prices and check it against stock.
export async function loader({ request }: LoaderFunctionArgs) {
  // Public page. Stock held by expired orders goes back before it is shown.
  await sweepExpiredOrders();
  const url = new URL(request.url);
  const items = parseCartParam(url.searchParams.get("items"));
  const products = await getCartProducts(items.map((i) => i.productId));
  return { items, products, problems: checkCart(items, products) };
}

function readCart(): CartItem[] {
  try {
    return normalizeCart(JSON.parse(window.localStorage.getItem(CART_STORAGE_KEY) ?? "[]"));
  } catch {
    return [];
  }
}

function writeCart(cart: CartItem[]) {
  window.localStorage.setItem(CART_STORAGE_KEY, JSON.stringify(cart));
  window.dispatchEvent(new Event(CART_CHANGED_EVENT));
}

export default function CartPage() {
  const { items, products, problems } = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigate = useNavigate();
  const [synced, setSynced] = useState(false);

  // Bring the URL in line with the stored cart (adding ?add=&qty= first).
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    let cart = readCart();
    const add = params.get("add");
    if (add) {
      const qty = Number(params.get("qty") ?? "1");
      cart = addToCart(cart, add, Number.isInteger(qty) && qty > 0 ? Math.min(qty, MAX_LINE_QUANTITY) : 1);
      writeCart(cart);
    }
    const wanted = serializeCart(cart);
    if (add || (params.get("items") ?? "") !== wanted) {
      navigate(wanted ? `/cart?items=${encodeURIComponent(wanted)}` : "/cart", { replace: true });
    } else {
      setSynced(true);
    }
  }, [location.search, navigate]);

  function change(productId: string, quantity: number) {
    const cart = setQuantity(readCart(), productId, quantity);
    writeCart(cart);
    const wanted = serializeCart(cart);
    navigate(wanted ? `/cart?items=${encodeURIComponent(wanted)}` : "/cart", { replace: true });
  }

  const byId = new Map(products.map((p) => [p.id, p]));
  const problemFor = new Map(problems.map((p) => [p.productId, p.message]));
  const total = items.reduce((sum, i) => {
    const p = byId.get(i.productId);
    return p ? sum + lineTotalFen(p.priceFen, i.quantity) : sum;
  }, 0);

  return (
    <div>
      <PageHeader title="购物车" description="购物车保存在本机浏览器中，无需登录。" />
      {!synced ? (
        <p className="card text-gray-500">正在读取购物车…</p>
      ) : items.length === 0 ? (
        <p className="card text-gray-600">
          购物车是空的。
          <Link to="/products" className="link ml-2">
            去看看公益产品
          </Link>
        </p>
      ) : (
        <div className="space-y-4">
          {problems.length ? (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700">
              {problems.map((p) => (
                <p key={p.productId}>{p.message}</p>
              ))}
            </div>
          ) : null}
          <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
            {items.map((item) => {
              const product = byId.get(item.productId);
              return (
                <li
                  key={item.productId}
                  className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-3 p-3 sm:flex sm:flex-wrap"
                >
                  {product?.images[0] ? (
                    <img
                      src={`/files/${product.images[0].attachmentId}`}
                      alt=""
                      width={64}
                      height={64}
                      loading="lazy"
                      className="h-16 w-16 rounded bg-gray-100 object-cover"
                    />
                  ) : null}
                  <div className={`min-w-0 flex-1 ${product?.images[0] ? "" : "col-span-2"}`}>
                    {product ? (
                      <Link to={`/products/${product.id}`} className="link tap font-medium">
                        {product.name}
                      </Link>
                    ) : (
                      <span className="text-gray-500">产品已不存在</span>
                    )}
                    <p className="text-xs text-gray-500">
                      {product ? `${formatFen(product.priceFen)} · 库存 ${product.stock} 件` : null}
                    </p>
                    {problemFor.get(item.productId) ? (
                      <p className="text-xs text-red-600">{problemFor.get(item.productId)}</p>
                    ) : null}
                  </div>
                  {/* On phones the quantity, line total and 移除 take a row of their own under the name. */}
                  <div className="col-span-2 flex flex-wrap items-center justify-between gap-3 sm:contents">
                    <label className="flex items-center gap-2 whitespace-nowrap text-sm">
                      数量
                      <input
                        type="number"
                        min={1}
                        max={MAX_LINE_QUANTITY}
                        className="input w-20"
                        aria-label={`${product?.name ?? "产品"}数量`}
                        defaultValue={item.quantity}
                        key={`${item.productId}-${item.quantity}`}
                        onBlur={(e) => {
                          const q = Number(e.currentTarget.value);
                          if (Number.isInteger(q) && q !== item.quantity) change(item.productId, q);
                        }}
                      />
                    </label>
                    <span className="whitespace-nowrap text-right font-medium sm:w-24">
                      {product ? formatFen(lineTotalFen(product.priceFen, item.quantity)) : "—"}
                    </span>
                    <button
                      type="button"
                      className="btn-secondary px-2 py-1 text-sm"
                      onClick={() => change(item.productId, 0)}
                    >
                      移除
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-lg">
              合计 <span className="font-semibold text-brand-700">{formatFen(total)}</span>
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <Link to="/products" className="btn-secondary">
                继续选购
              </Link>
              {problems.length ? (
                <span className="text-sm text-red-600">请先调整购物车中的问题</span>
              ) : (
                <Link to={`/checkout?items=${encodeURIComponent(serializeCart(items))}`} className="btn-primary">
                  去结算
                </Link>
              )}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
