import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { getGrantObjectionByToken } from "~/modules/grants/publicity/public.server";
import { UPHELD_ACTIONS, type UpheldAction } from "~/modules/grants/publicity/publicity";
import { objectionWorkflow, type ObjectionState } from "~/modules/publicity/objection-workflow";
import { appUrl } from "~/utils/app-origin.server";
import { formatDateTime, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "异议处理情况 · 益苗" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: the secret token in the address is the only key.
  const objection = await getGrantObjectionByToken(params.token ?? "");
  invariantResponse(objection, "未找到该异议，请核对链接是否完整", { status: 404 });
  return { objection, url: appUrl(new URL(request.url).pathname) };
}

const STATUS_STYLES: Record<ObjectionState, string> = {
  RECEIVED: "bg-amber-50 text-amber-800 ring-amber-200",
  UPHELD: "bg-green-50 text-green-800 ring-green-200",
  DISMISSED: "bg-gray-50 text-gray-700 ring-gray-300",
};

export default function ObjectionStatusPage() {
  const { objection, url } = useLoaderData<typeof loader>();
  const status = objection.status as ObjectionState;
  // The server's idea of its own address may differ behind a proxy; the browser's is what to copy.
  const [fullUrl, setFullUrl] = useState(url);
  useEffect(() => setFullUrl(`${window.location.origin}${window.location.pathname}`), []);
  return (
    <div className="space-y-6">
      <PageHeader
        title="异议处理情况"
        description={
          <Link to={`/grants/${objection.call.id}/publicity`} className="link">
            {objection.call.title} · 拟入围项目公示
          </Link>
        }
      />
      <section
        className="rounded-md border border-brand-200 bg-brand-50 p-4 text-sm text-brand-900"
        aria-label="保存链接"
      >
        <p className="font-medium">请保存本页链接：这是查看处理结果的唯一途径，我们不会另行通知。</p>
        <p className="mt-2 break-all rounded bg-white p-2 font-mono text-xs" data-testid="objection-link">
          {fullUrl}
        </p>
      </section>
      <section className="card space-y-2 text-sm" aria-label="异议内容">
        <p>
          处理状态：
          <span
            className={`rounded-full px-2 py-0.5 text-xs ring-1 ring-inset ${STATUS_STYLES[status] ?? ""}`}
            data-testid="objection-status"
          >
            {objectionWorkflow.stateLabels[status] ?? objection.status}
          </span>
        </p>
        <p>
          异议项目：{objection.application.organization.name} — {objection.application.title}
        </p>
        <p>异议人：{objection.name}</p>
        <p>提交时间：{formatDateTime(objection.createdAt)}</p>
        {objection.evidenceName ? <p>证明材料：{objection.evidenceName}</p> : null}
        <div>
          <p>异议内容及理由：</p>
          <p className="mt-1 whitespace-pre-wrap rounded bg-gray-50 p-3">{objection.content}</p>
        </div>
      </section>
      {status === "RECEIVED" ? (
        <p className="card text-sm text-gray-700">区民政局已受理您的异议，将在核实后答复，请稍后通过本链接查看。</p>
      ) : (
        <section className="card space-y-2 text-sm" aria-labelledby="reply-heading">
          <h2 id="reply-heading" className="font-medium">
            处理结果：{objectionWorkflow.stateLabels[status]}
          </h2>
          {status === "UPHELD" && objection.upheldAction ? (
            <p>
              处理方式：{UPHELD_ACTIONS[objection.upheldAction as UpheldAction] ?? objection.upheldAction}
              {objection.upheldAction === "CHANGE_AMOUNT" ? `（调整为 ${formatFen(objection.changedAmountFen)}）` : ""}
            </p>
          ) : null}
          <p>答复时间：{formatDateTime(objection.decidedAt)}</p>
          <div>
            <p>答复意见：</p>
            <p className="mt-1 whitespace-pre-wrap rounded bg-gray-50 p-3" data-testid="objection-reply">
              {objection.reply}
            </p>
          </div>
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
