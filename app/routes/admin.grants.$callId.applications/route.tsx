import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { GRANT_APPLICATION_STATES, grantApplicationWorkflow } from "~/modules/grants/applications/application-workflow";
import { recheckApplications } from "~/modules/grants/applications/applications.server";
import {
  callOverview,
  getCall,
  listCallApplications,
  parseStatusFilter,
  screenApplications,
} from "~/modules/grants/applications/staff-screening.server";
import { parseCategories } from "~/modules/grants/calls/settings";
import {
  correctionDueAtOf,
  parseAutoChecks,
  RecheckSchema,
  SCREENING_ACTION_LABELS,
  ScreeningSchema,
} from "~/modules/grants/screening/screening";
import { dispatchIntent, handler, RESET_FORM } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";
import { ApplicationsTable } from "./applications-table";
import { ScreeningControls } from "./screening-controls";

/** The one bulk form's two buttons: apply a screening result, or rerun the automatic checks. */
const BULK_INTENTS = ["screen", "recheck"] as const;
type Skipped = { id: string; title: string; why: string };

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
  const formData = await readForm(request);
  return dispatchIntent(formData, {
    recheck: handler({
      schema: RecheckSchema,
      run: async (value) => {
        // No ticks: every submitted application of this call.
        const ids =
          value.ids ??
          (
            await prisma.grantApplication.findMany({
              where: { callId: call.id, status: { not: "DRAFT" } },
              select: { id: true },
            })
          ).map((a) => a.id);
        return succeed({ count: await recheckApplications(ids) });
      },
      done: ({ count }) =>
        data({
          intent: "recheck" as const,
          result: RESET_FORM,
          message: `已重新检查 ${count} 项申报。`,
          skipped: [] as Skipped[],
        }),
    }),
    screen: handler({
      schema: ScreeningSchema,
      run: async ({ ids, to, reason, dueAt }) =>
        succeed(
          await screenApplications({
            ids,
            to,
            reason: reason ?? null,
            correctionDueAt: to === "CORRECTION" ? correctionDueAtOf(dueAt) : null,
            actorId: user.id,
            request,
            callId: call.id,
          }),
        ),
      done: ({ done, skipped }, { to }) =>
        data({
          intent: "screen" as const,
          result: RESET_FORM,
          message: `「${SCREENING_ACTION_LABELS[to]}」成功 ${done.length} 项${skipped.length ? `，跳过 ${skipped.length} 项` : ""}。`,
          skipped,
        }),
    }),
  });
}

export default function CallApplications() {
  const { call, categories, filter, total, page, pageSize, overview } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const outcome = answer && "message" in answer ? answer : null;
  const pending = useIsPending();
  const [form, fields] = useConformForm({
    id: "bulk-screening",
    schema: ScreeningSchema,
    reply: answer,
    intent: BULK_INTENTS,
    // The button pressed decides what is checked: a recheck needs no result or reason.
    schemaFor: (formData) => (formData.get("intent") === "recheck" ? RecheckSchema : ScreeningSchema),
  });
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

      <FilterBar formKey={`${filter.status}|${filter.category}`} submitLabel="查询">
        <FilterSelect
          id="filter-status"
          name="status"
          label="状态"
          allLabel="全部（不含草稿）"
          options={optionsFrom(
            GRANT_APPLICATION_STATES.filter((s) => s !== "DRAFT"),
            grantApplicationWorkflow.stateLabels,
          )}
          defaultValue={filter.status}
        />
        <FilterSelect
          id="filter-category"
          name="category"
          label="类别"
          allLabel="全部"
          options={categories.map((c) => ({ value: c, label: c }))}
          defaultValue={filter.category}
        />
      </FilterBar>

      {outcome ? (
        <Notice testId="bulk-result">
          <p>{outcome.message}</p>
          {outcome.skipped.length ? (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {outcome.skipped.map((s) => (
                <li key={s.id}>
                  {s.title}：{s.why}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}

      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <ScreeningControls form={form} fields={fields} pending={pending} />

        <ApplicationsTable idsName={fields.ids.name} />
      </Form>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
