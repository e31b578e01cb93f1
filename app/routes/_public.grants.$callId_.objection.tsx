import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FileField, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { useConformForm, useIsPending } from "~/components/use-form";
import { allowedLabel, FILE_KINDS, type FileKind } from "~/modules/attachments/file-types";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { createObjection } from "~/modules/grants/publicity/create-objection.server";
import { getPublicity } from "~/modules/grants/publicity/public.server";
import { buildObjectionSchema, objectionWindowProblem } from "~/modules/grants/publicity/publicity";
import { formStampProblem, signFormStamp } from "~/modules/publicity/form-stamp.server";
import { isHoneypotFilled } from "~/modules/publicity/objection";
import { failureResult } from "~/utils/action.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { fail } from "~/utils/write-result";

// File name ends in `$callId_` so the form is not nested inside the call page's layout.

const EVIDENCE_KINDS: FileKind[] = ["pdf", "jpg", "png"];
const ACCEPT = EVIDENCE_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");
const ClientSchema = buildObjectionSchema(z.instanceof(File, { message: "请选择要上传的文件" }));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `提出异议 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: no login.
  const publicity = await getPublicity(params.callId ?? "");
  invariantResponse(publicity, "未找到该公示", { status: 404 });
  const wanted = new URL(request.url).searchParams.get("applicationId");
  const preselected = publicity.entries.some((e) => e.applicationId === wanted) ? wanted : null;
  return {
    call: publicity.call,
    entries: publicity.entries.map((e) => ({ value: e.applicationId, label: `${e.organizationName} — ${e.title}` })),
    preselected,
    closed: objectionWindowProblem(publicity.call, new Date()),
    stamp: signFormStamp(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Public form: no login; the guards are the publicity window, the signed stamp, the honeypot and the IP limit.
  const callId = params.callId ?? "";
  const formData = await parseUploadForm(request);
  if (isHoneypotFilled(formData.get("website")?.toString())) {
    // A robot: look accepted, save nothing.
    return redirect(`/grants/${callId}/publicity?submitted=1`);
  }
  // Built here so the server-only content check never reaches the browser bundle.
  const schema = buildObjectionSchema(uploadSchema(EVIDENCE_KINDS));
  // Parsed here rather than by answerIntent: the evidence check is asynchronous,
  // and a refused stamp answers with a fresh one.
  const submission = await parseWithZod(formData, { schema, async: true });
  if (submission.status !== "success") return reply(failureResult(submission, {}));
  const stampProblem = formStampProblem(submission.value.stamp);
  if (stampProblem) {
    // A fresh stamp lets a person simply submit again; the 3-second rule still applies to it.
    return reply(failureResult(submission, fail(stampProblem)), signFormStamp());
  }
  const { applicationId, name, contact, content, evidence } = submission.value;
  const result = await createObjection({ callId, applicationId, name, contact, content, evidence, request });
  if (!result.ok) return reply(failureResult(submission, result), undefined, result.status);
  return redirect(`/grants/objections/${result.token}`);
}

function reply(result: SubmissionResult<string[]>, stamp?: string, status = 400) {
  return data({ intent: "objection", result, stamp }, { status });
}

export default function ObjectionPage() {
  const { call, entries, preselected, closed, stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "objection",
    schema: ClientSchema,
    reply: answer,
    defaultValue: { applicationId: preselected ?? "" },
  });
  return (
    <div className="space-y-6">
      <PageHeader
        title="提出异议"
        description={
          <>
            <Link to={`/grants/${call.id}/publicity`} className="link">
              {call.title} · 拟入围项目公示
            </Link>
            ，公示截止 {formatDateTime(call.publicityEndsAt)}
          </>
        }
      />
      {closed ? (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="objection-closed"
        >
          {closed}。
        </p>
      ) : (
        <Form
          method="post"
          encType="multipart/form-data"
          {...getFormProps(form)}
          className="card relative grid gap-4 sm:grid-cols-2"
        >
          <input type="hidden" name="stamp" value={answer?.stamp ?? stamp} />
          {/* Honeypot: hidden from people and screen readers; robots that fill every field give themselves away. */}
          <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
            <label htmlFor="objection-website">网站（请勿填写）</label>
            <input id="objection-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <Field meta={fields.name} label="姓名" autoComplete="name" />
          <Field meta={fields.contact} label="联系方式" hint="手机号码或电子邮箱，仅用于核实异议，不会公开。" />
          <SelectField meta={fields.applicationId} label="异议项目" options={entries} className="sm:col-span-2" />
          <TextareaField
            meta={fields.content}
            label="异议内容及理由"
            rows={6}
            hint="请写明具体事实和理由，20–2000 字。"
            className="sm:col-span-2"
          />
          <FileField
            meta={fields.evidence}
            label="证明材料（选填）"
            accept={ACCEPT}
            hint={`支持 ${allowedLabel(EVIDENCE_KINDS)}，不超过 10 MB；仅区民政局工作人员可查看。`}
            className="sm:col-span-2"
          />
          <div className="sm:col-span-2">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <div className="sm:col-span-2">
            <button type="submit" className="btn-primary" disabled={pending}>
              提交异议
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
