import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FileField, FormErrors, SelectField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { ScrollBox } from "~/components/scroll-box";
import { SectionCard } from "~/components/section-card";
import { Badge } from "~/components/status-badge";
import { useConformForm, useIsPending } from "~/components/use-form";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireRole } from "~/modules/auth/permissions.server";
import { createDraftScheme } from "~/modules/indicators/builder.server";
import { readSchemeWorkbook } from "~/modules/indicators/excel.server";
import { formatPoints, PURPOSE_LABELS, SCHEME_PURPOSES, type SchemePurpose } from "~/modules/indicators/scheme";
import { SCHEME_ORG_TYPES, SchemeMetaFields } from "~/modules/indicators/scheme-form";
import { listSchemeVersions } from "~/modules/indicators/scheme.server";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";

export const meta: MetaFunction = () => [{ title: "评估指标体系 · 益苗" }];

// The browser checks the fields; the file's content is checked on the server.
const NewSchemeClientSchema = z.object({ ...SchemeMetaFields, file: z.instanceof(File).optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return { schemes: await listSchemeVersions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const formData = await parseUploadForm(request);
  return answerIntent(
    "new-scheme",
    formData,
    handler({
      // Built here so the server-only content check never reaches the browser bundle.
      schema: z.object({ ...SchemeMetaFields, file: uploadSchema(["xlsx"]).optional() }),
      run: async ({ file, ...meta }) => {
        let sheet;
        if (file) {
          const read = await readSchemeWorkbook(await file.arrayBuffer(), meta.totalPoints);
          if (!read.ok) return { ok: false as const, fieldErrors: { file: read.errors } };
          sheet = read;
        }
        return createDraftScheme({ actor: admin, meta, sheet, request });
      },
      done: (result) => redirect(`/admin/indicators/${result.id}`),
    }),
  );
}

const PURPOSE_OPTIONS = SCHEME_PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }));
const TYPE_OPTIONS = SCHEME_ORG_TYPES.map((t) => ({ value: t, label: orgTypeLabel(t) }));

export default function IndicatorSchemesPage() {
  const { schemes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useConformForm({
    id: "new-scheme",
    schema: NewSchemeClientSchema,
    reply,
    defaultValue: { purpose: "RATING", totalPoints: "1000", bonusCap: "0" },
  });
  const groups = new Map<string, typeof schemes>();
  for (const scheme of schemes) {
    const label = `${PURPOSE_LABELS[scheme.purpose as SchemePurpose] ?? scheme.purpose} · ${scheme.orgType ? orgTypeLabel(scheme.orgType) : "不限类型"}`;
    groups.set(label, [...(groups.get(label) ?? []), scheme]);
  }

  return (
    <div className="space-y-4">
      <PageHeader
        title="评估指标体系"
        description="等级评估和资助项目评估使用的评分细则。被评估使用的版本即锁定，修改时创建新版本，已有结果仍对应原版本。"
      />
      {groups.size === 0 ? <EmptyState>还没有指标体系。</EmptyState> : null}
      {[...groups].map(([label, list]) => (
        <SectionCard key={label} id={`group-${list[0].id}`} title={label}>
          <ScrollBox label={label}>
            <table className="table-basic">
              <thead>
                <tr>
                  <th>名称</th>
                  <th>版本</th>
                  <th>总分</th>
                  <th>指标数</th>
                  <th>状态</th>
                  <th>创建日期</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {list.map((scheme) => (
                  <tr key={scheme.id}>
                    <td>
                      <Link to={scheme.id} className="link">
                        {scheme.title}
                      </Link>
                      {scheme.subtype ? <span className="ml-1 text-gray-500">（{scheme.subtype}）</span> : null}
                    </td>
                    <td>第 {scheme.version} 版</td>
                    <td>{formatPoints(scheme.totalPoints)}</td>
                    <td>{scheme._count.nodes}</td>
                    <td>
                      {scheme.frozenAt ? (
                        <Badge tone="brand">已启用（锁定）</Badge>
                      ) : (
                        <Badge tone="neutral">草稿</Badge>
                      )}
                    </td>
                    <td>{formatDate(scheme.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </SectionCard>
      ))}
      <SectionCard id="new-scheme" title="新建指标体系">
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-3">
          <Field
            meta={fields.title}
            label="名称"
            placeholder="例如：江宁区社会团体评估指标（2027）"
            className="sm:col-span-3"
          />
          <SelectField meta={fields.purpose} label="用途" options={PURPOSE_OPTIONS} />
          <SelectField meta={fields.orgType} label="适用组织类型" options={TYPE_OPTIONS} placeholder="不限类型" />
          <Field meta={fields.subtype} label="细分类型" placeholder="例如：行业协会商会" />
          <Field meta={fields.totalPoints} label="总分" inputMode="decimal" />
          <Field
            meta={fields.bonusCap}
            label="加分上限"
            inputMode="decimal"
            hint="加分项最多计入的分数，0 表示不设加分"
          />
          <FileField
            meta={fields.file}
            label="从 Excel 导入（可选）"
            accept=".xlsx"
            hint="一张工作表，列为：编码、名称、分值、评分方式、评分细则/选项、准备材料、加分项（可加 限制条件、数据来源）。不超过 10 MB。"
          />
          <div className="sm:col-span-3">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <div className="sm:col-span-3">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? "正在创建…" : "创建草稿"}
            </button>
          </div>
        </Form>
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
