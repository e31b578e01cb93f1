// Who sees what of the showroom (issue #18 item 7): an order's public page only
// for its buyer, a product's images only while it is listed, and each
// organization only its own lines of a mixed order.
import { expect, test } from "vitest";
import { createUserSession } from "~/modules/auth/auth.server";
import { createOrder } from "~/modules/showroom/orders.server";
import { solidPng } from "~/modules/showroom/png";
import { changeProductStatus, createProduct } from "~/modules/showroom/products.server";
import { prisma } from "~/utils/db.server";
import { createListedProduct, createShowroomOrg } from "../support/showroom-fixtures";

/** The "name=value" part of a Set-Cookie header. */
const cookieOf = (response: Response) => response.headers.get("Set-Cookie")!.split(";")[0]!;
const signIn = async (userId: string) => cookieOf(await createUserSession(userId, "/"));

/** A loader's answer: its status, whether it returned or threw a Response. */
async function statusOf(run: () => Promise<unknown>) {
  try {
    const result = await run();
    return result instanceof Response ? result.status : 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

test("the order page opens for the browser that placed the order, and 404 for anyone with just its number", async () => {
  const { org, member } = await createShowroomOrg(prisma);
  const product = await createListedProduct(prisma, { organizationId: org.id, createdById: member.id });
  const checkout = await import("~/routes/_public.checkout");
  const body = new URLSearchParams({
    items: `${product.id}:1`,
    buyerName: "张敏",
    buyerPhone: "13912345678",
    delivery: "PICKUP",
    paymentMethod: "COUNTER",
  });
  const placed = (await checkout.action({
    request: new Request("http://shop.test/checkout", { method: "POST", body }),
    params: {},
    context: {},
  })) as Response;
  expect(placed.status).toBe(302);
  const orderNo = decodeURIComponent(placed.headers.get("Location")!.split("/")[2]!);
  const buyerCookie = cookieOf(placed);

  const { loader } = await import("~/routes/_public.orders.$orderNo.success");
  const open = (headers: Record<string, string>) => () =>
    loader({
      request: new Request(`http://shop.test/orders/${orderNo}/success`, { headers }),
      params: { orderNo },
      context: {},
    });
  const seen = await open({ Cookie: buyerCookie })();
  expect((seen as { order: { orderNo: string } }).order.orderNo).toBe(orderNo);
  expect(await statusOf(open({}))).toBe(404);
  // Staff and the selling organization have their own order pages; the buyer's page is not theirs.
  expect(await statusOf(open({ Cookie: await signIn(member.id) }))).toBe(404);
  // A forged cookie (unsigned list of order numbers) is no key either.
  const forged = `yimiao_orders=${Buffer.from(JSON.stringify([orderNo])).toString("base64")}`;
  expect(await statusOf(open({ Cookie: forged }))).toBe(404);
});

test("a product's images are public only while it is listed; its organization and staff always see them", async () => {
  const { org, member } = await createShowroomOrg(prisma);
  const { member: stranger } = await createShowroomOrg(prisma);
  const admin = await prisma.user.create({
    data: { email: `staff-${Date.now()}@test.yimiao.local`, name: "王敏", role: "ADMIN" },
    select: { id: true },
  });
  const product = await createProduct({
    organizationId: org.id,
    userId: member.id,
    values: {
      name: "手工编织杯垫",
      category: "HANDICRAFT",
      description: "纯棉线手工编织的杯垫，每一件都独一无二。",
      makerStory: "由社区助残工坊的学员手工编织完成。",
      price: 2990,
      stock: 10,
      makerSharePct: 70,
      fundSharePct: 30,
      fundName: "社区微基金",
      allowShipping: true,
      allowPickup: false,
    },
    images: [new File([solidPng(8, 8, [1, 2, 3])], "a.png", { type: "image/png" })],
  });
  const { attachmentId } = await prisma.productImage.findFirstOrThrow({
    where: { productId: product.id },
    select: { attachmentId: true },
  });
  const { loader } = await import("~/routes/files.$attachmentId");
  const fetchAs = async (userId: string | null) => {
    const headers: Record<string, string> = userId ? { Cookie: await signIn(userId) } : {};
    return statusOf(() =>
      loader({
        request: new Request(`http://shop.test/files/${attachmentId}`, { headers }),
        params: { attachmentId },
        context: {},
      }),
    );
  };
  const answers = async () => ({
    public: await fetchAs(null),
    stranger: await fetchAs(stranger.id),
    own: await fetchAs(member.id),
    staff: await fetchAs(admin.id),
  });

  // Waiting for screening: not in the catalogue, so neither are its images.
  expect(await answers()).toEqual({ public: 404, stranger: 404, own: 200, staff: 200 });
  await changeProductStatus({ productId: product.id, to: "LISTED", actor: { id: admin.id, role: "ADMIN" } });
  expect(await answers()).toEqual({ public: 200, stranger: 200, own: 200, staff: 200 });
  await changeProductStatus({
    productId: product.id,
    to: "UNLISTED",
    actor: { id: admin.id, role: "ADMIN" },
    reason: "库存核对中",
  });
  expect(await answers()).toEqual({ public: 404, stranger: 404, own: 200, staff: 200 });
});

test("an organization's order page lists only its own lines of a mixed order", async () => {
  const a = await createShowroomOrg(prisma);
  const b = await createShowroomOrg(prisma);
  const mine = await createListedProduct(prisma, {
    organizationId: a.org.id,
    createdById: a.member.id,
    name: "本机构杯垫",
  });
  const theirs = await createListedProduct(prisma, {
    organizationId: b.org.id,
    createdById: b.member.id,
    name: "他机构香包",
  });
  const order = await createOrder({
    buyerName: "张敏",
    buyerPhone: "13912345678",
    delivery: "PICKUP",
    address: null,
    paymentMethod: "COUNTER",
    items: [
      { productId: mine.id, quantity: 1 },
      { productId: theirs.id, quantity: 2 },
    ],
  });
  const { loader } = await import("~/routes/org.orders");
  const page = (await loader({
    request: new Request("http://shop.test/org/orders", { headers: { Cookie: await signIn(a.member.id) } }),
    params: {},
    context: {},
  })) as { lines: { productName: string; order: { orderNo: string } }[] };
  const lines = page.lines.filter((l) => l.order.orderNo === order.orderNo);
  expect(lines.map((l) => l.productName)).toEqual(["本机构杯垫"]);
});
