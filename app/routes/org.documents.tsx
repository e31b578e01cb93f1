import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FileField, FormErrors, SelectField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { clientFileSchema, DOCUMENT_ACCEPT } from "~/modules/attachments/document-set";
import { allowedLabel, DOCUMENT_KINDS, formatSize } from "~/modules/attachments/file-types";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import {
  documentPurposeLabel,
  ORG_DOCUMENT_PURPOSE_KEYS,
  ORG_DOCUMENT_PURPOSES,
} from "~/modules/organizations/documents";
import { addOrgDocument, listOrgDocuments } from "~/modules/organizations/documents.server";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDateTime } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";

// The client checks presence only; the content check needs the server.
const DocumentFields = {
  purpose: z.enum(ORG_DOCUMENT_PURPOSE_KEYS, {
    required_error: "请选择文件类别",
    invalid_type_error: "请选择文件类别",
  }),
  description: z.string().trim().max(100, "说明最多 100 个字").optional(),
};
const DocumentClientSchema = z.object({
  ...DocumentFields,
  file: clientFileSchema,
});

export const meta: MetaFunction = () => [{ title: "机构文件 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return { documents: await listOrgDocuments(organization.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const formData = await parseUploadForm(request);
  return answerIntent(
    "org-document",
    formData,
    handler({
      // Built here so the server-only content check never reaches the browser bundle.
      schema: z.object({ ...DocumentFields, file: uploadSchema(DOCUMENT_KINDS) }),
      run: async (value) => {
        await addOrgDocument({
          organizationId: organization.id,
          uploaderId: user.id,
          purpose: value.purpose,
          description: value.description,
          file: value.file,
          request,
        });
      },
      done: () => redirect("/org/documents?uploaded=1"),
    }),
  );
}

export default function OrgDocumentsPage() {
  const { documents } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useIsPending();
  const [searchParams] = useSearchParams();
  const [form, fields] = useConformForm({ id: "org-document", schema: DocumentClientSchema, reply: lastResult });
  const purposeOptions = ORG_DOCUMENT_PURPOSE_KEYS.map((k) => ({ value: k, label: ORG_DOCUMENT_PURPOSES[k] }));

  return (
    <div>
      <PageHeader title="机构文件" description="章程、证照、场所证明等材料，仅本机构成员和民政局工作人员可以查看。" />
      {searchParams.get("uploaded") === "1" && !lastResult ? <Notice className="mb-4">文件已上传。</Notice> : null}
      <div className="card mb-6">
        <h2 className="mb-4 font-medium">上传文件</h2>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
          <SelectField meta={fields.purpose} label="文件类别" options={purposeOptions} />
          <Field meta={fields.description} label="说明" placeholder="例如：2025年修订版章程" />
          <FileField
            meta={fields.file}
            label="文件"
            accept={DOCUMENT_ACCEPT}
            className="sm:col-span-2"
            hint={`支持 ${allowedLabel(DOCUMENT_KINDS)}，单个文件不超过 10 MB。`}
          />
          <div className="sm:col-span-2">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <div className="sm:col-span-2">
            <button type="submit" className="btn-primary" disabled={pending}>
              {pending ? "正在上传…" : "上传"}
            </button>
          </div>
        </Form>
      </div>
      <DataTable
        className="sm:rounded-lg sm:border sm:border-gray-200 sm:bg-white"
        label="机构文件"
        rows={documents}
        rowKey={(d) => d.id}
        empty="还没有上传任何文件。"
        columns={[
          { header: "类别", className: "whitespace-nowrap", cell: (d) => documentPurposeLabel(d.purpose) },
          {
            header: "文件",
            primary: true,
            cell: (d) => (
              <a href={`/files/${d.id}`} className="link break-all" target="_blank" rel="noreferrer">
                {d.originalName}
              </a>
            ),
          },
          { header: "说明", cell: (d) => d.description ?? "—" },
          { header: "大小", className: "whitespace-nowrap", cell: (d) => formatSize(d.sizeBytes) },
          { header: "上传人", className: "whitespace-nowrap", cell: (d) => d.uploader?.name ?? "—" },
          { header: "上传时间", className: "whitespace-nowrap", cell: (d) => formatDateTime(d.createdAt) },
        ]}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
