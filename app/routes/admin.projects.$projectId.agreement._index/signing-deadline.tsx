import { SectionCard } from "~/components/section-card";
import { Badge } from "~/components/status-badge";
import { ReasonForm } from "~/modules/funding/agreement-parts";
import { signingOverdue } from "~/modules/funding/signing";
import { formatDateTime } from "~/utils/format";

type Reply = Parameters<typeof ReasonForm>[0]["reply"];

/** The signing deadline, flagged when passed, and the award withdrawal. */
export function SigningDeadline({
  signingDueAt,
  now,
  reply,
}: {
  signingDueAt: Date | string;
  now: Date | string;
  reply: Reply;
}) {
  const overdue = signingOverdue({ status: "AWAITING_SIGNATURE", signingDueAt }, new Date(now));
  return (
    <SectionCard id="deadline" title="签约期限">
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm text-gray-800">
        应于 {formatDateTime(signingDueAt)} 前完成双方签署。
        {overdue ? (
          <Badge tone="solid-danger" testId="deadline-overdue">
            已逾期未签约
          </Badge>
        ) : null}
      </p>
      <details className="text-sm" open={overdue}>
        <summary className="tap cursor-pointer text-gray-700">撤销资助</summary>
        <div className="mt-3 max-w-xl">
          <p className="mb-2 text-gray-600">
            机构逾期未签约或放弃资助时，可撤销资助：项目不再签约，资助资金退回活动资金池，申报显示为「已撤销资助」。
          </p>
          <ReasonForm
            intent="withdraw"
            label="撤销资助"
            fieldLabel="撤销理由（机构可见）"
            message="项目将不再签约，资助资金退回活动资金池，并通知申报机构。此操作不可撤回。"
            reply={reply}
            danger
          />
        </div>
      </details>
    </SectionCard>
  );
}
