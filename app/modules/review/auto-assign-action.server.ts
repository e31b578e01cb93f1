// The action half of the shared automatic assignment card (auto-assign-card.tsx): checks the form
// with the kind's words, runs the assignment on the kind, and answers under the card's intent with
// what it did, which is what the card reads.
import { data } from "@remix-run/node";
import { handler } from "~/utils/action.server";
import { autoAssignSchema, type AutoAssignWords } from "./auto-assign-form";
import { autoAssign } from "./auto-assign.server";
import type { PanelCtx } from "./panel-result";
import type { PanelSubjectKind } from "./subject";

export function autoAssignHandler(kind: PanelSubjectKind, roundId: string, words: AutoAssignWords, ctx: PanelCtx) {
  return handler({
    schema: autoAssignSchema(words),
    run: ({ intent: _, ...input }) => autoAssign(kind, roundId, input, ctx),
    done: ({ ok: _, ...outcome }) => data({ intent: "auto-assign" as const, outcome }),
  });
}
