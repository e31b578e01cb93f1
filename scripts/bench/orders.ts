// The benchmark's showroom orders (npm run bench): two years of guest orders for the bench's
// listed products, each order walked through the order workflow (showroom/order-workflow.ts)
// as far as its age allows, so every state is present in a realistic mix and the recent
// orders are the ones still unpaid, awaiting shipment or in transit. Deterministic for a given
// "now" (its own seeded generator), bulk-inserted in one transaction.
import type Database from "better-sqlite3";
import type { OrderState } from "~/modules/showroom/order-workflow";
import { lineTotalFen } from "~/modules/showroom/pricing";
import { shanghaiParts } from "~/utils/dates";
import { AREAS, DAY, iso, makeRandom, pick, type Random } from "./data";

export const ORDER_SIZES = { orders: 100_000, buyers: 40_000, days: 730 } as const;
const ORDER_SEED = 20261217;
const HOUR = 3_600_000;
const MINUTE = 60_000;

type Method = "STRIPE" | "COUNTER" | "BANK_TRANSFER";
/**
 * How long each method holds an unpaid order: the Checkout Session's 30 minutes and 10 more
 * (checkout.server.ts), and the default rules for the counter (48 h) and a transfer (72 h).
 */
const PAY_WINDOW: Record<Method, number> = { STRIPE: 40 * MINUTE, COUNTER: 48 * HOUR, BANK_TRANSFER: 72 * HOUR };

const SURNAMES = Array.from(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁",
);
const GIVEN = Array.from("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国晓红玉梅云飞鹏辉");
const ROADS = ["中山路", "解放路", "人民路", "建设路", "和平路", "长江路", "东风路", "文化路", "新华路", "青年路"];

type Buyer = { name: string; phone: string; address: string };

function buyers(random: Random): Buyer[] {
  const phones = new Set<string>();
  return Array.from({ length: ORDER_SIZES.buyers }, () => {
    let phone: string;
    do phone = `1${pick(random, ["3", "5", "7", "8", "9"])}${String(Math.floor(random() * 1e9)).padStart(9, "0")}`;
    while (phones.has(phone));
    phones.add(phone);
    const given = pick(random, GIVEN) + (random() < 0.7 ? pick(random, GIVEN) : "");
    const [, area] = pick(random, AREAS);
    const address = `${area}${pick(random, ROADS)}${1 + Math.floor(random() * 400)}号${1 + Math.floor(random() * 20)}栋${1 + Math.floor(random() * 30)}0${1 + Math.floor(random() * 4)}室`;
    return { name: pick(random, SURNAMES) + given, phone, address };
  });
}

type Product = {
  id: string;
  organizationId: string;
  name: string;
  priceFen: number;
  makerSharePct: number;
  fundSharePct: number;
  listedAt: number;
};

/** Popularity falls with rank (Zipf, s = 0.8): a few bestsellers, a long tail. */
function productPicker(random: Random, products: Product[]) {
  const ranked = [...products];
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranked[i], ranked[j]] = [ranked[j]!, ranked[i]!];
  }
  const cumulative: number[] = [];
  let sum = 0;
  ranked.forEach((_, r) => cumulative.push((sum += 1 / (r + 1) ** 0.8)));
  const byListing = [...products].sort((a, b) => a.listedAt - b.listedAt);
  /** A product listed before `at`, by popularity; after eight misses, any listed by then. */
  return (at: number) => {
    for (let tries = 0; tries < 8; tries++) {
      const x = random() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      if (ranked[lo]!.listedAt <= at) return ranked[lo]!;
    }
    let listed = 0;
    while (listed < byListing.length && byListing[listed]!.listedAt <= at) listed++;
    return byListing[Math.floor(random() * Math.max(listed, 1))]!;
  };
}

/** What happened to one order by `now`: its state and the time of each step taken. */
export function orderHistory(random: Random, o: { createdAt: number; method: Method; pickup: boolean; now: number }) {
  const expiresAt = o.createdAt + PAY_WINDOW[o.method];
  const roll = random();
  const at = { expiresAt, paidAt: null as number | null, refundedAt: null as number | null, updatedAt: o.createdAt };
  const settled = (status: OrderState, time: number) => ({ status, ...at, updatedAt: time });
  if (roll < 0.06) {
    // Never paid: the sweep expires it when its window ends.
    return expiresAt <= o.now ? settled("EXPIRED", expiresAt) : settled("PENDING_PAYMENT", o.createdAt);
  }
  if (roll < 0.1) {
    const cancelledAt = o.createdAt + random() * 0.5 * PAY_WINDOW[o.method];
    return cancelledAt <= o.now ? settled("CANCELLED", cancelledAt) : settled("PENDING_PAYMENT", o.createdAt);
  }
  const paidAt = o.createdAt + (0.02 + random() * 0.6) * PAY_WINDOW[o.method];
  if (paidAt > o.now) return settled("PENDING_PAYMENT", o.createdAt);
  at.paidAt = paidAt;
  if (random() < 0.025) {
    const refundedAt = paidAt + (1 + random() * 9) * DAY;
    if (refundedAt <= o.now) {
      at.refundedAt = refundedAt;
      return settled("REFUNDED", refundedAt);
    }
  }
  // A small backlog is never handed over or never confirmed received.
  const handedAt = paidAt + (0.3 + random() * 3.5) * DAY;
  if (random() < 0.01 || handedAt > o.now) return settled("PAID", paidAt);
  const completedAt = handedAt + (3 + random() * 7) * DAY;
  if (random() < 0.02 || completedAt > o.now) return settled(o.pickup ? "PICKED_UP" : "SHIPPED", handedAt);
  return settled("COMPLETED", completedAt);
}

const orderNo = (at: number, digits: number) => {
  const p = shanghaiParts(new Date(at));
  return `YM${p.year}${String(p.month).padStart(2, "0")}${String(p.day).padStart(2, "0")}-${String(digits).padStart(8, "0")}`;
};

/** ORDER_SIZES.orders orders over the last two years, with 1–4 lines each; returns how many lines. */
export function insertOrders(db: Database.Database, now: number) {
  const random = makeRandom(ORDER_SEED);
  const products = (
    db
      .prepare(
        `SELECT id, organizationId, name, priceFen, makerSharePct, fundSharePct, listedAt FROM Product
         WHERE status = 'LISTED' AND id LIKE 'bench-product-%' ORDER BY id`,
      )
      .all() as Array<Omit<Product, "listedAt"> & { listedAt: string }>
  ).map((p) => ({ ...p, listedAt: new Date(p.listedAt).getTime() }));
  const pickProduct = productPicker(random, products);
  const people = buyers(random);
  // More orders lately than two years ago (none before the first product was listed);
  // oldest first, so ids follow time.
  const span = Math.min(ORDER_SIZES.days * DAY, now - Math.min(...products.map((p) => p.listedAt)));
  const ages = Array.from({ length: ORDER_SIZES.orders }, () => random() ** 1.3 * span);
  ages.sort((a, b) => b - a);
  const order = db.prepare(`INSERT INTO "Order" (id, orderNo, buyerName, buyerPhone, delivery, address, paymentMethod,
    status, totalFen, expiresAt, paidAt, paymentReference, stripeSessionId, stripePaymentIntentId, refundedAt,
    createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const line = db.prepare(`INSERT INTO OrderLine (id, orderId, productId, organizationId, productName, unitPriceFen,
    quantity, makerSharePct, fundSharePct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const numbers = new Set<string>();
  let lines = 0;
  db.transaction(() => {
    ages.forEach((age, i) => {
      const id = `bench-order-${String(i).padStart(6, "0")}`;
      const createdAt = Math.floor(now - age);
      // Repeat customers: a few buy often, most once or twice.
      const buyer = people[Math.floor(random() ** 1.5 * people.length)]!;
      const methodRoll = random();
      const method: Method = methodRoll < 0.55 ? "STRIPE" : methodRoll < 0.8 ? "COUNTER" : "BANK_TRANSFER";
      const pickup = random() < 0.35;
      const h = orderHistory(random, { createdAt, method, pickup, now });
      const count = 1 + Math.floor(random() ** 2.5 * 4);
      const chosen = new Map<string, { product: Product; quantity: number }>();
      // Distinct products; an order of the first days may find fewer listed than it wants.
      for (let tries = 0; chosen.size < count && tries < 4 * count; tries++) {
        const product = pickProduct(createdAt);
        const quantity = random() < 0.7 ? 1 : random() < 0.67 ? 2 : 3 + Math.floor(random() * 3);
        chosen.set(product.id, { product, quantity });
      }
      const totalFen = [...chosen.values()].reduce((sum, l) => sum + lineTotalFen(l.product.priceFen, l.quantity), 0);
      let no: string;
      do no = orderNo(createdAt, Math.floor(random() * 1e8));
      while (numbers.has(no));
      numbers.add(no);
      const online = method === "STRIPE";
      const reference =
        h.paidAt === null || online
          ? null
          : method === "COUNTER"
            ? `柜台收据 ${no.slice(-4)}`
            : `银行流水 ${String(Math.floor(random() * 1e12)).padStart(12, "0")}`;
      order.run(
        id,
        no,
        buyer.name,
        buyer.phone,
        pickup ? "PICKUP" : "SHIPPING",
        pickup ? null : buyer.address,
        method,
        h.status,
        totalFen,
        iso(h.expiresAt),
        h.paidAt === null ? null : iso(h.paidAt),
        reference,
        online ? `cs_bench_${i}` : null,
        online && h.paidAt !== null ? `pi_bench_${i}` : null,
        h.refundedAt === null ? null : iso(h.refundedAt),
        iso(createdAt),
        iso(h.updatedAt),
      );
      let j = 0;
      for (const { product, quantity } of chosen.values()) {
        line.run(
          `${id}-${j++}`,
          id,
          product.id,
          product.organizationId,
          product.name,
          product.priceFen,
          quantity,
          product.makerSharePct,
          product.fundSharePct,
        );
      }
      lines += chosen.size;
    });
  })();
  return lines;
}

/**
 * A kept database is reused for weeks, so its unpaid orders would be long overdue and the
 * first page view would expire them, writing under load. Before each run, the bench's unpaid
 * orders are placed again within their pay window ending after the run, as a live showroom
 * always has some.
 */
export function renewPendingOrders(db: Database.Database, now: number) {
  const random = makeRandom(ORDER_SEED + 1);
  const pending = db
    .prepare(
      `SELECT id, paymentMethod FROM "Order" WHERE status = 'PENDING_PAYMENT' AND id LIKE 'bench-order-%' ORDER BY id`,
    )
    .all() as Array<{ id: string; paymentMethod: Method }>;
  const update = db.prepare(`UPDATE "Order" SET createdAt = ?, updatedAt = ?, expiresAt = ? WHERE id = ?`);
  db.transaction(() => {
    for (const { id, paymentMethod } of pending) {
      const window = PAY_WINDOW[paymentMethod];
      // At least 30 minutes of the window left, so none expires during the run.
      const createdAt = Math.floor(now - random() * (window - 30 * MINUTE));
      update.run(iso(createdAt), iso(createdAt), iso(createdAt + window), id);
    }
  })();
  return pending.length;
}
