// How to pay an offline order, as the order page and the lookup show it.
import { formatDateTime } from "~/utils/format";
import type { PaymentInstructions } from "./payment-instructions";

export function PaymentInstructionsCard({
  instructions,
  payBy,
}: {
  instructions: PaymentInstructions;
  /** The order's expiry: pay before this. */
  payBy?: Date | string;
}) {
  return (
    <section
      className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
      aria-label="付款方式说明"
      data-testid="payment-instructions"
    >
      <p className="font-medium">
        {payBy ? `请在 ${formatDateTime(payBy)} 前付款。` : null}
        {instructions.summary}
      </p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[6rem_1fr]">
        {instructions.facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="text-amber-800">{fact.label}</dt>
            <dd className="break-all font-medium">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
