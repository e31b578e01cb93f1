// What both sides see of a monitoring visit (督导): the date, what was looked at or
// found, the actions requested and by when (flagged when overdue), the reply. Each
// side's forms go in `children` under the facts.
import type { ReactNode } from "react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { Badge, StatusBadge } from "~/components/status-badge";
import { formatDate } from "~/utils/format";
import { visitWorkflow, VISIT_TONES } from "./monitoring-workflow";

type Day = Date | string;

export type VisitFacts = {
  id: string;
  status: string;
  visitedOn: Day;
  purpose: string | null;
  findings: string | null;
  requestedActions: string | null;
  replyDueAt: Day | null;
  reply: string | null;
  repliedAt: Day | null;
  closedAt: Day | null;
  visitorName: string | null;
  repliedByName: string | null;
};

export function VisitStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return <StatusBadge workflow={visitWorkflow} state={status} tones={VISIT_TONES} testId={testId} />;
}

/** Waiting for the organization's reply past the due date. */
export function isReplyOverdue(visit: { status: string; replyDueAt: Day | null }, now: Day) {
  return visit.status === "OPEN" && !!visit.replyDueAt && new Date(visit.replyDueAt) < new Date(now);
}

export function ReplyOverdueBadge() {
  return (
    <Badge tone="solid-danger" testId="visit-overdue">
      回复已逾期
    </Badge>
  );
}

export function VisitCard({ visit, now, children }: { visit: VisitFacts; now: Day; children?: ReactNode }) {
  const planned = visit.status === "PLANNED" || (visit.status === "CANCELLED" && !visit.findings);
  const title = `${formatDate(visit.visitedOn)} ${planned ? "督导走访（计划）" : "督导走访"}`;
  return (
    <section
      className="card space-y-3"
      aria-labelledby={`visit-${visit.id}-heading`}
      data-testid={`visit-card-${visit.id}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`visit-${visit.id}-heading`} className="text-base font-semibold text-gray-900">
          {title}
        </h3>
        <span className="inline-flex items-center gap-1">
          <VisitStatusBadge status={visit.status} testId="visit-status" />
          {isReplyOverdue(visit, now) ? <ReplyOverdueBadge /> : null}
        </span>
      </div>
      <DescriptionList>
        {visit.purpose ? (
          <DescriptionItem label="督导重点" wide multiline>
            {visit.purpose}
          </DescriptionItem>
        ) : null}
        {visit.findings ? (
          <>
            <DescriptionItem label="督导发现" wide multiline>
              {visit.findings}
            </DescriptionItem>
            <DescriptionItem label="整改要求" wide multiline>
              {visit.requestedActions}
            </DescriptionItem>
            <DescriptionItem label="回复期限">{visit.replyDueAt ? formatDate(visit.replyDueAt) : null}</DescriptionItem>
          </>
        ) : null}
        <DescriptionItem label="督导人员">{visit.visitorName}</DescriptionItem>
        {visit.reply ? (
          <DescriptionItem label="机构回复" wide multiline>
            <span data-testid="visit-reply">{visit.reply}</span>
            <span className="mt-1 block text-xs text-gray-500">
              {visit.repliedByName ?? "机构"} 于 {formatDate(visit.repliedAt)} 回复
            </span>
          </DescriptionItem>
        ) : null}
        {visit.closedAt ? (
          <DescriptionItem label={visit.status === "CANCELLED" ? "取消日期" : "关闭日期"}>
            {formatDate(visit.closedAt)}
          </DescriptionItem>
        ) : null}
      </DescriptionList>
      {children}
    </section>
  );
}
