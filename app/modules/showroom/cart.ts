// The cart lives in the browser (localStorage) as a list of product ids and
// quantities. It is serialized into the URL as "id:qty,id:qty" so the server
// can check it against stock.

export const CART_STORAGE_KEY = "yimiao.cart.v1";
/** Dispatched on window when this page changes the stored cart (other tabs get "storage"). */
export const CART_CHANGED_EVENT = "yimiao:cart";
export const MAX_CART_LINES = 20;
export const MAX_LINE_QUANTITY = 99;

export type CartItem = { productId: string; quantity: number };

const ID = /^[a-z0-9_-]{1,40}$/i;

/** Reads a cart from untrusted input (localStorage JSON); drops anything malformed. */
export function normalizeCart(raw: unknown): CartItem[] {
  if (!Array.isArray(raw)) return [];
  const merged = new Map<string, number>();
  for (const entry of raw) {
    if (!entry || typeof entry !== "object") continue;
    const { productId, quantity } = entry as Record<string, unknown>;
    if (typeof productId !== "string" || !ID.test(productId)) continue;
    if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) continue;
    merged.set(productId, Math.min(MAX_LINE_QUANTITY, (merged.get(productId) ?? 0) + quantity));
  }
  return [...merged].slice(0, MAX_CART_LINES).map(([productId, quantity]) => ({ productId, quantity }));
}

export function addToCart(cart: CartItem[], productId: string, quantity: number): CartItem[] {
  return normalizeCart([...cart, { productId, quantity }]);
}

export function setQuantity(cart: CartItem[], productId: string, quantity: number): CartItem[] {
  if (quantity < 1) return cart.filter((i) => i.productId !== productId);
  return normalizeCart(cart.map((i) => (i.productId === productId ? { ...i, quantity } : i)));
}

export function serializeCart(cart: CartItem[]) {
  return cart.map((i) => `${i.productId}:${i.quantity}`).join(",");
}

export function parseCartParam(value: string | null | undefined): CartItem[] {
  if (!value) return [];
  return normalizeCart(
    value.split(",").map((part) => {
      const [productId, qty] = part.split(":");
      return { productId, quantity: Number(qty) };
    }),
  );
}

export type StockInfo = { id: string; name: string; stock: number; status: string };

export type CartProblem = { productId: string; message: string };

/** What is wrong with the cart given current products: gone, not listed, or more than the stock. */
export function checkCart(cart: CartItem[], products: StockInfo[]): CartProblem[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  const problems: CartProblem[] = [];
  for (const item of cart) {
    const product = byId.get(item.productId);
    if (!product || product.status !== "LISTED") {
      problems.push({
        productId: item.productId,
        message: `${product ? `「${product.name}」` : "有一件产品"}已下架，请从购物车中移除`,
      });
    } else if (product.stock < item.quantity) {
      problems.push({
        productId: item.productId,
        message:
          product.stock === 0
            ? `「${product.name}」已售罄`
            : `「${product.name}」库存不足：仅剩 ${product.stock} 件，您选择了 ${item.quantity} 件`,
      });
    }
  }
  return problems;
}
