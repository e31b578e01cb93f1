// Read-only pieces of a registration application, shown to the applicant once
// submitted and to staff while reviewing.
import type { ReactNode } from "react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { ScrollBox } from "~/components/scroll-box";
import { Badge, StatusBadge as SharedStatusBadge, type BadgeTone } from "~/components/status-badge";
import { formatSize } from "~/modules/attachments/file-types";
import { CAPITAL_LABELS, orgTypeLabel, type OrgType } from "~/modules/organizations/labels";
import { formatDateTime, formatFen } from "~/utils/format";
import {
  applicationKindLabel,
  FUNDRAISING_LABELS,
  hasScopeLevel,
  kindForType,
  legalRepresentativeLabel,
  SCOPE_LEVEL_LABELS,
  type ApplicationData,
} from "./application-form";
import { documentsFor, registrationDocuments } from "./documents";
import { registrationWorkflow, type RegistrationState } from "./workflow";

const STATUS_TONES: Record<RegistrationState, BadgeTone> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  ACCEPTED: "info",
  CORRECTION: "warning",
  APPROVED: "brand",
  REJECTED: "danger",
};

export function registrationStateLabel(status: string) {
  return registrationWorkflow.stateLabels[status as RegistrationState] ?? status;
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <SharedStatusBadge
      workflow={registrationWorkflow}
      state={status}
      tones={STATUS_TONES}
      testId="application-status"
    />
  );
}

export function OverdueBadge() {
  return (
    <Badge tone="solid-danger" className="ml-1">
      已逾期
    </Badge>
  );
}

const dash = (value: ReactNode) => (value === undefined || value === null || value === "" ? "—" : value);

/** Everything the applicant filled in. */
export function ApplicationDetails({ data }: { data: ApplicationData }) {
  const type = data.orgType as OrgType;
  const kind = kindForType(type);
  return (
    <section className="card" aria-labelledby="application-details-heading">
      <h2 id="application-details-heading" className="font-medium">
        申请内容
      </h2>
      <DescriptionList className="mt-4">
        <DescriptionItem multiline label="申请事项">
          {orgTypeLabel(type)} · {applicationKindLabel(kind)}
        </DescriptionItem>
        <DescriptionItem multiline label="拟定名称">
          {dash(data.proposedName)}
        </DescriptionItem>
        {hasScopeLevel(type) ? (
          <DescriptionItem multiline label="地域范围">
            {data.level ? SCOPE_LEVEL_LABELS[data.level] : "—"}
          </DescriptionItem>
        ) : null}
        <DescriptionItem multiline label="住所">
          {dash(data.address)}
        </DescriptionItem>
        <DescriptionItem multiline label="活动地域">
          {dash(data.area)}
        </DescriptionItem>
        <DescriptionItem multiline label="行政区划代码">
          {dash(data.areaCode)}
        </DescriptionItem>
        <DescriptionItem multiline label="业务类别">
          {dash(data.category)}
        </DescriptionItem>
        <DescriptionItem multiline label="业务主管单位">
          {data.supervisingUnit || "无"}
        </DescriptionItem>
        <DescriptionItem multiline label={legalRepresentativeLabel(type)}>
          {dash(data.legalRepresentative)}
        </DescriptionItem>
        <DescriptionItem multiline label={CAPITAL_LABELS[type]}>
          {data.capitalFen == null ? "—" : formatFen(data.capitalFen)}
        </DescriptionItem>
        {type === "SOCIAL_GROUP" ? (
          <>
            <DescriptionItem multiline label="个人会员数">
              {dash(data.individualMembers)}
            </DescriptionItem>
            <DescriptionItem multiline label="单位会员数">
              {dash(data.unitMembers)}
            </DescriptionItem>
          </>
        ) : null}
        {type === "FOUNDATION" ? (
          <>
            <DescriptionItem multiline label="募捐类型">
              {data.fundraising ? FUNDRAISING_LABELS[data.fundraising] : "—"}
            </DescriptionItem>
            <DescriptionItem multiline label="理事人数">
              {dash(data.directors)}
            </DescriptionItem>
          </>
        ) : null}
        <DescriptionItem multiline label="宗旨" wide>
          {dash(data.purpose)}
        </DescriptionItem>
        <DescriptionItem multiline label="业务范围" wide>
          {dash(data.scope)}
        </DescriptionItem>
      </DescriptionList>
      <h3 className="mt-6 text-sm font-medium text-gray-700">负责人信息</h3>
      {data.persons.length === 0 ? (
        <p className="mt-2 text-sm text-gray-500">未填写。</p>
      ) : (
        <ScrollBox label="负责人信息" className="mt-2">
          <table className="table-basic">
            <thead>
              <tr>
                <th>姓名</th>
                <th>职务</th>
                <th>联系电话</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {data.persons.map((p, i) => (
                <tr key={i}>
                  <td>{dash(p.name)}</td>
                  <td>{dash(p.title)}</td>
                  <td>{dash(p.phone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

export type StoredDocument = {
  id: string;
  purpose: string;
  originalName: string;
  sizeBytes: number;
  createdAt: string | Date;
};

/** The required documents of the kind, each with its stored file (or a note that it is missing). */
export function ApplicationDocuments({ orgType, documents }: { orgType: string; documents: StoredDocument[] }) {
  const keys = documentsFor(kindForType(orgType as OrgType));
  const byKey = registrationDocuments.byKey(documents);
  return (
    <section className="card" aria-labelledby="application-documents-heading">
      <h2 id="application-documents-heading" className="font-medium">
        申请材料
      </h2>
      <ul className="mt-3 divide-y divide-gray-100 text-sm">
        {keys.map((key) => {
          const doc = byKey[key];
          return (
            <li key={key} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span className="text-gray-700">{registrationDocuments.label(key)}</span>
              {doc ? (
                <span className="text-right">
                  <a href={`/files/${doc.id}`} className="link break-all" target="_blank" rel="noreferrer">
                    {doc.originalName}
                  </a>
                  <span className="ml-2 text-xs text-gray-500">
                    {formatSize(doc.sizeBytes)} · {formatDateTime(doc.createdAt)}
                  </span>
                </span>
              ) : (
                <span className="text-red-600">未上传</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export type HistoryEvent = {
  id: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  createdAt: string | Date;
  actor: { name: string } | null;
};

function describe(event: HistoryEvent) {
  if (event.action === "registration.create") return { what: "创建申请", note: null };
  if (event.action === "attachment.upload") return { what: "上传材料", note: event.reason };
  if (event.action === "registration.transition" && event.fromState && event.toState) {
    const rule = registrationWorkflow.transitions.find((t) => t.from === event.fromState && t.to === event.toState);
    const what = rule?.label ?? `${registrationStateLabel(event.fromState)} → ${registrationStateLabel(event.toState)}`;
    // runTransition stores the label as the reason when none was given.
    return { what, note: event.reason && event.reason !== rule?.label ? event.reason : null };
  }
  return { what: event.action, note: event.reason };
}

/** The steps so far, from the audit log. */
export function ApplicationHistory({ events }: { events: HistoryEvent[] }) {
  return (
    <section className="card" aria-labelledby="application-history-heading">
      <h2 id="application-history-heading" className="font-medium">
        办理记录
      </h2>
      {events.length === 0 ? (
        <p className="mt-3 text-sm text-gray-500">暂无记录。</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {events.map((event) => {
            const { what, note } = describe(event);
            return (
              <li key={event.id} className="border-l-2 border-brand-200 pl-3">
                <p>
                  <span className="font-medium text-gray-900">{what}</span>
                  <span className="ml-2 text-xs text-gray-500">
                    {formatDateTime(event.createdAt)} · {event.actor?.name ?? "系统"}
                  </span>
                </p>
                {note ? <p className="mt-0.5 whitespace-pre-wrap text-gray-700">{note}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
