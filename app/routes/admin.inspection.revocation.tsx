import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { ScrollBox } from "~/components/scroll-box";
import { requireRole } from "~/modules/auth/permissions.server";
import { conclusionLabel } from "~/modules/inspection/labels";
import { listRevocationCandidates } from "~/modules/inspection/revocation.server";
import { orgTypeLabel } from "~/modules/organizations/labels";

export const meta: MetaFunction = () => [{ title: "拟撤销登记名单 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return listRevocationCandidates();
}

export default function AdminRevocation() {
  const { revocation, warnings } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="拟撤销登记名单"
        description="连续两年未参加年检或年检不合格的已登记社会组织。最近一年未参检或不合格的，列入警告名单。"
        actions={
          <Link to="/admin/inspection" className="btn-secondary">
            返回年检管理
          </Link>
        }
      />
      <section className="mb-8">
        <h2 className="mb-2 font-medium">拟撤销登记（{revocation.length} 家）</h2>
        <ScrollBox label="拟撤销登记" className="rounded-lg border border-gray-200 bg-white">
          <table className="table-basic">
            <thead>
              <tr>
                <th>社会组织</th>
                <th>类型</th>
                <th>统一社会信用代码</th>
                <th>连续年度</th>
                <th>联系人</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {revocation.length === 0 ? (
                <tr>
                  <td colSpan={5} className="py-6 text-center text-gray-500">
                    没有连续两年未参检或不合格的组织。
                  </td>
                </tr>
              ) : (
                revocation.map((r) => (
                  <tr key={r.organizationId}>
                    <td>{r.organization.name}</td>
                    <td className="whitespace-nowrap">{orgTypeLabel(r.organization.type)}</td>
                    <td>{r.organization.uscc ?? "—"}</td>
                    <td className="whitespace-nowrap">
                      {r.years[0]}年度{conclusionLabel(r.conclusions[0])}、{r.years[1]}年度
                      {conclusionLabel(r.conclusions[1])}
                    </td>
                    <td className="whitespace-nowrap">
                      {r.organization.contactName ?? "—"} {r.organization.contactPhone ?? ""}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollBox>
      </section>
      <section>
        <h2 className="mb-2 font-medium">警告（{warnings.length} 家）</h2>
        <ScrollBox label="警告" className="rounded-lg border border-gray-200 bg-white">
          <table className="table-basic">
            <thead>
              <tr>
                <th>社会组织</th>
                <th>类型</th>
                <th>年度</th>
                <th>结果</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {warnings.length === 0 ? (
                <tr>
                  <td colSpan={4} className="py-6 text-center text-gray-500">
                    没有需要警告的组织。
                  </td>
                </tr>
              ) : (
                warnings.map((w) => (
                  <tr key={w.organizationId}>
                    <td>{w.organization.name}</td>
                    <td className="whitespace-nowrap">{orgTypeLabel(w.organization.type)}</td>
                    <td>{w.year}年度</td>
                    <td>{conclusionLabel(w.conclusion)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollBox>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
