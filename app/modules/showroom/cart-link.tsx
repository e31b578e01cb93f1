import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CART_CHANGED_EVENT, CART_STORAGE_KEY, normalizeCart } from "./cart";

function countItems() {
  try {
    return normalizeCart(JSON.parse(window.localStorage.getItem(CART_STORAGE_KEY) ?? "[]")).reduce(
      (sum, item) => sum + item.quantity,
      0,
    );
  } catch {
    return 0;
  }
}

/**
 * 购物车 in the public header with how many items it holds. The cart lives in
 * this browser, so the count is read after hydration (the server-rendered page,
 * which may be cached for everyone, never carries it) and follows changes made
 * on this page or in another tab.
 */
export function CartLink() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const update = () => setCount(countItems());
    update();
    window.addEventListener("storage", update);
    window.addEventListener(CART_CHANGED_EVENT, update);
    return () => {
      window.removeEventListener("storage", update);
      window.removeEventListener(CART_CHANGED_EVENT, update);
    };
  }, []);
  return (
    <Link
      to="/cart"
      className="tap inline-flex items-center gap-1 whitespace-nowrap text-sm text-gray-700 hover:text-gray-900"
      aria-label={count ? `购物车，${count} 件` : "购物车"}
      data-testid="header-cart"
    >
      购物车
      {count ? (
        <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
