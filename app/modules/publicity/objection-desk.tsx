// The staff's objection desk (decision 013), shared by every publication's staff page
// (the grant shortlist, the directory's proposed list): the filter by state with its
// counts, and one card per objection with the objector, the text, the evidence and
// either the area's decision form or the decision taken. The area names the entry.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime } from "~/utils/format";
import { objectionWorkflow, type ObjectionState } from "./objection-workflow";

const FILTERS: Array<{ value: ObjectionState | null; label: string }> = [
  { value: null, label: "全部" },
  { value: "RECEIVED", label: objectionWorkflow.stateLabels.RECEIVED },
  { value: "UPHELD", label: objectionWorkflow.stateLabels.UPHELD },
  { value: "DISMISSED", label: objectionWorkflow.stateLabels.DISMISSED },
];

/** The filter by state, each with its count; `href` builds the link of a state (null: all). */
export function ObjectionStatusNav({
  counts,
  active,
  href,
  label,
}: {
  counts: Record<ObjectionState, number>;
  active: ObjectionState | null;
  href: (state: ObjectionState | null) => string;
  label: string;
}) {
  return (
    <nav className="mb-3 flex flex-wrap gap-2 text-sm" aria-label={label}>
      {FILTERS.map((f) => {
        const current = active === f.value;
        const count = f.value ? counts[f.value] : counts.RECEIVED + counts.UPHELD + counts.DISMISSED;
        return (
          <Link
            key={f.label}
            to={href(f.value)}
            aria-current={current ? "page" : undefined}
            className={`rounded-full px-3 py-1 ring-1 ring-inset ${current ? "bg-brand-600 text-white ring-brand-600" : "ring-gray-300"}`}
          >
            {f.label}（{count}）
          </Link>
        );
      })}
    </nav>
  );
}

export type DeskObjection = {
  id: string;
  name: string;
  contact: string;
  content: string;
  status: string;
  reply: string | null;
  createdAt: Date | string;
  decidedAt: Date | string | null;
  evidence: ReadonlyArray<{ id: string; originalName: string }>;
};

/**
 * One objection. While received, `decisionForm` (the area's, null when the period is
 * over); once decided, the outcome with the area's `outcomeNote` (e.g. how it was upheld).
 */
export function ObjectionCard({
  objection: o,
  label,
  heading,
  decisionForm,
  outcomeNote = "",
}: {
  objection: DeskObjection;
  /** the article's accessible name */
  label: string;
  /** the entry objected to, as the area names it */
  heading: ReactNode;
  decisionForm: ReactNode;
  outcomeNote?: string;
}) {
  return (
    <article className="rounded-md border border-gray-200 p-4 text-sm" aria-label={label}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">{heading}</p>
        <StatusBadge workflow={objectionWorkflow} state={o.status} tones={{}} />
      </div>
      <p className="mt-1 text-gray-600">
        异议人：{o.name} · 联系方式：{o.contact} · 提交于 {formatDateTime(o.createdAt)}
      </p>
      <p className="mt-2 whitespace-pre-wrap rounded bg-gray-50 p-3">{o.content}</p>
      {o.evidence.length ? (
        <p className="mt-2">
          证明材料：
          {o.evidence.map((e) => (
            <a key={e.id} href={`/files/${e.id}`} className="link mr-2 break-all" target="_blank" rel="noreferrer">
              {e.originalName}
            </a>
          ))}
        </p>
      ) : null}
      {o.status === "RECEIVED" ? (
        decisionForm
      ) : (
        <div className="mt-3 border-t border-gray-100 pt-2 text-gray-700">
          <p>
            处理结果：{objectionWorkflow.stateLabels[o.status as ObjectionState]}
            {outcomeNote} · {formatDateTime(o.decidedAt)}
          </p>
          <p className="mt-1 whitespace-pre-wrap">答复：{o.reply}</p>
        </div>
      )}
    </article>
  );
}
