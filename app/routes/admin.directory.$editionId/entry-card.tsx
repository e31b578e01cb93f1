// One organization in the edition, as staff review it: route and state, each necessary
// condition and priority marker with the fact behind it, what it declared, and the
// forms its state allows.
import { Link, useLoaderData } from "@remix-run/react";
import { ConditionList } from "~/components/condition-list";
import { Badge, StatusBadge } from "~/components/status-badge";
import { ENTRY_ROUTES, ENTRY_TONES, entryWorkflow, type EntryRoute } from "~/modules/directory/entry-workflow";
import { parseConditions } from "~/modules/directory/view";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { formatDate } from "~/utils/format";
import { RemoveForm, ReviewForm, TaxCheckForm } from "./entry-forms";
import type { loader } from "./route";

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Entry = Data["entries"][number];

export function EntryCard({ entry }: { entry: Entry }) {
  const { edition, checksNow, now } = useLoaderData<typeof loader>();
  const live = checksNow[entry.organization.id];
  const name = entry.organization.name;
  const reviewing = entry.status === "SUBMITTED" && (edition.status === "OPEN" || edition.status === "REVIEWING");
  const removable = (entry.status === "PASSED" || entry.status === "LISTED") && edition.status !== "SUPERSEDED";
  const taxToCheck = entry.status === "PASSED" && entry.taxDeclared && !entry.taxCheckedAt;
  return (
    <article
      id={`entry-${entry.id}`}
      className="space-y-3 rounded-md border border-gray-200 p-4 text-sm"
      aria-label={name}
      data-testid="directory-entry"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Link to={`/admin/organizations/${entry.organization.id}`} className="link font-medium">
          {name}
        </Link>
        <span className="text-gray-600">
          {orgTypeLabel(entry.organization.type)} · {entry.street}
        </span>
        <Badge tone="brand">{ENTRY_ROUTES[entry.route as EntryRoute] ?? entry.route}</Badge>
        <StatusBadge workflow={entryWorkflow} state={entry.status} tones={ENTRY_TONES} testId="entry-status" />
      </div>
      <p>
        服务领域：{entry.areas.length ? entry.areas.map((a) => a.area).join("、") : "（机构尚未填写）"}
        {entry.submittedAt ? ` · 提交于 ${formatDate(entry.submittedAt)}` : ""}
      </p>
      {entry.capability ? <p className="whitespace-pre-wrap rounded bg-gray-50 p-2">{entry.capability}</p> : null}
      {entry.returnNote ? <p>补正要求：{entry.returnNote}</p> : null}
      {entry.rejectReason ? <p>不予列入理由：{entry.rejectReason}</p> : null}
      {entry.removedAt ? (
        <p className="text-red-700">
          {formatDate(entry.removedAt)} 移出：{entry.removalReason}
        </p>
      ) : null}
      <div>
        <p className="font-medium">必要条件{live ? `（按 ${formatDate(now)} 的记录核对）` : "（提交时的记录）"}</p>
        <ConditionList checks={live?.conditions ?? parseConditions(entry.conditions)} label={`必要条件：${name}`} />
      </div>
      {live ? (
        <div>
          <p className="font-medium">优先标识</p>
          <ConditionList checks={live.markers} label={`优先标识：${name}`} />
        </div>
      ) : null}
      {reviewing ? <ReviewForm entryId={entry.id} taxDeclared={entry.taxDeclared} name={name} /> : null}
      {taxToCheck ? <TaxCheckForm entryId={entry.id} name={name} /> : null}
      {removable ? (
        <details>
          <summary className="tap cursor-pointer text-gray-700">
            移出{entry.status === "LISTED" ? "目录" : "名单"}
          </summary>
          <div className="mt-3">
            <RemoveForm entryId={entry.id} name={name} today={now} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
