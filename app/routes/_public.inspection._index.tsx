import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { listAnnouncedYears } from "~/modules/inspection/public.server";

// The public navigation's 年检公告 (#16): the years whose annual-inspection results are announced.
export async function loader() {
  return { years: await listAnnouncedYears() };
}

export const meta: MetaFunction = () => [
  { title: "年检结果公告 · 益苗" },
  { name: "description", content: "本区社会组织历年年度检查结论公告。" },
];

export default function InspectionAnnouncements() {
  const { years } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="年检结果公告" description="本区社会组织年度检查结论，按年度公告。" />
      {years.length === 0 ? (
        <EmptyState>暂无已公告的年检结果。</EmptyState>
      ) : (
        <ul className="card divide-y divide-gray-100 p-0 sm:p-0">
          {years.map((year) => (
            <li key={year} className="px-4 py-3">
              <Link to={`/inspection/${year}`} className="link font-medium">
                {year}年度社会组织年检结果公告
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
