// One way for an action to answer a form. Every reply is typed with Remix's
// `data()`, so `useActionData<typeof action>()` needs no cast, and carries the
// intent of the form that sent it, so pages with several forms show errors
// under the right one.
import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { fieldsToRepost, isConfirmed, type ConfirmRequest, type ConfirmText } from "./confirm";
import { invariantResponse } from "./http";
import { isFailure, type FieldErrors, type WriteFailure, type WriteResult } from "./write-result";

/** What an action sends back to a form: which form, and conform's reply for it. */
export type FormReply<I extends string = string> = { intent: I; result: SubmissionResult<string[]> };

/** conform's reply for a failed write (field and form messages). */
export function failureResult(
  submission: Submission<unknown>,
  failure: Omit<WriteFailure, "ok">,
  hideFields?: string[],
) {
  return submission.reply({ fieldErrors: failure.fieldErrors, formErrors: failure.formErrors, hideFields });
}

/** conform's reply that empties the form that sent it (after a success shown on the same page). */
export const RESET_FORM: SubmissionResult<string[]> = { initialValue: null };

/** The typed reply for `intent` with `result`, at `status`. */
export function replyData<I extends string>(
  intent: I,
  result: SubmissionResult<string[]>,
  status = 400,
  headers?: Record<string, string>,
) {
  return data<FormReply<I>>({ intent, result }, { status, headers });
}

/**
 * Answers a WorkflowError (an illegal move, or someone else moved first) as a
 * form error with its status; anything else is rethrown. The one place such
 * errors become replies.
 */
export function replyToWorkflowError<I extends string>(
  intent: I,
  submission: Submission<unknown>,
  error: unknown,
  hideFields?: string[],
) {
  if (!(error instanceof WorkflowError)) throw error;
  return replyData(intent, submission.reply({ formErrors: [error.message], hideFields }), error.status);
}

/**
 * Answers with the confirmation step: what will happen, and the text fields to
 * post again (with `confirmed`) when the person confirms. ConfirmGate renders
 * it (it reads `confirm` with `confirmRequestOf`). Typed as a plain form reply
 * with an empty result, so the pages' reply types stay as they are.
 */
export function confirmReply<I extends string>(intent: I, formData: FormData, text: ConfirmText) {
  const confirm: ConfirmRequest = { ...text, intent, fields: fieldsToRepost(formData) };
  return data<FormReply<I>>({ intent, result: {}, confirm } as FormReply<I>);
}

type Schema = z.ZodTypeAny;

export type IntentHandler<S extends Schema, T extends object, R> = {
  schema: S;
  /**
   * A refusal that holds whatever the form contains (the record is locked, the
   * round has closed): answered before the form is checked, at its status.
   */
  refused?: WriteFailure | null;
  /** The module write. A failure is shown at the form; success goes to `done`. */
  run: (value: z.output<S>) => Promise<WriteResult<T> | void>;
  /** What to answer on success: usually a redirect, or `data(...)` for a message. */
  done: (result: { ok: true } & T, value: z.output<S>) => R;
  /** Fields never sent back to the browser in a reply (passwords). */
  hideFields?: string[];
  /**
   * Uploads set aside before parsing because their content was refused
   * (`setAsideRefusedUploads`): the rest of the form is checked and saved
   * without them. Their messages are shown at their fields; after a successful
   * write the form answers 200 with `savedNote` (what was kept) instead of
   * `done`, or goes to `done` when there is no note (it carries the refusal on).
   */
  refusedUploads?: { fieldErrors: FieldErrors; savedNote: string | null } | null;
  /**
   * An irreversible action: once the form is valid, it runs only when the form
   * says the person confirmed it (ConfirmButton); otherwise the answer is the
   * confirmation step. A function decides per value (submit, not save).
   */
  confirm?: ConfirmText | ((value: z.output<S>) => ConfirmText | null);
  /**
   * Before asking, keeps what was sent that the confirmation page cannot post
   * again (files): e.g. saves the draft with its uploads.
   */
  saveBeforeAsking?: (value: z.output<S>) => Promise<WriteResult | void>;
};

/** Builds one handler; a function so TypeScript infers `value` from the schema. */
export function handler<S extends Schema, T extends object, R>(handler: IntentHandler<S, T, R>) {
  return handler;
}

/**
 * Parses `formData` with the handler's schema (async checks allowed), runs the write and answers:
 * field errors and write failures → 400 (or the failure's status) with the
 * reply; a WorkflowError → its status with the message; success → `done`.
 */
export async function answerIntent<I extends string, S extends Schema, T extends object, R>(
  name: I,
  formData: FormData,
  handler: IntentHandler<S, T, R>,
) {
  // Parsed asynchronously so schemas with async checks (uploads are content-sniffed) work too.
  const submission = await parseWithZod(formData, { schema: handler.schema, async: true });
  const { hideFields } = handler;
  const refusedUploads =
    handler.refusedUploads && Object.keys(handler.refusedUploads.fieldErrors).length ? handler.refusedUploads : null;
  if (handler.refused)
    return replyData(name, failureResult(submission, handler.refused, hideFields), handler.refused.status ?? 400);
  if (submission.status !== "success")
    return replyData(
      name,
      submission.reply({ hideFields, ...(refusedUploads ? { fieldErrors: refusedUploads.fieldErrors } : {}) }),
    );
  const confirm = typeof handler.confirm === "function" ? handler.confirm(submission.value) : handler.confirm;
  const asking = confirm != null && !isConfirmed(formData, name);
  let outcome: WriteResult<T> | WriteResult | void;
  try {
    if (asking && !handler.saveBeforeAsking) return confirmReply(name, formData, confirm);
    outcome = asking ? await handler.saveBeforeAsking!(submission.value) : await handler.run(submission.value);
  } catch (error) {
    return replyToWorkflowError(name, submission, error, hideFields);
  }
  if (isFailure(outcome)) {
    const failure = refusedUploads
      ? { ...outcome, fieldErrors: { ...refusedUploads.fieldErrors, ...outcome.fieldErrors } }
      : outcome;
    return replyData(name, failureResult(submission, failure, hideFields), outcome.status ?? 400, outcome.headers);
  }
  if (asking) return confirmReply(name, formData, confirm);
  if (refusedUploads?.savedNote)
    return replyData(
      name,
      submission.reply({ hideFields, fieldErrors: refusedUploads.fieldErrors, formErrors: [refusedUploads.savedNote] }),
      200,
    );
  return handler.done((outcome ?? { ok: true }) as { ok: true } & T, submission.value);
}

type AnyHandler = IntentHandler<Schema, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
// Read from `done` alone: matching the whole handler fails on its schema-typed `run` and gives never.
type DoneOf<H> = H extends { done: (...args: any[]) => infer R } ? R : never; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * For pages with several forms: reads the hidden `intent` field, picks its
 * handler and answers with `answerIntent`. An unknown intent is a 400.
 *
 *   return dispatchIntent(formData, {
 *     approve: handler({ schema: ApproveSchema, run: (v) => approve(...), done: () => redirect(".") }),
 *     reject: handler({ ... }),
 *   });
 */
export async function dispatchIntent<H extends Record<string, AnyHandler>>(formData: FormData, handlers: H) {
  const name = formData.get("intent");
  invariantResponse(typeof name === "string" && Object.hasOwn(handlers, name), "未知的操作");
  return answerIntent(name as keyof H & string, formData, handlers[name]) as Promise<
    ReturnType<typeof replyData<keyof H & string>> | DoneOf<H[keyof H]>
  >;
}
