// What the webhook needs of each Stripe event it acts on. A signed event that
// lacks these fields (an API version change, a test event sent by hand) is
// recorded and ignored with a log line rather than answered 500, which Stripe
// would retry forever. Pure, so every shape rule is unit-tested.
import { z } from "zod";

const id = z.string().min(1).max(255);
const paymentIntent = z.union([id, z.object({ id })]).nullish();

const sessionShape = z.object({
  id,
  payment_status: z.string().nullish(),
  payment_intent: paymentIntent,
  amount_total: z.number().int().nonnegative().nullish(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

const chargeShape = z.object({ payment_intent: paymentIntent, refunded: z.boolean() });

/** The event types the webhook acts on, and the object each must carry. */
const OBJECT_SHAPES: Record<string, z.ZodTypeAny> = {
  "checkout.session.completed": sessionShape,
  "checkout.session.async_payment_succeeded": sessionShape,
  "checkout.session.expired": sessionShape,
  "charge.refunded": chargeShape,
};

export type EventShapeProblem = { eventId: string | null; type: string | null; problem: string };

/**
 * Null when the event can be handled (or is of a type the webhook ignores
 * anyway); otherwise what is wrong with it, for the log line.
 */
export function eventShapeProblem(event: unknown): EventShapeProblem | null {
  const head = z.object({ id, type: z.string().min(1).max(255), data: z.object({ object: z.unknown() }) });
  const parsed = head.safeParse(event);
  const raw = (event ?? {}) as { id?: unknown; type?: unknown };
  const eventId = typeof raw.id === "string" && raw.id.length <= 255 ? raw.id : null;
  const type = typeof raw.type === "string" && raw.type.length <= 255 ? raw.type : null;
  if (!parsed.success) return { eventId, type, problem: describe(parsed.error) };
  const shape = OBJECT_SHAPES[parsed.data.type];
  if (!shape) return null;
  const object = shape.safeParse(parsed.data.data.object);
  return object.success ? null : { eventId, type, problem: describe(object.error) };
}

function describe(error: z.ZodError) {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(event)"}: ${issue.message}`)
    .join("; ");
}
