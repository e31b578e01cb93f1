// The audit page's line about the hash chain (decision 028): the state this view verified,
// when the latest full walk ran, and the button that runs one.
import { Form, Link } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { formatDateTime } from "~/utils/format";
import { describeChainView, type ChainView } from "./chain";

export const FULL_CHECK_INTENT = "fullChainCheck";

export function AuditChainNotice({ view, pending }: { view: ChainView; pending: boolean }) {
  const { state } = view;
  const tone = !state.intact ? "error" : view.unverified > 0 ? "warning" : "success";
  return (
    <Notice tone={tone} className="mb-4" testId="audit-chain-state">
      <p>{describeChainView(view)}</p>
      {state.intact && state.head && view.unverified === 0 ? (
        <p className="mt-1 break-all font-mono text-xs">最新哈希 {state.head.hash}</p>
      ) : null}
      {!state.intact && state.broken.eventId ? (
        <p className="mt-1 font-mono text-xs">事件编号 {state.broken.eventId}</p>
      ) : null}
      <p className="mt-1 text-xs">
        每条记录都包含前一条记录的哈希，事后修改或删除任何一条都会在此处显示。
        <Link to="/audit-chain" className="link">
          每日公示的哈希
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-xs">
        <span data-testid="audit-chain-checked">
          {view.checkedAt
            ? `上次完整校验：${formatDateTime(view.checkedAt)}（至 #${view.checkedThrough}）；此后的新记录在查看本页时逐条核对。`
            : "尚未做过完整校验；新记录在查看本页时逐条核对。"}
        </span>
        <Form method="post">
          <input type="hidden" name="intent" value={FULL_CHECK_INTENT} />
          <button type="submit" className="btn-secondary px-3 py-1 text-xs" disabled={pending}>
            {pending ? "正在完整校验…" : "完整校验"}
          </button>
        </Form>
      </div>
    </Notice>
  );
}
