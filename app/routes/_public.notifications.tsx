import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireUser } from "~/modules/auth/permissions.server";
import { ROLE_HOME, type Role } from "~/modules/auth/roles";
import { listNotifications, markAllRead, markRead } from "~/modules/notifications/inbox.server";
import { formatDateTime } from "~/utils/format";
import { getPage, invariantResponse, safeRedirectPath } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "通知 · 益苗" }];

const NotificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id: z.string({ required_error: "缺少通知" }) }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const page = getPage(url);
  const unreadOnly = url.searchParams.get("filter") === "unread";
  const inbox = await listNotifications(user.id, page, unreadOnly);
  return { ...inbox, page, unreadOnly, home: ROLE_HOME[user.role as Role] };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: NotificationActionSchema });
  invariantResponse(submission.status === "success", "请求有误", { status: 400 });
  if (submission.value.intent === "read-all") {
    await markAllRead(user.id);
    return { ok: true };
  }
  const row = await markRead(user.id, submission.value.id);
  invariantResponse(row, "未找到该通知", { status: 404 });
  return row.link ? redirect(safeRedirectPath(row.link, "/notifications")) : { ok: true };
}

export default function NotificationsPage() {
  const { items, total, unread, page, unreadOnly, home } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="通知"
        description={unread > 0 ? `您有 ${unread} 条未读通知` : "没有未读通知"}
        actions={
          <>
            <Link to={home} className="btn-secondary">
              返回工作台
            </Link>
            {unread > 0 ? (
              <Form method="post">
                <button type="submit" name="intent" value="read-all" className="btn-secondary">
                  全部标为已读
                </button>
              </Form>
            ) : null}
          </>
        }
      />
      <div className="mb-3 flex gap-3 text-sm">
        <Link to="/notifications" className={unreadOnly ? "link" : "font-medium text-gray-900"}>
          全部
        </Link>
        <Link to="/notifications?filter=unread" className={unreadOnly ? "font-medium text-gray-900" : "link"}>
          仅未读
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyState>{unreadOnly ? "没有未读通知。" : "还没有任何通知。"}</EmptyState>
      ) : (
        <ul className="divide-y divide-gray-200 overflow-hidden rounded-lg border border-gray-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? "" : "bg-brand-50/60"}>
              <Form method="post" className="flex items-start gap-3 p-4">
                <input type="hidden" name="id" value={n.id} />
                <span
                  aria-hidden
                  className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`}
                />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-gray-900">
                    {n.readAt ? null : <span className="sr-only">未读：</span>}
                    {n.title}
                  </p>
                  {n.body ? <p className="mt-0.5 text-sm text-gray-600">{n.body}</p> : null}
                  <p className="mt-1 text-xs text-gray-500">{formatDateTime(n.createdAt)}</p>
                </div>
                {n.link || !n.readAt ? (
                  <button type="submit" name="intent" value="open" className="btn-secondary shrink-0 px-3 py-1.5">
                    {n.link ? "查看" : "标为已读"}
                  </button>
                ) : null}
              </Form>
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
