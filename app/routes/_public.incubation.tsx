import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { listPublicIncubations } from "~/modules/incubation/public.server";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "孵化基地 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const residentPage = getPage(url, "residentPage");
  const graduatedPage = getPage(url, "graduatedPage");
  const lists = await listPublicIncubations({ residentPage, graduatedPage });
  return { ...lists, residentPage, graduatedPage, pageSize: PAGE_SIZE };
}

export default function PublicIncubationPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="孵化基地"
        description="区社会组织孵化基地为初创期社会组织提供办公场地、活动场地、培训、督导陪伴和种子资金等支持。孵化期满经评审出壳。"
      />

      <section className="card" aria-labelledby="residents-heading">
        <h2 id="residents-heading" className="text-base font-semibold text-gray-900">
          在孵机构
        </h2>
        <p className="mt-1 text-sm text-gray-600" data-testid="resident-count">
          共 {data.residentTotal} 家
          {data.preparingInResidence > 0
            ? `，另有 ${data.preparingInResidence} 家筹备中的社会组织在孵（尚未登记，不予公示）`
            : ""}
        </p>
        {data.residents.length === 0 ? (
          <p className="mt-3 text-sm text-gray-500">目前没有在孵的社会组织。</p>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100" aria-label="在孵机构列表">
            {data.residents.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2.5 text-sm">
                <span>
                  <Link to={`/orgs/${r.organization.id}`} className="link font-medium">
                    {r.organization.name}
                  </Link>
                  <span className="ml-2 text-xs text-gray-500">{orgTypeLabel(r.organization.type)}</span>
                </span>
                <span className="text-gray-600">
                  孵化期 {formatDate(r.termStart)} 至 {formatDate(r.termEnd)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <SectionPager
          param="residentPage"
          page={data.residentPage}
          pageSize={data.pageSize}
          total={data.residentTotal}
        />
      </section>

      <section className="card" aria-labelledby="graduated-heading">
        <h2 id="graduated-heading" className="text-base font-semibold text-gray-900">
          已出壳机构
        </h2>
        <p className="mt-1 text-sm text-gray-600" data-testid="graduated-count">
          共 {data.graduatedTotal} 家
        </p>
        {data.graduated.length === 0 ? (
          <p className="mt-3 text-sm text-gray-500">暂无出壳的社会组织。</p>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100" aria-label="已出壳机构列表">
            {data.graduated.map((g) => (
              <li key={g.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2.5 text-sm">
                <span>
                  <Link to={`/orgs/${g.organization.id}`} className="link font-medium">
                    {g.organization.name}
                  </Link>
                  <span className="ml-2 text-xs text-gray-500">{orgTypeLabel(g.organization.type)}</span>
                </span>
                <span className="text-gray-600">
                  {formatDate(g.termStart)} 入驻，{formatDate(g.exitAt)} 出壳
                </span>
              </li>
            ))}
          </ul>
        )}
        <SectionPager
          param="graduatedPage"
          page={data.graduatedPage}
          pageSize={data.pageSize}
          total={data.graduatedTotal}
        />
      </section>
    </div>
  );
}

/** Previous/next links for one of the two lists on this page, each with its own page parameter. */
function SectionPager({
  param,
  page,
  pageSize,
  total,
}: {
  param: string;
  page: number;
  pageSize: number;
  total: number;
}) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="mt-3 flex items-center justify-between gap-2 text-sm" aria-label="分页">
      <span className="text-gray-500">
        第 {page} / {pages} 页
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page - 1)} preventScrollReset>
            上一页
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="btn-secondary px-3 py-1.5" to={hrefFor(page + 1)} preventScrollReset>
            下一页
          </Link>
        ) : null}
      </span>
    </nav>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
