import { describe, expect, test } from "vitest";
import { addToCart, checkCart, normalizeCart, parseCartParam, serializeCart, setQuantity } from "./cart";

describe("cart", () => {
  test("normalizes untrusted storage: merges duplicates, drops junk, caps quantities", () => {
    expect(
      normalizeCart([
        { productId: "a1", quantity: 2 },
        { productId: "a1", quantity: 3 },
        { productId: "bad id!", quantity: 1 },
        { productId: "b2", quantity: 0 },
        { productId: "c3", quantity: 1.5 },
        { productId: "d4", quantity: 500 },
        "nonsense",
      ]),
    ).toEqual([
      { productId: "a1", quantity: 5 },
      { productId: "d4", quantity: 99 },
    ]);
    expect(normalizeCart({ not: "an array" })).toEqual([]);
  });
  test("add, change, remove and round-trip through the URL", () => {
    let cart = addToCart([], "p1", 2);
    cart = addToCart(cart, "p2", 1);
    cart = addToCart(cart, "p1", 1);
    expect(cart).toEqual([
      { productId: "p1", quantity: 3 },
      { productId: "p2", quantity: 1 },
    ]);
    expect(parseCartParam(serializeCart(cart))).toEqual(cart);
    expect(setQuantity(cart, "p2", 0)).toEqual([{ productId: "p1", quantity: 3 }]);
    expect(setQuantity(cart, "p1", 7)[0]).toEqual({ productId: "p1", quantity: 7 });
    expect(parseCartParam("p1:x,:3,p2:2")).toEqual([{ productId: "p2", quantity: 2 }]);
  });
  test("checks quantities against stock with a clear message", () => {
    const products = [
      { id: "p1", name: "布艺收纳包", stock: 3, status: "LISTED" },
      { id: "p2", name: "手工皂", stock: 0, status: "LISTED" },
      { id: "p3", name: "旧产品", stock: 9, status: "UNLISTED" },
    ];
    const problems = checkCart(
      [
        { productId: "p1", quantity: 5 },
        { productId: "p2", quantity: 1 },
        { productId: "p3", quantity: 1 },
        { productId: "gone", quantity: 1 },
      ],
      products,
    );
    expect(problems.map((p) => p.message)).toEqual([
      "「布艺收纳包」库存不足：仅剩 3 件，您选择了 5 件",
      "「手工皂」已售罄",
      "「旧产品」已下架，请从购物车中移除",
      "有一件产品已下架，请从购物车中移除",
    ]);
    expect(checkCart([{ productId: "p1", quantity: 3 }], products)).toEqual([]);
  });
});
