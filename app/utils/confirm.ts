// The confirmation step of an irreversible action (准予登记, 提交评分, …), shared
// by the server seam (action.server.ts) and the component (components/confirm.tsx).
// A form's guarded button carries a hidden `confirmed` field naming its intent
// once the person has confirmed; without it the action answers with the
// confirmation step instead of acting. Pure: safe in the browser.

/** The hidden field that says which intent the person confirmed. */
export const CONFIRM_FIELD = "confirmed";

/** What the confirmation says: the action's name and what will happen. */
export type ConfirmText = { label: string; message: string };

/** The confirmation step an action answers with (rendered as a second page without JavaScript). */
export type ConfirmRequest = ConfirmText & {
  /** The intent being confirmed (the value `confirmed` must carry). */
  intent: string;
  /** The text fields of the form as sent, posted again when the person confirms. */
  fields: Array<[string, string]>;
};

/** True when the form says the person confirmed `intent`. */
export function isConfirmed(formData: FormData, intent: string) {
  return formData.getAll(CONFIRM_FIELD).includes(intent);
}

/** The fields to post again on confirmation: every text field but the confirmation itself. */
export function fieldsToRepost(formData: FormData): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const [name, value] of formData.entries())
    if (typeof value === "string" && name !== CONFIRM_FIELD) fields.push([name, value]);
  return fields;
}

/** The confirmation step inside an action's reply, if it is one. */
export function confirmRequestOf(reply: unknown): ConfirmRequest | null {
  if (typeof reply !== "object" || reply === null || !("confirm" in reply)) return null;
  const { confirm } = reply as { confirm?: ConfirmRequest };
  return confirm ?? null;
}
