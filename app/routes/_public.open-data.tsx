import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { SectionCard } from "~/components/section-card";
import { OPEN_DATA_COLUMNS } from "~/modules/funding/public/open-data";
import { openDataCalls } from "~/modules/funding/public/open-data.server";

export const meta: MetaFunction = () => [{ title: "公益创投开放数据 · 益苗" }];

export async function loader() {
  return { calls: await openDataCalls(), columns: OPEN_DATA_COLUMNS.map((c) => c.title) };
}

export default function OpenDataPage() {
  const { calls, columns } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="公益创投开放数据"
        description="每期公益创投的资助项目，按 360Giving 数据标准提供 JSON 和 CSV 下载，可自由使用。金额单位为元（CNY），日期为北京时间。"
      />
      <SectionCard id="downloads" title="按活动下载">
        {calls.length === 0 ? (
          <EmptyState>暂无资助项目数据。</EmptyState>
        ) : (
          <DataTable
            label="开放数据下载"
            rows={calls}
            rowKey={(c) => c.id}
            rowProps={(c) => ({ "data-testid": `open-data-${c.id}` })}
            columns={[
              {
                header: "创投活动",
                primary: true,
                cell: (c) => (
                  <Link to={`/projects?call=${c.id}`} className="link">
                    {c.year} 年度 · {c.title}
                  </Link>
                ),
              },
              { header: "资助项目", cell: (c) => `${c._count.projects} 个` },
              {
                header: "下载",
                cell: (c) => (
                  <span className="flex gap-3">
                    <a className="link" href={`/open-data/${c.id}/projects.json`}>
                      JSON<span className="sr-only">（{c.title}）</span>
                    </a>
                    <a className="link" href={`/open-data/${c.id}/projects.csv`} download>
                      CSV<span className="sr-only">（{c.title}）</span>
                    </a>
                  </span>
                ),
              },
            ]}
          />
        )}
      </SectionCard>
      <SectionCard id="fields" title="字段说明">
        <p className="text-sm text-gray-700">
          每条记录是一个资助项目：编号、名称、项目目标、币种、资助金额、已拨付金额、立项日期、承接机构（以统一社会信用代码为标识）、资助方、计划和实际起止日期、服务区域、服务领域和最后修改时间。CSV
          的列名：
        </p>
        <p className="mt-2 break-words font-mono text-xs text-gray-700">{columns.join(", ")}</p>
        <p className="mt-2 text-xs text-gray-500">不含任何个人信息（受益人、联系人、签署人等）。</p>
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
