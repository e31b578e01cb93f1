// What an objector reads behind their secret link, on every publicity (decision 013): the link
// to keep, the objection as filed, and staff's answer once given. The page names the entry and,
// for an upheld objection, what was done (`upheldText`, the area's own words).
import { useEffect, useState, type ReactNode } from "react";
import { formatDateTime } from "~/utils/format";
import { objectionWorkflow, type ObjectionState } from "./objection-workflow";

const STATUS_STYLES: Record<ObjectionState, string> = {
  RECEIVED: "bg-amber-50 text-amber-800 ring-amber-200",
  UPHELD: "bg-green-50 text-green-800 ring-green-200",
  DISMISSED: "bg-gray-50 text-gray-700 ring-gray-300",
};

export type ObjectionStatusFacts = {
  status: string;
  name: string;
  content: string;
  reply: string | null;
  createdAt: string | Date;
  decidedAt: string | Date | null;
  evidenceName: string | null;
};

export function ObjectionStatusView({
  objection,
  url,
  entry,
  upheldText,
}: {
  objection: ObjectionStatusFacts;
  /** the page's address as the server knows it */
  url: string;
  /** "异议项目：…" */
  entry: ReactNode;
  upheldText?: string | null;
}) {
  const status = objection.status as ObjectionState;
  // The server's idea of its own address may differ behind a proxy; the browser's is what to copy.
  const [fullUrl, setFullUrl] = useState(url);
  useEffect(() => setFullUrl(`${window.location.origin}${window.location.pathname}`), []);
  return (
    <>
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
        <p>{entry}</p>
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
          {status === "UPHELD" && upheldText ? <p>处理方式：{upheldText}</p> : null}
          <p>答复时间：{formatDateTime(objection.decidedAt)}</p>
          <div>
            <p>答复意见：</p>
            <p className="mt-1 whitespace-pre-wrap rounded bg-gray-50 p-3" data-testid="objection-reply">
              {objection.reply}
            </p>
          </div>
        </section>
      )}
    </>
  );
}
