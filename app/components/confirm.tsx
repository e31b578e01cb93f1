// The confirmation of an irreversible action (准予登记, 提交评分, 提交申报, …).
// With JavaScript the guarded button opens a native <dialog> with the focus on
// the safe choice; without it the form posts unconfirmed, the action answers
// with a confirmation step (action.server.ts) and the route shows ConfirmGate's
// second page, which posts the same fields again with the confirmation.
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useLocation } from "@remix-run/react";
import { useId, useRef, type ReactNode } from "react";
import type { z } from "zod";
import { CONFIRM_FIELD, confirmRequestOf } from "~/utils/confirm";

/**
 * A submit button that asks first. `intent` is the name the action knows the
 * form by (its intent); `name`/`value` are the button's own, when it has them.
 */
export function ConfirmButton({
  intent,
  label,
  message,
  children,
  className = "btn-primary",
  disabled,
  name,
  value,
  schema,
  onPress,
}: {
  intent: string;
  /** The action, as on the dialog's confirm button (准予登记). */
  label: string;
  /** What will happen (将赋予统一社会信用代码，不可撤回). */
  message: ReactNode;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  name?: string;
  value?: string;
  /**
   * The form's checks: when they fail, the press goes straight on to the form
   * (which shows its errors) instead of asking about a submission that cannot go.
   */
  schema?: z.ZodTypeAny;
  /** Called on every press, before asking (e.g. to remember which button was pressed). */
  onPress?: () => void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const confirmed = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  function ask(event: React.MouseEvent) {
    onPress?.();
    if (!dialog.current?.showModal) return; // no <dialog> support: the server asks instead
    const form = button.current?.form;
    if (schema && form && parseWithZod(new FormData(form, button.current), { schema }).status !== "success") return;
    event.preventDefault();
    dialog.current.showModal();
    cancel.current?.focus();
  }

  function proceed() {
    const form = button.current?.form;
    dialog.current?.close();
    if (!form || !confirmed.current || !button.current) return;
    confirmed.current.value = intent;
    form.requestSubmit(button.current);
    // The next press asks again (e.g. after the form showed an error).
    confirmed.current.value = "";
  }

  return (
    <>
      <input ref={confirmed} type="hidden" name={CONFIRM_FIELD} defaultValue="" />
      <button
        ref={button}
        type="submit"
        name={name}
        value={value}
        className={className}
        disabled={disabled}
        onClick={ask}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        className="w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40"
      >
        <h2 id={headingId} className="text-lg font-semibold text-gray-900">
          确认{label}？
        </h2>
        <p className="mt-3 text-sm text-gray-700">{message}</p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button ref={cancel} type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
            取消
          </button>
          <button type="button" className="btn-danger" onClick={proceed}>
            确认{label}
          </button>
        </div>
      </dialog>
    </>
  );
}

/**
 * The second page of a confirmation without JavaScript: when the action's
 * `reply` is a confirmation step, it replaces the page's `children` with what
 * will happen, 取消 (focused, back to the page) and the confirm button, which
 * posts the same fields again with the confirmation.
 */
export function ConfirmGate({ reply, children }: { reply: unknown; children: ReactNode }) {
  const confirm = confirmRequestOf(reply);
  const location = useLocation();
  if (!confirm) return <>{children}</>;
  return (
    <section className="card mx-auto max-w-xl space-y-4" aria-labelledby="confirm-step-heading">
      <h2 id="confirm-step-heading" className="text-lg font-semibold text-gray-900">
        确认{confirm.label}？
      </h2>
      <p className="text-sm text-gray-700">{confirm.message}</p>
      <Form method="post" encType="multipart/form-data" className="flex flex-wrap gap-3">
        {confirm.fields.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRM_FIELD} value={confirm.intent} />
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the safe choice has the focus */}
        <Link to={location.pathname + location.search} className="btn-secondary" autoFocus reloadDocument>
          取消
        </Link>
        <button type="submit" className="btn-danger">
          确认{confirm.label}
        </button>
      </Form>
    </section>
  );
}
