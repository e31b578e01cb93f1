import { useActionData } from "@remix-run/react";
import type { z } from "zod";
import { Notice } from "~/components/notice";
import { useConformForm } from "~/components/use-form";
import type { OrgIntent } from "~/modules/registry/forms";
import type { action } from "./route";

type Reply = ReturnType<typeof useActionData<typeof action>>;

/** The record a reply is about: named on success, else read back from the submitted values. */
function replyRecordId(reply: Reply) {
  if (!reply) return undefined;
  if ("recordId" in reply) return reply.recordId;
  const value = reply.result.initialValue?.recordId;
  return typeof value === "string" ? value : undefined;
}

/**
 * One form of the page. Forms repeated per record (移出异常名录) pass
 * `recordId`, so only the form that sent the reply shows it.
 */
export function useOrgForm(
  id: string,
  intent: OrgIntent,
  schema: z.ZodTypeAny,
  defaultValue?: Record<string, string>,
  recordId?: string,
) {
  const reply = useActionData<typeof action>();
  const mine = recordId == null || replyRecordId(reply) === recordId;
  return useConformForm({ id, intent, schema, reply: mine ? reply : undefined, defaultValue });
}

/** What the action said it did, shown beside the form that asked (`intents`). */
export function DoneNotice({ intent }: { intent: OrgIntent | readonly OrgIntent[] }) {
  const reply = useActionData<typeof action>();
  const intents: readonly string[] = typeof intent === "string" ? [intent] : intent;
  if (!reply || !("message" in reply) || typeof reply.message !== "string" || !intents.includes(reply.intent)) {
    return null;
  }
  return <Notice>{reply.message}</Notice>;
}
