import { prisma } from "~/utils/db.server";
import { expect, randomMobile, test } from "../playwright-utils";
import { addToCartFromProductPage, fillBuyer, listedProduct } from "./showroom-helpers";

test("buying more than the stock is refused with a message", async ({ page }) => {
  const product = await listedProduct({ stock: 3 });
  await addToCartFromProductPage(page, product.id, product.name, 5);
  await expect(page.getByRole("alert")).toContainText(`「${product.name}」库存不足：仅剩 3 件，您选择了 5 件`);
  await expect(page.getByRole("link", { name: "去结算" })).toHaveCount(0);

  // Lower the quantity to what is left: checkout opens.
  await page.getByLabel(`${product.name}数量`).fill("3");
  await page.getByLabel(`${product.name}数量`).blur();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.getByRole("link", { name: "去结算" }).click();
  await fillBuyer(page, randomMobile());

  // Meanwhile someone else buys two: the server refuses rather than oversell.
  await prisma.product.update({ where: { id: product.id }, data: { stock: 1 } });
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page.getByText(`「${product.name}」库存不足，请减少购买数量`)).toBeVisible();
  expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } })).stock).toBe(
    1,
  );
  expect(await prisma.orderLine.count({ where: { productId: product.id } })).toBe(0);
});

test("concurrent checkout requests for the last 3 items sell exactly 3", async ({ request }) => {
  const product = await listedProduct({ stock: 3 });
  const responses = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      request.post("/checkout", {
        form: {
          items: `${product.id}:1`,
          buyerName: "并发买家",
          buyerPhone: `1370000000${i % 10}`,
          delivery: "PICKUP",
          paymentMethod: "COUNTER",
        },
        maxRedirects: 0,
      }),
    ),
  );
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses).toEqual([302, 302, 302, 409, 409, 409, 409, 409]);
  const saved = await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } });
  expect(saved.stock).toBe(0);
  expect(await prisma.orderLine.aggregate({ where: { productId: product.id }, _sum: { quantity: true } })).toEqual({
    _sum: { quantity: 3 },
  });
});
