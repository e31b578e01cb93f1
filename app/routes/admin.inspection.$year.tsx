import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { conclusionLabel, reportStatusLabel, ROUND_STATUS_LABELS } from "~/modules/inspection/labels";
import { markMissed, pastDeadlines } from "~/modules/inspection/missed.server";
import { getRoundByYear, listRoundReports, ROUND_REPORT_ORDER } from "~/modules/inspection/rounds.server";
import { CONCLUSION_LABELS, INSPECTION_STATES, inspectionWorkflow } from "~/modules/inspection/workflow";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE, readPageStart } from "~/utils/paging";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";

const MARK_MISSED = "markMissed";
const MarkMissedSchema = z.object({});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.year ?? ""}年度年检 · 益苗` }];

function parseYear(value: string | undefined) {
  const year = Number(value);
  invariantResponse(Number.isInteger(year) && year >= 2000 && year <= 2100, "年度不正确", { status: 404 });
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const round = await getRoundByYear(parseYear(params.year));
  invariantResponse(round, "该年度尚未开启年检", { status: 404 });
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "";
  const conclusionParam = url.searchParams.get("conclusion") ?? "";
  const filters = {
    status: (INSPECTION_STATES as readonly string[]).includes(statusParam) ? statusParam : "",
    conclusion: Object.keys(CONCLUSION_LABELS).includes(conclusionParam) ? conclusionParam : "",
    page: getPage(url),
  };
  const { reports, total, cursors } = await listRoundReports(
    round.id,
    filters,
    PAGE_SIZE,
    readPageStart(url.searchParams, ROUND_REPORT_ORDER),
  );
  const past = pastDeadlines(round, new Date());
  return {
    round,
    reports,
    total,
    cursors,
    filters,
    pageSize: PAGE_SIZE,
    canMarkMissed: past.foundations || past.others,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const round = await getRoundByYear(parseYear(params.year));
  invariantResponse(round, "该年度尚未开启年检", { status: 404 });
  return answerIntent(
    MARK_MISSED,
    await readForm(request),
    handler({
      schema: MarkMissedSchema,
      run: async () => succeed(await markMissed({ roundId: round.id, actorId: user.id, actorRole: "ADMIN", request })),
      done: (result) => redirect(`/admin/inspection/${round.year}?missed=${result.changed}`),
    }),
  );
}

export default function AdminInspectionYear() {
  const { round, reports, total, cursors, filters, pageSize, canMarkMissed } = useLoaderData<typeof loader>();
  const [markMissedForm] = useConformForm({
    id: MARK_MISSED,
    schema: MarkMissedSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending();
  const [searchParams] = useSearchParams();
  const opened = searchParams.get("opened");
  const missed = searchParams.get("missed");
  return (
    <div>
      <PageHeader
        title={`${round.year}年度年检`}
        description={`${ROUND_STATUS_LABELS[round.status] ?? round.status} · 截止 ${formatDate(round.deadline)}（基金会 ${formatDate(round.foundationDeadline)}）${round.missedMarkedAt ? ` · 已于 ${formatDate(round.missedMarkedAt)} 标记未参检` : ""}`}
        actions={
          <>
            <a href={`/admin/inspection/${round.year}/export`} className="btn-secondary" download>
              导出 Excel
            </a>
            <Link to="/admin/inspection" className="btn-secondary">
              返回年检管理
            </Link>
          </>
        }
      />
      {opened ? (
        <Notice className="mb-4">
          已开启{round.year}年度年检：应参检 {opened} 家，免检 {searchParams.get("exempt") ?? 0} 家，已通知各组织。
        </Notice>
      ) : null}
      {missed != null ? (
        <Notice className="mb-4">
          {missed === "0"
            ? "没有需要标记的组织，未作任何更改。"
            : `已将 ${missed} 家逾期未提交的组织标记为未参检，并通知了这些组织。`}
        </Notice>
      ) : null}
      {markMissedForm.errors?.length ? (
        <div className="mb-4">
          <FormErrors id={markMissedForm.errorId} errors={markMissedForm.errors} />
        </div>
      ) : null}
      <div className="card mb-4 flex flex-wrap items-end justify-between gap-3">
        <FilterBar card={false} formKey={`${filters.status}|${filters.conclusion}`}>
          <FilterSelect
            id="filter-status"
            name="status"
            label="状态"
            allLabel="全部状态"
            options={optionsFrom(INSPECTION_STATES, inspectionWorkflow.stateLabels)}
            defaultValue={filters.status}
          />
          <FilterSelect
            id="filter-conclusion"
            name="conclusion"
            label="结论"
            allLabel="全部结论"
            options={Object.entries(CONCLUSION_LABELS).map(([value, label]) => ({ value, label }))}
            defaultValue={filters.conclusion}
          />
        </FilterBar>
        <Form method="post" {...getFormProps(markMissedForm)}>
          <button
            type="submit"
            className="btn-danger"
            disabled={!canMarkMissed || pending}
            title={canMarkMissed ? "将逾期未提交的组织标记为未参检" : "提交截止日期过后才能标记"}
          >
            标记未参检
          </button>
        </Form>
      </div>
      <DataTable
        className="sm:rounded-lg sm:border sm:border-gray-200 sm:bg-white"
        label="年度报告列表"
        rows={reports}
        rowKey={(r) => r.id}
        empty="没有符合条件的年度报告。"
        columns={[
          {
            header: "社会组织",
            primary: true,
            cell: (r) => (
              <Link to={`/admin/inspection/reports/${r.id}`} className="link">
                {r.organization.name}
              </Link>
            ),
          },
          { header: "类型", className: "whitespace-nowrap", cell: (r) => orgTypeLabel(r.organization.type) },
          {
            header: "状态",
            className: "whitespace-nowrap",
            cell: (r) => (
              <>
                {reportStatusLabel(r.status)}
                {r.simplified ? <span className="ml-1 text-xs text-brand-700">简化</span> : null}
              </>
            ),
          },
          { header: "提交日期", className: "whitespace-nowrap", cell: (r) => formatDate(r.submittedAt) },
          { header: "主管单位初审", cell: (r) => r.supervisorOpinion ?? "—" },
          { header: "结论", cell: (r) => conclusionLabel(r.conclusion) },
        ]}
      />
      <Pagination page={filters.page} pageSize={pageSize} total={total} cursors={cursors} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
