import { useActionData } from "@remix-run/react";
import { replyFor } from "~/components/use-form";
import type { action } from "./route";

/**
 * The action's reply to this card's form: every card has a replace or reopen
 * form, so the reply counts only when it answers the assignment it was sent for
 * (conform's result carries the submitted values back).
 */
export function useAssignmentReply(intent: "replace" | "reopen", assignmentId: string) {
  const result = replyFor(useActionData<typeof action>(), intent);
  return result?.initialValue?.assignmentId === assignmentId ? result : undefined;
}
