// The form hooks every page uses, so the conform settings live in one place.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useFormAction, useNavigation } from "@remix-run/react";
import type { z } from "zod";

/** An action's answer: which form, and conform's result for it (none when a success only carries a message). */
type Reply = { intent: string; result?: SubmissionResult<string[]> } | null | undefined;

/**
 * conform's `useForm` with the house settings: the zod schema checks in the
 * browser and gives the `required`/`min`/`max` attributes, and errors are
 * re-checked on input. Not "onBlur": the error list disappearing on blur moves
 * the submit button under the pointer and the click is lost.
 *
 * `reply` is the action's answer; on pages with several forms only the form
 * whose `intent` sent it shows it (pass `intent`, or the form's id is used; a
 * form whose buttons send different intents passes them all).
 */
export function useConformForm<Schema extends z.ZodTypeAny>(options: {
  id: string;
  schema: Schema;
  reply?: Reply | SubmissionResult<string[]>;
  intent?: string | readonly string[];
  defaultValue?: Parameters<typeof useForm<z.input<Schema>>>[0]["defaultValue"];
  /** Checks in the browser; the schema alone by default (its parsed value may differ from its input). */
  onValidate?: Parameters<typeof useForm<z.input<Schema>, z.output<Schema>>>[0]["onValidate"];
  /**
   * For one form whose buttons check different things (save / recheck): the
   * schema the browser checks this submission with. `schema` (which gives the
   * fields) when omitted.
   */
  schemaFor?: (formData: FormData) => z.ZodTypeAny;
  /**
   * Fields a later step demands though `schema` lets them be empty (a draft form's
   * 提交), so they carry the required mark; rows as "list[].field".
   */
  required?: readonly string[];
}) {
  const { id, schema, reply, intent = options.id, defaultValue, onValidate, schemaFor, required = [] } = options;
  // A copy: getZodConstraint's result ignores assignments.
  const constraint = { ...getZodConstraint(schema) };
  for (const name of required) constraint[name] = { ...constraint[name], required: true };
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult: replyFor(reply, intent),
    defaultValue,
    constraint,
    shouldRevalidate: "onInput",
    onValidate: onValidate ?? (({ formData }) => parseWithZod(formData, { schema: schemaFor?.(formData) ?? schema })),
  });
}

function isIntentReply(reply: NonNullable<Reply> | SubmissionResult<string[]>): reply is NonNullable<Reply> {
  return typeof reply.intent === "string";
}

/** The part of an action's reply meant for the form sending `intent`. */
export function replyFor(reply: Reply | SubmissionResult<string[]>, intent: string | readonly string[]) {
  if (!reply) return undefined;
  // conform's own result has an `intent` too, but never a string.
  if (isIntentReply(reply)) return [intent].flat().includes(reply.intent) ? reply.result : undefined;
  return reply;
}

/**
 * True while this page's form (optionally the one with this `intent`) is being
 * submitted, to disable its button and show progress.
 */
export function useIsPending({ intent, formAction }: { intent?: string; formAction?: string } = {}) {
  const navigation = useNavigation();
  const here = useFormAction();
  if (navigation.state === "idle" || navigation.formMethod == null) return false;
  if (navigation.formAction !== (formAction ?? here)) return false;
  return intent == null || navigation.formData?.get("intent") === intent;
}
