import { useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { ScrollBox } from "~/components/scroll-box";
import { needLabel } from "~/modules/incubation/labels";
import { formatDate, formatFen } from "~/utils/format";
import type { loader } from "./route";

/** The services given so far, with the count per kind and the seed funding total. */
export function ServiceList() {
  const { services, serviceTotal, byKind, seedFundingFen, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="services-heading">
      <h2 id="services-heading" className="mb-3 text-base font-semibold text-gray-900">
        已提供的服务
      </h2>
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-6">
        {byKind.map((k) => (
          <div key={k.kind} className="rounded-md bg-gray-50 p-2">
            <dt className="text-gray-500">{needLabel(k.kind)}</dt>
            <dd className="font-medium text-gray-900">{k.count} 次</dd>
          </div>
        ))}
        <div className="rounded-md bg-brand-50 p-2">
          <dt className="text-gray-600">种子资金合计</dt>
          <dd className="font-semibold text-brand-800" data-testid="seed-funding-total">
            {formatFen(seedFundingFen)}
          </dd>
        </div>
      </dl>
      {services.length === 0 ? (
        <p className="text-sm text-gray-500">尚未记录服务。</p>
      ) : (
        <ScrollBox label="服务记录">
          <table className="table-basic">
            <thead>
              <tr>
                <th>日期</th>
                <th>类型</th>
                <th>内容</th>
                <th>金额</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {services.map((s) => (
                <tr key={s.id}>
                  <td className="whitespace-nowrap">{formatDate(s.providedAt)}</td>
                  <td className="whitespace-nowrap">{needLabel(s.kind)}</td>
                  <td>{s.description}</td>
                  <td className="whitespace-nowrap">{s.amountFen != null ? formatFen(s.amountFen) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <Pagination page={page} pageSize={pageSize} total={serviceTotal} />
    </section>
  );
}
