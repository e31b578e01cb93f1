import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { EmailSchema, MobileSchema, PersonNameSchema } from "~/modules/auth/validation";
import {
  CAPITAL_LABELS,
  ORG_CATEGORIES,
  orgStatusLabel,
  orgTypeLabel,
  type OrgType,
} from "~/modules/organizations/labels";
import { getOrgProfile, updateOrgProfile } from "~/modules/organizations/profile.server";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate, formatFen } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 个字`).optional();

const ProfileSchema = z.object({
  contactName: PersonNameSchema,
  contactPhone: MobileSchema,
  contactEmail: EmailSchema,
  address: optionalText(100, "住所"),
  area: optionalText(50, "活动地域"),
  purpose: optionalText(500, "宗旨"),
  scope: optionalText(500, "业务范围"),
  legalRepresentative: optionalText(30, "法定代表人"),
  category: z.enum(ORG_CATEGORIES, { invalid_type_error: "请选择业务类别" }).optional(),
});

export const meta: MetaFunction = () => [{ title: "机构资料 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return { profile: await getOrgProfile(organization.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  return answerIntent(
    "org-profile",
    await readForm(request),
    handler({
      schema: ProfileSchema,
      run: ({ contactName, contactPhone, contactEmail, ...draft }) =>
        updateOrgProfile({
          organizationId: organization.id,
          actorId: user.id,
          contact: { contactName, contactPhone, contactEmail },
          draft,
          request,
        }),
      done: () => redirect("/org/profile?saved=1"),
    }),
  );
}

export default function OrgProfilePage() {
  const { profile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useIsPending();
  const [searchParams] = useSearchParams();
  const preparing = profile.status === "PREPARING";
  const [form, fields] = useConformForm({
    id: "org-profile",
    schema: ProfileSchema,
    reply: lastResult,
    defaultValue: {
      contactName: profile.contactName ?? "",
      contactPhone: profile.contactPhone ?? "",
      contactEmail: profile.contactEmail ?? "",
      address: profile.address ?? "",
      area: profile.area ?? "",
      purpose: profile.purpose ?? "",
      scope: profile.scope ?? "",
      legalRepresentative: profile.legalRepresentative ?? "",
      category: profile.category ?? "",
    },
  });

  const registered: Array<[string, string]> = [
    ["名称", profile.name],
    ["类型", orgTypeLabel(profile.type)],
    ["状态", orgStatusLabel(profile.status)],
    ["统一社会信用代码", profile.uscc ?? "尚未赋码"],
    ["住所", profile.address ?? "—"],
    ["活动地域", profile.area ?? "—"],
    ["法定代表人", profile.legalRepresentative ?? "—"],
    [CAPITAL_LABELS[profile.type as OrgType] ?? "注册资金", formatFen(profile.capitalFen)],
    ["业务类别", profile.category ?? "—"],
    ["业务主管单位", profile.supervisingUnit ?? "无"],
    ["登记日期", formatDate(profile.registeredAt)],
  ];

  return (
    <div>
      <PageHeader title="机构资料" />
      {searchParams.get("saved") === "1" && !lastResult ? <Notice className="mb-4">已保存。</Notice> : null}
      {!preparing ? (
        <section className="card mb-6">
          <h2 className="font-medium">登记信息</h2>
          <p className="mt-1 text-xs text-gray-500">登记事项如需变更，须依法办理变更登记。</p>
          <DescriptionList className="mt-4">
            {registered.map(([k, v]) => (
              <DescriptionItem key={k} label={k}>
                {v}
              </DescriptionItem>
            ))}
          </DescriptionList>
        </section>
      ) : null}
      <section className="card">
        <h2 className="font-medium">{preparing ? "机构基本情况（筹备中，可随时修改）" : "联系方式"}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field meta={fields.contactName} label="联系人" />
          <Field meta={fields.contactPhone} label="联系电话（手机）" type="tel" inputMode="tel" />
          <Field meta={fields.contactEmail} label="联系邮箱" type="email" className="sm:col-span-2" />
          {preparing ? (
            <>
              <Field meta={fields.address} label="住所" className="sm:col-span-2" />
              <Field meta={fields.area} label="活动地域" />
              <Field meta={fields.legalRepresentative} label="拟任法定代表人" />
              <SelectField
                meta={fields.category}
                label="业务类别"
                options={ORG_CATEGORIES.map((c) => ({ value: c, label: c }))}
              />
              <div className="hidden sm:block" />
              <TextareaField meta={fields.purpose} label="宗旨" className="sm:col-span-2" rows={3} />
              <TextareaField meta={fields.scope} label="业务范围" className="sm:col-span-2" rows={3} />
            </>
          ) : null}
          <div className="sm:col-span-2">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <div className="sm:col-span-2">
            <button type="submit" className="btn-primary" disabled={pending}>
              保存
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
