import { getCollectionProps, getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { EmailSchema, MobileSchema, PasswordSchema, PersonNameSchema } from "~/modules/auth/validation";
import { orgStatusLabel } from "~/modules/organizations/labels";
import { EXPERTISE_TAGS, ORGANIZATION_SEARCH_LIMIT } from "~/modules/users/reviewer";
import { createReviewer, searchOrganizations } from "~/modules/users/users.server";
import { answerIntent, handler } from "~/utils/action.server";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const MAX_AFFILIATIONS = 50;

const NewReviewerSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  phone: MobileSchema,
  password: PasswordSchema,
  title: z.string().trim().max(50, "职称最多 50 个字").optional(),
  employer: z.string().trim().max(100, "工作单位最多 100 个字").optional(),
  expertiseTags: z
    .array(z.enum(EXPERTISE_TAGS, { errorMap: () => ({ message: "请从列表中选择专业领域" }) }))
    .min(1, "请至少选择一个专业领域"),
  organizationIds: z
    .array(z.string({ required_error: "所选机构无效" }).max(40, "所选机构无效"))
    .max(MAX_AFFILIATIONS, `关联机构最多 ${MAX_AFFILIATIONS} 个`),
});

export const meta: MetaFunction = () => [{ title: "新建评审专家 · 益苗" }];

/** Also answers the affiliation picker's search: ?q=name. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return { q, organizations: await searchOrganizations(q) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  return answerIntent(
    "new-reviewer",
    formData,
    handler({
      schema: NewReviewerSchema,
      hideFields: ["password"],
      run: (v) => createReviewer(v, { actorId: admin.id, request }),
      done: ({ userId }) => redirect(`/admin/users/${userId}`),
    }),
  );
}

type OrgOption = { id: string; name: string; status: string };

/**
 * Search-as-you-type over organizations (there may be tens of thousands, so
 * only the top matches are fetched). Chosen ones are kept in state and posted
 * as hidden inputs, so a new search never drops an earlier choice.
 */
function OrganizationPicker({ name, errors, errorId }: { name: string; errors?: string[]; errorId: string }) {
  const fetcher = useFetcher<typeof loader>();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<OrgOption[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(value: string) {
    setQuery(value);
    clearTimeout(timer.current);
    if (!value.trim()) return;
    timer.current = setTimeout(() => {
      fetcher.load(`/admin/users/new-reviewer?${new URLSearchParams({ q: value.trim() })}`);
    }, 250);
  }

  function toggle(org: OrgOption, checked: boolean) {
    setSelected((prev) =>
      checked ? [...prev.filter((o) => o.id !== org.id), org] : prev.filter((o) => o.id !== org.id),
    );
  }

  const results = query.trim() && fetcher.data?.q === query.trim() ? fetcher.data.organizations : [];
  const searching = fetcher.state === "loading" || (query.trim() !== "" && fetcher.data?.q !== query.trim());
  const selectedIds = new Set(selected.map((o) => o.id));

  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="mb-1 block text-sm font-medium text-gray-700">关联机构</legend>
      <p className="mb-2 text-xs text-gray-500">
        专家任职、兼职或有利害关系的社会组织，分配评审任务时将回避这些机构。可不选。
      </p>
      {selected.map((org) => (
        <input key={org.id} type="hidden" name={name} value={org.id} />
      ))}
      {selected.length ? (
        <ul className="mb-2 flex flex-wrap gap-2" aria-label="已选关联机构">
          {selected.map((org) => (
            <li
              key={org.id}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-700"
            >
              {org.name}
              <button
                type="button"
                onClick={() => toggle(org, false)}
                className="ml-1 text-brand-700 hover:text-red-600"
                aria-label={`移除 ${org.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor="org-search" className="sr-only">
        搜索机构名称
      </label>
      <input
        id="org-search"
        type="search"
        className="input"
        placeholder="输入机构名称搜索"
        autoComplete="off"
        value={query}
        onChange={(e) => search(e.target.value)}
        // Enter in the search box would otherwise submit the whole form.
        onKeyDown={(e) => {
          if (e.key === "Enter") e.preventDefault();
        }}
      />
      <div aria-live="polite" className="mt-2 text-sm">
        {!query.trim() ? null : searching && results.length === 0 ? (
          <p className="text-gray-500">正在搜索…</p>
        ) : results.length === 0 ? (
          <p className="text-gray-500">没有名称包含“{query.trim()}”的机构。</p>
        ) : (
          <>
            <ul className="max-h-64 divide-y divide-gray-100 overflow-y-auto rounded-md border border-gray-200">
              {results.map((org) => (
                <li key={org.id}>
                  <label className="flex cursor-pointer items-center gap-2 px-3 py-2 hover:bg-gray-50">
                    <input
                      type="checkbox"
                      checked={selectedIds.has(org.id)}
                      onChange={(e) => toggle(org, e.target.checked)}
                    />
                    <span>{org.name}</span>
                    <span className="text-xs text-gray-500">{orgStatusLabel(org.status)}</span>
                  </label>
                </li>
              ))}
            </ul>
            {results.length >= ORGANIZATION_SEARCH_LIMIT ? (
              <p className="mt-1 text-xs text-gray-500">
                只显示前 {ORGANIZATION_SEARCH_LIMIT} 个结果，请输入更完整的名称。
              </p>
            ) : null}
          </>
        )}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

export default function NewReviewerPage() {
  const [form, fields] = useConformForm({
    id: "new-reviewer",
    schema: NewReviewerSchema,
    reply: useActionData<typeof action>(),
  });
  const submitting = useIsPending();

  return (
    <div className="max-w-2xl">
      <PageHeader title="新建评审专家" description="为评审专家开通账号。创建后请将电子邮箱和初始密码告知专家本人。" />
      <div className="card">
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field meta={fields.name} label="姓名" autoComplete="off" />
            <Field meta={fields.email} label="电子邮箱" type="email" autoComplete="off" />
            <Field meta={fields.phone} label="手机" type="tel" inputMode="tel" autoComplete="off" />
            <Field
              meta={fields.password}
              label="初始密码"
              type="password"
              autoComplete="new-password"
              hint="至少 8 位，需同时包含字母和数字"
            />
            <Field meta={fields.title} label="职称" placeholder="如：副教授、高级社会工作师" />
            <Field meta={fields.employer} label="工作单位" />
          </div>

          <fieldset aria-describedby={fields.expertiseTags.errors?.length ? fields.expertiseTags.errorId : undefined}>
            <legend className="mb-1 block text-sm font-medium text-gray-700">
              专业领域标签<span className="ml-0.5 text-red-600">*</span>
            </legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {getCollectionProps(fields.expertiseTags, { type: "checkbox", options: [...EXPERTISE_TAGS] }).map(
                ({ key, ...props }) => (
                  <label key={key} htmlFor={props.id} className="inline-flex items-center gap-1.5 text-sm">
                    <input key={key} {...props} />
                    {props.value}
                  </label>
                ),
              )}
            </div>
            <ErrorList id={fields.expertiseTags.errorId} errors={fields.expertiseTags.errors} />
          </fieldset>

          <OrganizationPicker
            name={fields.organizationIds.name}
            errors={fields.organizationIds.errors}
            errorId={fields.organizationIds.errorId}
          />

          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="flex gap-2">
            <button type="submit" className="btn-primary" disabled={submitting}>
              {submitting ? "正在创建…" : "创建评审专家账号"}
            </button>
            <Link to="/admin/users" className="btn-secondary">
              取消
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
