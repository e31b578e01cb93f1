import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "邮件发件箱 · 益苗" }];

// No mail server is configured, so staff read outgoing mail here and pass it on.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const page = getPage(url);
  const to = url.searchParams.get("to")?.trim().toLowerCase() ?? "";
  const where = to ? { to } : {};
  const [items, total] = await Promise.all([
    prisma.outboxEmail.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, to: true, subject: true, body: true, createdAt: true },
    }),
    prisma.outboxEmail.count({ where }),
  ]);
  return { items, total, page, to };
}

export default function OutboxPage() {
  const { items, total, page, to } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="邮件发件箱"
        description="本系统未配置邮件服务器，系统发出的邮件（如重置密码链接）保存在这里，请核实身份后转交收件人。"
      />
      <FilterBar submitLabel="查找" card={false} className="mb-4 flex flex-wrap items-end gap-2">
        <FilterInput
          id="outbox-to"
          name="to"
          label="收件人"
          defaultValue={to}
          placeholder="按收件人邮箱查找"
          maxLength={254}
          className="max-w-xs"
        />
      </FilterBar>
      {items.length === 0 ? (
        <EmptyState>没有邮件。</EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((m) => (
            <li key={m.id} className="card">
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-medium">{m.subject}</span>
                <span className="text-gray-500">{formatDateTime(m.createdAt)}</span>
              </div>
              <p className="mt-1 text-xs text-gray-500">收件人：{m.to}</p>
              <pre className="mt-3 whitespace-pre-wrap break-all font-sans text-sm text-gray-800">{m.body}</pre>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
