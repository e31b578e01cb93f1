// A small HTTP server that answers the few Stripe API calls the app makes, so
// the real `stripe` SDK can be exercised on loopback (tests only). It also
// builds webhook events and signs them with the SDK's test header helper.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Json = Record<string, unknown>;

export type StandInSession = {
  id: string;
  object: "checkout.session";
  mode: string;
  currency: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  success_url: string;
  cancel_url: string;
  expires_at: number;
  payment_intent: string | null;
  allowed_payment_method_types: string[];
  url: string;
  line_items_input: Json[];
};

export type RecordedRequest = {
  method: string;
  path: string;
  body: Json;
  idempotencyKey: string | null;
  authorization: string | null;
};

/** Parses Stripe's form encoding (a[b][0][c]=v) into nested objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.split(/\[|\]\[|\]/).filter((p) => p !== "");
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
      } else {
        node[part] ??= {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return arrayify(root) as Json;
}

function arrayify(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => arrayify(obj[k]));
  }
  return Object.fromEntries(keys.map((k) => [k, arrayify(obj[k])]));
}

const newId = (prefix: string) => `${prefix}_test_${crypto.randomBytes(12).toString("hex")}`;

export type StandInOptions = {
  port?: number;
  /**
   * The `url` a created session reports. "success" points back at the app's
   * success URL (the real Stripe page is unreachable in tests).
   */
  sessionUrl?: "success" | "stripe";
  /**
   * The app server talks to one fixed port, so two specs cannot each have a stand-in at once.
   * When the port is taken, keep trying this long (the other spec closes its stand-in in afterAll).
   */
  waitForPortMs?: number;
};

/** A refund request as the app sent it, with what the stand-in answered. */
export type RefundCall = {
  paymentIntent: string;
  idempotencyKey: string | null;
  status: number;
  refundId: string | null;
  replayed: boolean;
};

export async function startStripeStandIn(options: StandInOptions = {}) {
  const sessions = new Map<string, StandInSession>();
  const refunds: Json[] = [];
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, { status: number; body: Json }>();
  const refundCalls: RefundCall[] = [];
  // While true, refund creation fails as if Stripe were unreachable (nothing is created or remembered).
  let refundsDown = false;

  function send(res: http.ServerResponse, status: number, body: Json) {
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": newId("req") });
    res.end(JSON.stringify(body));
  }
  const error = (message: string, code = "resource_missing") => ({
    error: { type: "invalid_request_error", code, message },
  });

  function handle(method: string, path: string, body: Json): { status: number; body: Json } {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const lineItems = (body.line_items as Json[] | undefined) ?? [];
      if (body.currency !== "cny") return { status: 400, body: error("currency must be cny", "parameter_invalid") };
      const amount = lineItems.reduce((sum, li) => {
        const price = li.price_data as Json;
        return sum + Number(price.unit_amount) * Number(li.quantity);
      }, 0);
      const id = newId("cs");
      const successUrl = String(body.success_url ?? "");
      const session: StandInSession = {
        id,
        object: "checkout.session",
        mode: String(body.mode),
        currency: String(body.currency),
        status: "open",
        payment_status: "unpaid",
        amount_total: amount,
        metadata: (body.metadata as Record<string, string>) ?? {},
        client_reference_id: (body.client_reference_id as string) ?? null,
        success_url: successUrl,
        cancel_url: String(body.cancel_url ?? ""),
        expires_at: Number(body.expires_at),
        payment_intent: null,
        allowed_payment_method_types: (body.allowed_payment_method_types as string[]) ?? ["card"],
        url:
          options.sessionUrl === "success"
            ? successUrl.replace("{CHECKOUT_SESSION_ID}", id)
            : `https://checkout.stripe.com/c/pay/${id}`,
        line_items_input: lineItems,
      };
      sessions.set(id, session);
      return { status: 200, body: session as unknown as Json };
    }
    const get = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && get) {
      const session = sessions.get(decodeURIComponent(get[1]!));
      return session
        ? { status: 200, body: session as unknown as Json }
        : { status: 404, body: error("No such checkout.session") };
    }
    if (method === "GET" && path === "/v1/refunds") {
      const intent = String(body.payment_intent ?? "");
      return {
        status: 200,
        body: {
          object: "list",
          url: "/v1/refunds",
          has_more: false,
          data: refunds.filter((r) => !intent || r.payment_intent === intent),
        },
      };
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = String(body.payment_intent ?? "");
      const session = [...sessions.values()].find((s) => s.payment_intent === intent);
      if (!session) return { status: 404, body: error("No such payment_intent") };
      if (refunds.some((r) => r.payment_intent === intent)) {
        return {
          status: 400,
          body: error(`Charge for ${intent} has already been refunded.`, "charge_already_refunded"),
        };
      }
      const refund = {
        id: newId("re"),
        object: "refund",
        amount: session.amount_total,
        currency: "cny",
        payment_intent: intent,
        status: "succeeded",
        metadata: body.metadata ?? {},
      };
      refunds.push(refund);
      return { status: 200, body: refund };
    }
    return { status: 404, body: error(`Unrecognized request URL (${method}: ${path})`) };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = req.method === "GET" ? parseStripeForm(url.searchParams.toString()) : parseStripeForm(raw);
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      requests.push({
        method: req.method ?? "",
        path: url.pathname,
        body,
        idempotencyKey,
        authorization: req.headers.authorization ?? null,
      });
      const isRefund = req.method === "POST" && url.pathname === "/v1/refunds";
      const recordRefund = (status: number, answer: Json, replayed: boolean) => {
        if (isRefund) {
          const refundId = status === 200 ? String(answer.id) : null;
          refundCalls.push({
            paymentIntent: String(body.payment_intent ?? ""),
            idempotencyKey,
            status,
            refundId,
            replayed,
          });
        }
      };
      if (isRefund && refundsDown) {
        const answer = { error: { type: "api_error", message: "Stripe stand-in: refunds are down" } };
        recordRefund(500, answer, false);
        res.writeHead(500, { "Content-Type": "application/json", "Stripe-Should-Retry": "false" });
        return res.end(JSON.stringify(answer));
      }
      if (req.method === "POST" && idempotencyKey) {
        const seen = idempotent.get(`${url.pathname}|${idempotencyKey}`);
        if (seen) {
          recordRefund(seen.status, seen.body, true);
          return send(res, seen.status, seen.body);
        }
      }
      const result = handle(req.method ?? "", url.pathname, body);
      if (req.method === "POST" && idempotencyKey) idempotent.set(`${url.pathname}|${idempotencyKey}`, result);
      recordRefund(result.status, result.body, false);
      send(res, result.status, result.body);
    });
  });
  const giveUpAt = Date.now() + (options.waitForPortMs ?? 25_000);
  for (;;) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
      break;
    } catch (listenError) {
      const busy = (listenError as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (!busy || !options.port || Date.now() > giveUpAt) throw listenError;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const port = (server.address() as AddressInfo).port;
  // Only for signing test headers; never makes a request.
  const signer = new Stripe("sk_test_signer");

  function event(type: string, object: unknown) {
    return {
      id: newId("evt"),
      object: "event",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    };
  }

  return {
    port,
    sessions,
    refunds,
    requests,
    /** Every refund request the app made: payment intent, idempotency key, answer, replayed or not. */
    refundCalls,
    /** Simulates Stripe being unreachable for refunds until called again with false. */
    setRefundsDown(down: boolean) {
      refundsDown = down;
    },
    /** The buyer pays: the session becomes complete and paid; returns the completion event. */
    completeSession(id: string) {
      const session = sessions.get(id);
      if (!session) throw new Error(`no session ${id}`);
      session.status = "complete";
      session.payment_status = "paid";
      session.payment_intent ??= newId("pi");
      return event("checkout.session.completed", { ...session });
    },
    expireSession(id: string) {
      const session = sessions.get(id);
      if (!session) throw new Error(`no session ${id}`);
      session.status = "expired";
      return event("checkout.session.expired", { ...session });
    },
    chargeRefunded(paymentIntent: string, amount: number) {
      return event("charge.refunded", {
        id: newId("ch"),
        object: "charge",
        amount,
        amount_refunded: amount,
        currency: "cny",
        paid: true,
        refunded: true,
        payment_intent: paymentIntent,
      });
    },
    /** The body and a valid `stripe-signature` header for an event. */
    sign(evt: unknown, secret: string) {
      const payload = JSON.stringify(evt);
      return { payload, header: signer.webhooks.generateTestHeaderString({ payload, secret }) };
    },
    /** Delivers an event to the app's webhook, signed as Stripe would. */
    async deliver(webhookUrl: string, evt: unknown, secret: string) {
      const { payload, header } = this.sign(evt, secret);
      return fetch(webhookUrl, {
        method: "POST",
        body: payload,
        headers: { "Content-Type": "application/json", "stripe-signature": header },
      });
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;
