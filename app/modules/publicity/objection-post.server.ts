// The server half of the public objection form (objection-form.tsx): the upload parsed, a filled
// honeypot answered as if accepted, the fields and the evidence's content checked, the signed
// stamp checked (a refused stamp answers with a fresh one), then the area's filing function; on
// success the objector goes to their status page behind the secret token.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { failureResult } from "~/utils/action.server";
import { redirect } from "~/utils/redirect.server";
import { fail, type WriteResult } from "~/utils/write-result";
import { formStampProblem, signFormStamp } from "./form-stamp.server";
import { buildObjectionFormSchema, isHoneypotFilled, OBJECTION_EVIDENCE_KINDS } from "./objection";

export type ObjectionFields = {
  entryId: string;
  name: string;
  contact: string;
  content: string;
  evidence?: File;
};

export async function receivePublicObjection(
  request: Request,
  input: {
    entryField: string;
    entryMessage: string;
    /** where a robot that filled the honeypot is sent, as if its objection were taken */
    droppedPath: string;
    /** the objector's status page for a token */
    statusPath: (token: string) => string;
    file: (fields: ObjectionFields) => Promise<WriteResult<{ token: string }>>;
  },
) {
  const formData = await parseUploadForm(request);
  if (isHoneypotFilled(formData.get("website")?.toString())) return redirect(input.droppedPath);
  // Built here so the server-only content check never reaches the browser bundle.
  const schema = buildObjectionFormSchema(input.entryField, input.entryMessage, uploadSchema(OBJECTION_EVIDENCE_KINDS));
  // Parsed here rather than by answerIntent: the evidence check is asynchronous, and a refused
  // stamp answers with a fresh one.
  const submission = await parseWithZod(formData, { schema, async: true });
  if (submission.status !== "success") return reply(failureResult(submission, {}));
  const value = submission.value as Record<string, unknown> & {
    name: string;
    contact: string;
    content: string;
    evidence?: File;
    stamp?: string;
  };
  const stampProblem = formStampProblem(value.stamp);
  // A fresh stamp lets a person simply submit again; the 3-second rule still applies to it.
  if (stampProblem) return reply(failureResult(submission, fail(stampProblem)), signFormStamp());
  const result = await input.file({
    entryId: String(value[input.entryField]),
    name: value.name,
    contact: value.contact,
    content: value.content,
    evidence: value.evidence,
  });
  if (!result.ok) return reply(failureResult(submission, result), undefined, result.status);
  return redirect(input.statusPath(result.token));
}

function reply(result: SubmissionResult<string[]>, stamp?: string, status = 400) {
  return data({ intent: "objection" as const, result, stamp }, { status });
}
