import { useActionData } from "@remix-run/react";
import type { z } from "zod";
import { useConformForm } from "~/components/use-form";
import type { StaffIntent } from "~/modules/incubation/forms";
import type { action } from "./route";

/** The form for one staff step; it shows the action's reply only when that step sent it. */
export function useIntentForm(intent: StaffIntent, schema: z.ZodTypeAny, defaultValue?: Record<string, string>) {
  const reply = useActionData<typeof action>();
  return useConformForm({ id: `incubation-${intent}`, intent, schema, reply, defaultValue });
}
