// A signed Stripe event whose object lacks what its type must carry is recorded
// and answered 200 as ignored (with a log line), never a 500 Stripe would retry.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { eventShapeProblem } from "~/modules/showroom/stripe-event-shape";
import { prisma } from "~/utils/db.server";

const SECRET = "whsec_shape_test";
const signer = new Stripe("sk_test_signer");

beforeAll(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_shape";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});
afterAll(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
});

async function deliver(event: unknown) {
  const { action } = await import("~/routes/stripe.webhook");
  const payload = JSON.stringify(event);
  const header = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  const request = new Request("http://shop.test/stripe/webhook", {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json", "stripe-signature": header },
  });
  return action({ request, params: {}, context: {} });
}

const event = (id: string, type: string, object: unknown) => ({ id, object: "event", type, data: { object } });

describe("signed events of an unexpected shape", () => {
  test.each([
    ["checkout.session.completed", null],
    ["checkout.session.completed", { payment_status: "paid" }],
    ["checkout.session.completed", { id: 42, payment_status: "paid" }],
    ["checkout.session.expired", { id: "cs_1", metadata: "x" }],
    ["charge.refunded", { payment_intent: "pi_1" }],
    ["charge.refunded", "a string"],
  ])("%s with %j is recorded and ignored with a log line", async (type, object) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const id = `evt_shape_${Math.random().toString(36).slice(2)}`;
    const response = await deliver(event(id, type, object));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "ignored" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Stripe event ${id} (${type}) ignored`));
    expect(await prisma.stripeEvent.findUnique({ where: { id }, select: { type: true } })).toEqual({ type });
    // Redelivered, it is a duplicate.
    expect(await (await deliver(event(id, type, object))).json()).toEqual({ received: true, outcome: "duplicate" });
    warn.mockRestore();
  });

  test("an event without data is ignored too", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await deliver({ id: "evt_no_data", type: "checkout.session.completed" });
    expect(response.status).toBe(200);
    warn.mockRestore();
  });
});

describe("eventShapeProblem", () => {
  test("passes the shapes the webhook handles and types it ignores anyway", () => {
    expect(
      eventShapeProblem(
        event("evt_1", "checkout.session.completed", {
          id: "cs_1",
          payment_status: "paid",
          payment_intent: { id: "pi_1" },
          amount_total: 2990,
          client_reference_id: null,
          metadata: { orderId: "o1" },
        }),
      ),
    ).toBeNull();
    expect(eventShapeProblem(event("evt_2", "charge.refunded", { payment_intent: null, refunded: true }))).toBeNull();
    expect(eventShapeProblem(event("evt_3", "customer.created", null))).toBeNull();
  });

  test("names what is wrong", () => {
    expect(eventShapeProblem(event("evt_4", "charge.refunded", {}))?.problem).toMatch(/refunded/);
    expect(eventShapeProblem({ type: "x" })).toMatchObject({ eventId: null, type: "x" });
  });
});
