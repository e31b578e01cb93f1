// The editor's submit, shared by the new and edit pages.
import { answerIntent, handler } from "~/utils/action.server";
import { redirect } from "~/utils/redirect.server";
import { saveCall } from "./store.server";
import { CALL_FORM, CallFormSchema, formToSettings } from "./validation";

export async function submitCallForm({
  formData,
  callId,
  actor,
  request,
}: {
  formData: FormData;
  callId: string | null;
  actor: { id: string };
  request: Request;
}) {
  return answerIntent(
    CALL_FORM,
    formData,
    handler({
      schema: CallFormSchema,
      run: (v) =>
        saveCall({
          callId,
          text: { title: v.title, year: v.year, description: v.description },
          settings: formToSettings(v),
          publish: v.intent === "publish",
          actor,
          request,
        }),
      done: (result, v) =>
        redirect(`/admin/grants/${result.callId}?${v.intent === "publish" ? "published" : "saved"}=1`),
    }),
  );
}
