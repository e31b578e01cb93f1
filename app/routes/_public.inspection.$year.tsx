import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { ScrollBox } from "~/components/scroll-box";
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
      <ScrollBox label="年检结果" className="rounded-lg border border-gray-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th>序号</th>
              <th>社会组织名称</th>
              <th>统一社会信用代码</th>
              <th>类型</th>
              <th>年检结论</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="py-6 text-center text-gray-500">
                  本年度结果尚未公告。
                </td>
              </tr>
            ) : (
              rows.map((r, i) => (
                <tr key={r.id}>
                  <td>{(page - 1) * pageSize + i + 1}</td>
                  <td>
                    <Link to={`/orgs/${r.organization.id}`} className="link">
                      {r.organization.name}
                    </Link>
                  </td>
                  <td>{r.organization.uscc ?? "—"}</td>
                  <td className="whitespace-nowrap">{orgTypeLabel(r.organization.type)}</td>
                  <td className="whitespace-nowrap">{conclusionLabel(r.conclusion)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollBox>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
