import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FileField, FormErrors } from "~/components/forms";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { formatDate } from "~/utils/format";
import type { action, loader } from "./route";

const ImportClientSchema = z.object({ file: z.instanceof(File, { message: "请选择 Excel 文件" }) });

/** The versions of this scheme's key, a new version (a copy), and a new version from Excel. */
export function VersionCard() {
  const { scheme, versions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const copying = useIsPending({ intent: "new-version" });
  const importing = useIsPending({ intent: "import-version" });
  const [form, fields] = useConformForm({ id: "import-version", schema: ImportClientSchema, reply });
  return (
    <SectionCard id="versions" title="版本">
      <ul className="mb-4 space-y-1 text-sm">
        {versions.map((v) => (
          <li key={v.id}>
            {v.id === scheme.id ? (
              <span className="font-medium">第 {v.version} 版（当前查看）</span>
            ) : (
              <Link to={`/admin/indicators/${v.id}`} className="link">
                第 {v.version} 版
              </Link>
            )}
            <span className="ml-2 text-gray-500">
              {formatDate(v.createdAt)} 创建 · {v.frozenAt ? `${formatDate(v.frozenAt)} 起锁定` : "草稿"}
            </span>
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="mb-4">
        <input type="hidden" name="intent" value="new-version" />
        <button type="submit" className="btn-secondary" disabled={copying}>
          新版本
        </button>
        <span className="ml-2 text-xs text-gray-500">
          复制本版本为第 {versions[0]?.version + 1} 版草稿，在新版本上修改。
        </span>
      </Form>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-2">
        <input type="hidden" name="intent" value="import-version" />
        <FileField
          meta={fields.file}
          label="从 Excel 导入为新版本"
          accept=".xlsx"
          hint="列与“导出 Excel”相同。导入时检查各级分值合计，并指出出错的行。"
        />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-secondary" disabled={importing}>
          {importing ? "正在导入…" : "导入新版本"}
        </button>
      </Form>
    </SectionCard>
  );
}
