import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { AutoChecksSummary, GrantStatusBadge } from "~/modules/grants/applications/application-view";
import { GRANT_APPLICATION_STATES, grantApplicationWorkflow } from "~/modules/grants/applications/application-workflow";
import {
  callOverview,
  getCall,
  listCallApplications,
  parseStatusFilter,
  recheckApplications,
  screenApplications,
} from "~/modules/grants/applications/applications.server";
import { parseCategories } from "~/modules/grants/calls/settings";
import {
  correctionDueAtOf,
  parseAutoChecks,
  RecheckSchema,
  SCREENING_ACTION_LABELS,
  SCREENING_ACTIONS,
  ScreeningSchema,
} from "~/modules/grants/screening/screening";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `申报审查 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const call = await getCall(params.callId ?? "");
  invariantResponse(call, "未找到该公益创投活动", { status: 404 });
  const url = new URL(request.url);
  const status = parseStatusFilter(url.searchParams.get("status"));
  const categoryParam = url.searchParams.get("category");
  const categories = parseCategories(call.categories);
  const category = categoryParam && categoryParam.length <= 20 ? categoryParam : null;
  const page = getPage(url);
  const [{ applications, total }, overview] = await Promise.all([
    listCallApplications(call.id, { status, category }, page),
    callOverview(call.id),
  ]);
  return {
    call: { id: call.id, title: call.title, applyClosesAt: call.applyClosesAt, screeningEndsAt: call.screeningEndsAt },
    categories,
    filter: { status: status ?? "", category: category ?? "" },
    applications: applications.map(({ autoChecks, ...a }) => ({ ...a, checks: parseAutoChecks(autoChecks) })),
    total,
    page,
    pageSize: PAGE_SIZE,
    overview,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const call = await prisma.grantCall.findUnique({ where: { id: params.callId ?? "" }, select: { id: true } });
  invariantResponse(call, "未找到该公益创投活动", { status: 404 });
  const formData = await request.formData();
  if (formData.get("intent") === "recheck") {
    const submission = parseWithZod(formData, { schema: RecheckSchema });
    if (submission.status !== "success") return Response.json({ reply: submission.reply() }, { status: 400 });
    const ids =
      submission.value.ids ??
      (
        await prisma.grantApplication.findMany({
          where: { callId: call.id, status: { not: "DRAFT" } },
          select: { id: true },
        })
      ).map((a) => a.id);
    const count = await recheckApplications(ids);
    return Response.json({ reply: submission.reply({ resetForm: true }), message: `已重新检查 ${count} 项申报。` });
  }
  const submission = parseWithZod(formData, { schema: ScreeningSchema });
  if (submission.status !== "success") return Response.json({ reply: submission.reply() }, { status: 400 });
  const { ids, to, reason, dueAt } = submission.value;
  try {
    const { done, skipped } = await screenApplications({
      ids,
      to,
      reason: reason ?? null,
      correctionDueAt: to === "CORRECTION" ? correctionDueAtOf(dueAt) : null,
      actorId: user.id,
      request,
      callId: call.id,
    });
    return Response.json({
      reply: submission.reply({ resetForm: true }),
      message: `「${SCREENING_ACTION_LABELS[to]}」成功 ${done.length} 项${skipped.length ? `，跳过 ${skipped.length} 项` : ""}。`,
      skipped,
    });
  } catch (error) {
    if (error instanceof WorkflowError)
      return Response.json({ reply: submission.reply({ formErrors: [error.message] }) }, { status: error.status });
    throw error;
  }
}

export default function CallApplications() {
  const { call, categories, filter, applications, total, page, pageSize, overview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "bulk-screening",
    lastResult: actionData?.reply,
    constraint: getZodConstraint(ScreeningSchema),
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      return parseWithZod(formData, { schema: formData.get("intent") === "recheck" ? RecheckSchema : ScreeningSchema });
    },
  });
  const to = fields.to.value;
  const totalSubmitted = overview.byStatus.filter((s) => s.status !== "DRAFT").reduce((n, s) => n + s.count, 0);

  return (
    <div className="space-y-4">
      <PageHeader
        title="申报审查"
        description={
          <>
            {call.title} · 申报截止 {formatDateTime(call.applyClosesAt)} · 资格审查截止{" "}
            {formatDate(call.screeningEndsAt)}
          </>
        }
        actions={
          <>
            <a href={`/admin/grants/${call.id}/export`} className="btn-secondary" download>
              导出 Excel
            </a>
            <Link to={`/admin/grants/${call.id}`} className="btn-secondary">
              返回活动
            </Link>
          </>
        }
      />

      <section className="card grid gap-4 sm:grid-cols-2" aria-label="申报概况">
        <div>
          <h2 className="text-sm font-medium">按状态（已提交 {totalSubmitted} 项）</h2>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="overview-status">
            {overview.byStatus.map((s) => (
              <li key={s.status} className="rounded bg-gray-50 px-2 py-1">
                {s.label} <span className="font-semibold">{s.count}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="text-sm font-medium">按类别（已提交）</h2>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="overview-category">
            {overview.byCategory.map((c) => (
              <li key={c.category} className="rounded bg-gray-50 px-2 py-1">
                {c.category} <span className="font-semibold">{c.count}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <Form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="filter-status" className="mb-1 block text-sm font-medium text-gray-700">
            状态
          </label>
          <select id="filter-status" name="status" defaultValue={filter.status} key={filter.status} className="input">
            <option value="">全部（不含草稿）</option>
            {GRANT_APPLICATION_STATES.filter((s) => s !== "DRAFT").map((s) => (
              <option key={s} value={s}>
                {grantApplicationWorkflow.stateLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-category" className="mb-1 block text-sm font-medium text-gray-700">
            类别
          </label>
          <select
            id="filter-category"
            name="category"
            defaultValue={filter.category}
            key={filter.category}
            className="input"
          >
            <option value="">全部</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          查询
        </button>
      </Form>

      {actionData && "message" in actionData && actionData.message ? (
        <div role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800" data-testid="bulk-result">
          <p>{actionData.message}</p>
          {"skipped" in actionData && actionData.skipped?.length ? (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {actionData.skipped.map((s: { id: string; title: string; why: string }) => (
                <li key={s.id}>
                  {s.title}：{s.why}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <div className="card flex flex-wrap items-end gap-3" aria-label="批量操作">
          <div className="min-w-[9rem]">
            <label htmlFor={fields.to.id} className="mb-1 block text-sm font-medium text-gray-700">
              审查结果
            </label>
            <select {...getSelectProps(fields.to)} key={fields.to.key} className="input">
              <option value="">请选择</option>
              {SCREENING_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {SCREENING_ACTION_LABELS[a]}
                </option>
              ))}
            </select>
            <ErrorList id={fields.to.errorId} errors={fields.to.errors} />
          </div>
          <div className="min-w-[18rem] flex-1">
            <label htmlFor={fields.reason.id} className="mb-1 block text-sm font-medium text-gray-700">
              {to === "CORRECTION"
                ? "补正要求"
                : to === "SCREEN_FAILED"
                  ? "不通过理由（申报机构可见）"
                  : "意见（选填）"}
            </label>
            <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} className="input" />
            <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
          </div>
          {to === "CORRECTION" ? (
            <div>
              <label htmlFor={fields.dueAt.id} className="mb-1 block text-sm font-medium text-gray-700">
                补正截止日期
              </label>
              <input {...getInputProps(fields.dueAt, { type: "date" })} key={fields.dueAt.key} className="input" />
              <ErrorList id={fields.dueAt.errorId} errors={fields.dueAt.errors} />
            </div>
          ) : null}
          <button
            type="submit"
            name="intent"
            value="screen"
            className="btn-primary"
            disabled={navigation.state === "submitting"}
          >
            对所选申报执行
          </button>
          <button
            type="submit"
            name="intent"
            value="recheck"
            formNoValidate
            className="btn-secondary"
            disabled={navigation.state === "submitting"}
          >
            重新检查
          </button>
          <p className="w-full text-xs text-gray-500">
            「重新检查」对勾选的申报重新运行资格与预算检查；未勾选时检查本活动全部已提交的申报。
          </p>
          <ErrorList id={fields.ids.errorId} errors={fields.ids.errors} />
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>

        {applications.length === 0 ? (
          <p className="card text-sm text-gray-500">没有符合条件的申报。</p>
        ) : (
          <div className="card overflow-x-auto p-0 sm:p-0">
            <table className="table-basic" aria-label="申报列表">
              <thead>
                <tr>
                  <th>
                    <span className="sr-only">选择</span>
                  </th>
                  <th>项目名称</th>
                  <th>申报机构</th>
                  <th>类别</th>
                  <th>申请资助</th>
                  <th>状态</th>
                  <th>自动检查</th>
                  <th>提交时间</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {applications.map((a) => (
                  <tr key={a.id} data-testid="application-row">
                    <td>
                      <input
                        type="checkbox"
                        name={fields.ids.name}
                        value={a.id}
                        aria-label={`选择 ${a.title}`}
                        className="h-4 w-4"
                      />
                    </td>
                    <td className="min-w-[12rem]">
                      <Link to={`/admin/grants/applications/${a.id}`} className="link font-medium">
                        {a.title || "（未填写项目名称）"}
                      </Link>
                    </td>
                    <td className="min-w-[9rem]">{a.organization.name}</td>
                    <td>{a.category ?? "—"}</td>
                    <td className="whitespace-nowrap">{formatFen(a.requestedFen)}</td>
                    <td>
                      <GrantStatusBadge status={a.status} />
                      {a.status === "CORRECTION" ? (
                        <div className="text-xs text-gray-500">补正至 {formatDate(a.correctionDueAt)}</div>
                      ) : null}
                    </td>
                    <td className="min-w-[12rem]">
                      <AutoChecksSummary checks={a.checks} />
                    </td>
                    <td className="whitespace-nowrap">{formatDateTime(a.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Form>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
