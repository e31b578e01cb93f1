// A call's rules and phases as read by staff and the public.
import { ScrollBox } from "~/components/scroll-box";
import { formatDate, formatFen } from "~/utils/format";
import { callTimeline, describeEligibility } from "./display";
import { CALL_PHASE_LABELS, type CallPhase, type PlannedDates } from "./phase";
import { TRANCHE_TRIGGERS, type CallEligibility, type TrancheTrigger } from "./settings";

export type CallRulesView = {
  categories: string[];
  poolFen: bigint;
  perProjectCapFen: number;
  maxGrantSharePct: number;
  minMatchRatioPct: number;
  overheadCapPct: number;
  eligibility: CallEligibility;
  criteria: Array<{ id: string; name: string; description: string | null; maxScore: number; weightPct: number }>;
  tranches: Array<{ id: string; percent: number; trigger: TrancheTrigger }>;
};

const PHASE_BADGE: Record<CallPhase, string> = {
  NOT_OPEN: "bg-gray-100 text-gray-700",
  APPLYING: "bg-green-100 text-green-800",
  SCREENING: "bg-amber-100 text-amber-800",
  REVIEWING: "bg-amber-100 text-amber-800",
  PUBLICITY: "bg-blue-100 text-blue-800",
  SIGNING: "bg-blue-100 text-blue-800",
  DONE: "bg-gray-100 text-gray-600",
};

export function PhaseBadge({ phase }: { phase: CallPhase }) {
  return (
    <span
      data-testid="phase-badge"
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${PHASE_BADGE[phase]}`}
    >
      {CALL_PHASE_LABELS[phase]}
    </span>
  );
}

export function CallMoneyRules({ call }: { call: CallRulesView }) {
  const rows: Array<[string, string]> = [
    ["资金总额", formatFen(call.poolFen)],
    ["单个项目资助上限", formatFen(call.perProjectCapFen)],
    ["资助占项目预算比例", `不超过 ${call.maxGrantSharePct}%`],
    [
      "配套资金",
      call.minMatchRatioPct > 0 ? `自有及配套资金不低于申请资助金额的 ${call.minMatchRatioPct}%` : "不作要求",
    ],
    ["管理费用", `不超过项目总预算的 ${call.overheadCapPct}%`],
    ["项目类别", call.categories.length ? call.categories.join("、") : "—"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2" data-testid="call-money-rules">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt className="text-gray-500">{k}</dt>
          <dd className="text-gray-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CallEligibilityList({ eligibility }: { eligibility: CallEligibility }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-gray-800" data-testid="call-eligibility">
      {describeEligibility(eligibility).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function CallRubric({ criteria }: { criteria: CallRulesView["criteria"] }) {
  if (criteria.length === 0) return <p className="text-sm text-gray-500">尚未设置评分项。</p>;
  return (
    <ScrollBox label="评分细则">
      <table className="table-basic" aria-label="评分细则">
        <thead>
          <tr>
            <th>评分项</th>
            <th>说明</th>
            <th>满分</th>
            <th>权重</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {criteria.map((c) => (
            <tr key={c.id}>
              <td className="whitespace-nowrap font-medium">{c.name}</td>
              <td className="text-gray-600">{c.description ?? "—"}</td>
              <td>{c.maxScore}</td>
              <td>{c.weightPct}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function CallTranches({ tranches }: { tranches: CallRulesView["tranches"] }) {
  if (tranches.length === 0) return <p className="text-sm text-gray-500">尚未设置拨付计划。</p>;
  return (
    <ol className="space-y-1 text-sm text-gray-800" data-testid="call-tranches">
      {tranches.map((t, i) => (
        <li key={t.id}>
          第 {i + 1} 期：{TRANCHE_TRIGGERS[t.trigger] ?? t.trigger}拨付资助金额的 {t.percent}%
        </li>
      ))}
    </ol>
  );
}

/** The plan, and the publicity period actually set when the shortlist was published. */
type TimelineCall = PlannedDates & { publicityStartsAt: Date | null; publicityEndsAt: Date | null };

/**
 * The phases with their planned dates (计划). `phase` is the call's real phase
 * (callPhase), so the step marked 当前阶段 may differ from what the dates say.
 */
export function CallTimeline({ call, phase }: { call: TimelineCall; phase: CallPhase | null }) {
  return (
    <ol className="grid gap-2 sm:grid-cols-5" aria-label="活动进度">
      {callTimeline(call).map((step) => {
        const current = step.phase === phase;
        const actual = step.phase === "PUBLICITY" && call.publicityStartsAt && call.publicityEndsAt;
        return (
          <li
            key={step.phase}
            aria-current={current ? "step" : undefined}
            data-current={current ? "true" : undefined}
            className={`rounded-md border p-3 text-sm ${current ? "border-brand-600 bg-brand-50" : "border-gray-200"}`}
          >
            <p className={`font-medium ${current ? "text-brand-700" : "text-gray-900"}`}>
              {step.label}
              {current ? <span className="ml-1 text-xs">（当前阶段）</span> : null}
            </p>
            <p className="mt-1 text-xs text-gray-600">
              计划 {formatDate(step.from)} 至 {formatDate(step.to)}
            </p>
            {actual ? (
              <p className="mt-0.5 text-xs text-gray-800" data-testid="actual-publicity">
                实际 {formatDate(call.publicityStartsAt)} 至 {formatDate(call.publicityEndsAt)}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
