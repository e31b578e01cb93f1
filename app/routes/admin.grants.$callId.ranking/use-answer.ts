// The action's answer as the ranking page's parts read it: a form's reply
// (errors) or, after a success, the message shown above the list.
import { useActionData } from "@remix-run/react";
import type { action } from "./route";

export function useRankingAnswer() {
  const answer = useActionData<typeof action>();
  return {
    reply: answer && "result" in answer ? answer : undefined,
    // dispatchIntent types the failures; the successes (`done`) carry the message.
    message: answer && "message" in answer ? String(answer.message) : null,
  };
}
