import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FileField, FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { allowedLabel, DOCUMENT_KINDS, FILE_KINDS } from "~/modules/attachments/file-types";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { conclusionLabel, OPEN_RECTIFICATION_STATUSES, rectificationStatusLabel } from "~/modules/inspection/labels";
import { getOrgRectification, submitRectification } from "~/modules/inspection/rectifications.server";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";

const RectificationFields = {
  reportText: z
    .string({ required_error: "请填写整改报告" })
    .trim()
    .min(10, "整改报告至少 10 个字，请说明发现的问题、采取的措施和结果")
    .max(5000, "整改报告最多 5000 个字"),
};
const RectificationClientSchema = z.object({ ...RectificationFields, file: z.instanceof(File).optional() });

const ACCEPT = DOCUMENT_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");

export const meta: MetaFunction = () => [{ title: "年检整改 · 益苗" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const found = await getOrgRectification(organization.id, params.rectificationId!);
  invariantResponse(found, "未找到该整改事项", { status: 404 });
  return found;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const found = await getOrgRectification(organization.id, params.rectificationId!);
  invariantResponse(found, "未找到该整改事项", { status: 404 });
  const formData = await parseUploadForm(request);
  // Built here so the server-only content check never reaches the browser bundle.
  const schema = z.object({ ...RectificationFields, file: uploadSchema(DOCUMENT_KINDS).optional() });
  return answerIntent(
    "rectification-report",
    formData,
    handler({
      schema,
      run: (v) =>
        submitRectification({
          organizationId: organization.id,
          rectificationId: found.rectification.id,
          text: v.reportText,
          file: v.file ?? null,
          actorId: user.id,
          request,
        }),
      done: () => redirect(`/org/rectifications/${found.rectification.id}?submitted=1`),
    }),
  );
}

export default function OrgRectification() {
  const { rectification, files } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const pending = useIsPending();
  const [searchParams] = useSearchParams();
  const [form, fields] = useConformForm({
    id: "rectification-report",
    schema: RectificationClientSchema,
    reply,
    defaultValue: { reportText: rectification.reportText ?? "" },
  });
  const open = (OPEN_RECTIFICATION_STATUSES as readonly string[]).includes(rectification.status);
  return (
    <div>
      <PageHeader
        title={`${rectification.report.year}年度年检整改`}
        description={`年检结论：${conclusionLabel(rectification.report.conclusion)} · 状态：${rectificationStatusLabel(rectification.status)} · 整改期限 ${formatDate(rectification.dueAt)}`}
        actions={
          <Link to="/org/inspection" className="btn-secondary">
            返回年检
          </Link>
        }
      />
      {searchParams.get("submitted") === "1" && !reply ? (
        <Notice className="mb-4">整改报告已提交，请等待登记管理机关审核。</Notice>
      ) : null}
      <section className="card mb-4 text-sm">
        <h2 className="font-medium">整改要求</h2>
        <p className="mt-2 whitespace-pre-wrap">{rectification.requirement}</p>
        {rectification.reviewNote ? (
          <p className="mt-3 rounded-md bg-amber-50 p-2 text-amber-900">审核意见：{rectification.reviewNote}</p>
        ) : null}
      </section>
      {open ? (
        <section className="card">
          <h2 className="mb-4 font-medium">提交整改报告</h2>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="grid gap-4">
            <TextareaField
              meta={fields.reportText}
              label="整改报告"
              rows={8}
              hint="说明发现的问题、采取的整改措施和整改结果。"
            />
            <FileField
              meta={fields.file}
              label="附件（选填）"
              accept={ACCEPT}
              hint={`支持 ${allowedLabel(DOCUMENT_KINDS)}，不超过 10 MB。`}
            />
            <FormErrors id={form.errorId} errors={form.errors} />
            <div>
              <button type="submit" className="btn-primary" disabled={pending}>
                提交整改报告
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <section className="card text-sm">
          <h2 className="font-medium">已提交的整改报告</h2>
          <p className="mt-1 text-gray-500">提交时间：{formatDateTime(rectification.submittedAt)}</p>
          <p className="mt-2 whitespace-pre-wrap">{rectification.reportText ?? "—"}</p>
          {files.map((f) => (
            <a key={f.id} href={`/files/${f.id}`} className="link mt-2 block" target="_blank" rel="noreferrer">
              {f.originalName}
            </a>
          ))}
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
