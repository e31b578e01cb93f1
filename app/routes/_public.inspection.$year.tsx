import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { conclusionLabel } from "~/modules/inspection/labels";
import { listAnnouncedYears, listPublicAnnouncement } from "~/modules/inspection/public.server";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { formatCount } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = Number(params.year);
  invariantResponse(Number.isInteger(year) && year >= 2000 && year <= 2100, "未找到该年度的年检结果", { status: 404 });
  const page = getPage(new URL(request.url));
  const [announcement, years] = await Promise.all([
    listPublicAnnouncement(year, page, PAGE_SIZE),
    listAnnouncedYears(),
  ]);
  invariantResponse(announcement, "未找到该年度的年检结果", { status: 404 });
  return { year, page, pageSize: PAGE_SIZE, years, ...announcement };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.year}年度社会组织年检结果公告 · 益苗` : "年检结果公告 · 益苗" },
  { name: "description", content: "本区社会组织年度检查结论公告。" },
];

const ORDER = ["QUALIFIED", "BASIC", "UNQUALIFIED", "MISSED"] as const;

export default function InspectionAnnouncement() {
  const { year, page, pageSize, years, rows, total, byConclusion } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={`${year}年度社会组织年检结果公告`}
        description={`根据社会组织年度检查的有关规定，现将${year}年度年检结论公告如下（已作出结论和未参检的组织）。`}
      />
      {years.length > 1 ? (
        <nav aria-label="其他年度" className="mb-4 flex flex-wrap gap-2 text-sm">
          {years.map((y) =>
            y === year ? (
              <span key={y} className="rounded-md bg-brand-50 px-2 py-1 text-brand-800">
                {y}年度
              </span>
            ) : (
              <Link key={y} to={`/inspection/${y}`} className="link px-2 py-1">
                {y}年度
              </Link>
            ),
          )}
        </nav>
      ) : null}
      <p className="mb-4 text-sm text-gray-700">
        共 {formatCount(total)} 家：
        {ORDER.map((c) => `${conclusionLabel(c)} ${formatCount(byConclusion[c] ?? 0)} 家`).join("，")}。
      </p>
      <DataTable
        className="sm:rounded-lg sm:border sm:border-gray-200 sm:bg-white"
        label="年检结果"
        rows={rows}
        rowKey={(r) => r.id}
        empty="本年度结果尚未公告。"
        columns={[
          { header: "序号", cell: (_r, i) => (page - 1) * pageSize + i + 1 },
          {
            header: "社会组织名称",
            primary: true,
            cell: (r) => (
              <Link to={`/orgs/${r.organization.id}`} className="link">
                {r.organization.name}
              </Link>
            ),
          },
          { header: "统一社会信用代码", cell: (r) => r.organization.uscc ?? "—" },
          { header: "类型", className: "whitespace-nowrap", cell: (r) => orgTypeLabel(r.organization.type) },
          { header: "年检结论", className: "whitespace-nowrap", cell: (r) => conclusionLabel(r.conclusion) },
        ]}
      />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
