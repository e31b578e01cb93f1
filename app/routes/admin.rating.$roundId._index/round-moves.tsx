// The round's next step for staff: open applications, or close them.
import { Form, useActionData } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import type { action } from "./route";

const MOVES: Record<string, { intent: string; label: string; hint: string }> = {
  DRAFT: { intent: "open", label: "开放申报", hint: "开放后所选指标体系冻结，设置不能再修改。" },
  OPEN: { intent: "close", label: "截止申报", hint: "截止后未提交的申请不再受理，进入审核和专家评估。" },
};

export function RoundMoves({ status }: { status: string }) {
  const reply = useActionData<typeof action>();
  const move = MOVES[status];
  const busy = useIsPending({ intent: move?.intent });
  if (!move) return null;
  const errors = reply && "result" in reply && reply.intent === move.intent ? reply.result?.error?.[""] : null;
  return (
    <section className="card space-y-2" aria-label="评估进程">
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value={move.intent} />
        <button type="submit" className="btn-primary" disabled={busy}>
          {move.label}
        </button>
        <span className="text-xs text-gray-500">{move.hint}</span>
      </Form>
      <FormErrors errors={errors} />
    </section>
  );
}
