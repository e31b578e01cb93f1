import type { ActionFunctionArgs } from "@remix-run/node";
import { getStripe } from "~/modules/showroom/stripe.server";
import { handleStripeEvent } from "~/modules/showroom/webhook.server";
import { readText } from "~/utils/request-body.server";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// Stripe calls this server to server; the signature is its authentication.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Method Not Allowed", 405);
  const stripe = getStripe();
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return text("Stripe is not configured", 503);
  const signature = request.headers.get("stripe-signature");
  if (!signature) return text("Missing signature", 400);
  const payload = await readText(request);
  let event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    return text("Invalid signature", 400);
  }
  try {
    const outcome = await handleStripeEvent(event);
    return Response.json({ received: true, outcome });
  } catch (error) {
    // Not recorded as handled: Stripe delivers the event again (a refund made before the
    // failure is found again through its idempotency key, never made twice).
    console.error(
      `Stripe event ${event.id} (${event.type}) failed; Stripe will retry`,
      error instanceof Error ? (error.stack ?? error.message) : error,
    );
    return text("Temporary failure, please retry", 500);
  }
}

export async function loader() {
  return text("Method Not Allowed", 405);
}
