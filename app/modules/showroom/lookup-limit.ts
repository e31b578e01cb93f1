// The public order lookup (order number + phone) is limited so phone numbers
// cannot be guessed: failed lookups are counted per client address (hashed)
// and per order number over a sliding window. Pure rules; the counting rows
// live in OrderLookupAttempt (lookup-limit.server.ts).

export const LOOKUP_WINDOW_MINUTES = 15;
/** Failed lookups one order number may get in the window, from any address. */
export const LOOKUP_FAILURES_PER_ORDER = 10;
/**
 * Failed lookups one address may make in the window, over all order numbers. Higher than the
 * per-order limit: several buyers can share an address (an office, a mobile carrier's NAT), and
 * the per-order limit is what stops guessing the phone of one order.
 */
export const LOOKUP_FAILURES_PER_IP = 20;

export const LOOKUP_LIMITED_MESSAGE = `查询过于频繁，请 ${LOOKUP_WINDOW_MINUTES} 分钟后再试`;

export function lookupWindowStart(now: Date) {
  return new Date(now.getTime() - LOOKUP_WINDOW_MINUTES * 60_000);
}

/**
 * Decides an attempt from the counts of attempts in the window, the current one
 * included (it is recorded before counting, so concurrent requests all see each
 * other and at most the limit get through). Allowed while both counts stay
 * within their limits: the (limit + 1)-th attempt is refused.
 */
export function lookupAllowed(counts: { byIp: number; byOrderNo: number }) {
  return counts.byIp <= LOOKUP_FAILURES_PER_IP && counts.byOrderNo <= LOOKUP_FAILURES_PER_ORDER;
}
