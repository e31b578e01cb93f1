// How far the application has come: submissions and the deadline.
import { useLoaderData } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { formatDate, formatDateTime } from "~/utils/format";
import type { loader } from "./route";

export function ProgressCard() {
  const { application } = useLoaderData<typeof loader>();
  if (application.submissions === 0) return null;
  return (
    <DescriptionList className="card sm:grid-cols-4">
      <DescriptionItem label="提交次数">
        <span data-testid="submission-count">{application.submissions}</span>
      </DescriptionItem>
      <DescriptionItem label="首次提交">{formatDateTime(application.firstSubmittedAt)}</DescriptionItem>
      <DescriptionItem label="最近提交">{formatDateTime(application.submittedAt)}</DescriptionItem>
      <DescriptionItem label={application.decidedAt ? "决定日期" : "办理期限"}>
        {formatDate(application.decidedAt ?? application.dueAt)}
      </DescriptionItem>
    </DescriptionList>
  );
}
