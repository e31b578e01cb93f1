// The editor's submit, shared by the new and edit pages.
import { parseWithZod } from "@conform-to/zod";
import { redirect } from "@remix-run/node";
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { saveCall } from "./store.server";
import { CallFormSchema, formToSettings } from "./validation";

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
  const submission = parseWithZod(formData, { schema: CallFormSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const v = submission.value;
  const publish = v.intent === "publish";
  try {
    const result = await saveCall({
      callId,
      text: { title: v.title, year: v.year, description: v.description },
      settings: formToSettings(v),
      publish,
      actor,
      request,
    });
    if (!result.ok) return Response.json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    return redirect(`/admin/grants/${result.callId}?${publish ? "published" : "saved"}=1`);
  } catch (error) {
    const response = workflowErrorResponse(error);
    if (response)
      return Response.json(submission.reply({ formErrors: [await response.text()] }), { status: response.status });
    throw error;
  }
}
