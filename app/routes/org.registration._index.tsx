import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { ORG_TYPES, orgTypeLabel } from "~/modules/organizations/labels";
import { APPLICATION_TYPE_OPTIONS, applicationKindLabel } from "~/modules/registration/application-form";
import { StatusBadge } from "~/modules/registration/application-view";
import { findOpenApplication, listOrgApplications, startApplication } from "~/modules/registration/registration.server";
import { EDITABLE_REGISTRATION_STATES, type RegistrationState } from "~/modules/registration/workflow";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";

const StartSchema = z.object({
  orgType: z.enum(ORG_TYPES, { required_error: "请选择申请类型", invalid_type_error: "请选择申请类型" }),
});

export const meta: MetaFunction = () => [{ title: "登记申请 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const page = getPage(new URL(request.url));
  const [{ applications, total }, open] = await Promise.all([
    listOrgApplications(organization.id, page),
    findOpenApplication(organization.id),
  ]);
  return { organization, applications, total, page, pageSize: PAGE_SIZE, open };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  return answerIntent(
    "registration-start",
    await readForm(request),
    handler({
      schema: StartSchema,
      // Refusals (an application already open, the organisation not preparing) throw a WorkflowError.
      run: async ({ orgType }) =>
        succeed({
          application: await startApplication({ organizationId: organization.id, userId: user.id, orgType, request }),
        }),
      done: ({ application }) => redirect(`/org/registration/${application.id}`),
    }),
  );
}

export default function OrgRegistrationList() {
  const { organization, applications, total, page, pageSize, open } = useLoaderData<typeof loader>();
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "registration-start",
    schema: StartSchema,
    reply: useActionData<typeof action>(),
    defaultValue: { orgType: organization.type },
  });
  const registered = organization.status === "REGISTERED" && organization.uscc;

  return (
    <div className="space-y-6">
      <PageHeader
        title="登记申请"
        description="在线申请社会团体、社会服务机构、基金会成立登记，或社区社会组织备案。提交后可在此查看办理进度。"
      />

      {registered ? (
        <section className="card border-brand-200 bg-brand-50" aria-label="登记结果">
          <p className="text-sm text-brand-800">本机构已依法登记（备案）。</p>
          <p className="mt-2 text-sm text-gray-700">
            统一社会信用代码：
            <span className="font-mono text-base font-semibold text-gray-900" data-testid="org-uscc">
              {organization.uscc}
            </span>
          </p>
          <Link to="/org/certificate" className="btn-primary mt-3">
            查看登记证书
          </Link>
        </section>
      ) : organization.status !== "PREPARING" ? (
        <p className="card text-sm text-gray-600">本机构当前不能办理登记申请。</p>
      ) : open ? (
        <section className="card" aria-label="正在办理的申请">
          <p className="text-sm text-gray-700">
            您有一份正在办理的申请（
            <StatusBadge status={open.status} />
            ）。
          </p>
          <Link to={`/org/registration/${open.id}`} className="btn-primary mt-3">
            {EDITABLE_REGISTRATION_STATES.includes(open.status as RegistrationState) ? "继续填写" : "查看申请"}
          </Link>
        </section>
      ) : (
        <section className="card">
          <h2 className="font-medium">开始新的申请</h2>
          <p className="mt-1 text-sm text-gray-600">
            请选择拟成立组织的类型。社区社会组织办理备案，材料较少；其他类型办理成立登记。
          </p>
          <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-wrap items-end gap-3">
            <SelectField
              meta={fields.orgType}
              label="申请类型"
              options={APPLICATION_TYPE_OPTIONS}
              className="min-w-[18rem] flex-1"
            />
            <button type="submit" className="btn-primary" disabled={pending}>
              开始申请
            </button>
            <div className="w-full">
              <FormErrors id={form.errorId} errors={form.errors} />
            </div>
          </Form>
        </section>
      )}

      <section>
        <h2 className="mb-2 font-medium">申请记录</h2>
        {applications.length === 0 ? (
          <p className="card text-sm text-gray-500">还没有登记申请。</p>
        ) : (
          <DataTable
            className="sm:card sm:p-0"
            label="登记申请记录"
            rows={applications}
            rowKey={(a) => a.id}
            columns={[
              {
                header: "拟定名称",
                primary: true,
                cell: (a) => (
                  <Link to={`/org/registration/${a.id}`} className="link font-medium">
                    {a.proposedName || "（未填写名称）"}
                  </Link>
                ),
              },
              {
                header: "事项",
                className: "sm:whitespace-nowrap",
                cell: (a) => `${orgTypeLabel(a.orgType)} · ${applicationKindLabel(a.kind)}`,
              },
              { header: "状态", cell: (a) => <StatusBadge status={a.status} /> },
              { header: "提交次数", cell: (a) => a.submissions },
              {
                header: "最近提交",
                className: "whitespace-nowrap",
                cell: (a) => (a.submittedAt ? formatDateTime(a.submittedAt) : "—"),
              },
              {
                header: "办理期限",
                className: "whitespace-nowrap",
                cell: (a) => (a.dueAt ? formatDate(a.dueAt) : "—"),
              },
            ]}
          />
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
