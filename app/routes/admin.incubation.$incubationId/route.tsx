import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuditTrail } from "~/components/audit-trail";
import { ConfirmGate } from "~/components/confirm";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Badge } from "~/components/status-badge";
import { listEntityAuditEvents } from "~/modules/admin/audit-log.server";
import { requireRole } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { recordFirstCheck, recordReview, signAgreement } from "~/modules/incubation/decisions.server";
import { getIncubationEligibility } from "~/modules/incubation/eligibility.server";
import { recordExitReview } from "~/modules/incubation/exit-review.server";
import {
  AgreementSchema,
  ExitSchema,
  FirstCheckSchema,
  rejectionConfirm,
  ReviewSchema,
  ServiceSchema,
  STAFF_INTENTS,
  type StaffIntent,
} from "~/modules/incubation/forms";
import { exitResultLabel, incubationStatusLabel, needLabel } from "~/modules/incubation/labels";
import { isFirstCheckOverdue } from "~/modules/incubation/schedule";
import { recordService } from "~/modules/incubation/service.server";
import { getIncubationDetail } from "~/modules/incubation/staff-list.server";
import { orgStatusLabel, orgTypeLabel } from "~/modules/organizations/labels";
import { dispatchIntent, handler } from "~/utils/action.server";
import { addMonths, toDateInput } from "~/utils/dates";
import { formatDate, formatDateTime } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { AgreementForm } from "./agreement-form";
import { DecisionForm } from "./decision-form";
import { ExitForm } from "./exit-form";
import { ServiceForm } from "./service-form";
import { ServiceList } from "./service-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.incubation.organization.name ?? "入驻申请"} · 孵化基地 · 益苗` },
];

const CHECKING_STATES = ["APPLIED", "FIRST_CHECK_PASSED", "ADMITTED"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const id = params.incubationId ?? "";
  const page = getPage(new URL(request.url));
  const detail = await getIncubationDetail(id, page);
  invariantResponse(detail, "未找到该入驻申请", { status: 404 });
  const { incubation } = detail;
  const now = new Date();
  const [rules, events, eligibility] = await Promise.all([
    getRules(now),
    listEntityAuditEvents("IncubationApplication", id),
    // Before admission, staff see whether an exclusion has appeared since the application.
    CHECKING_STATES.includes(incubation.status)
      ? getIncubationEligibility(incubation.organization.id, { today: now, excludeIncubationId: id })
      : Promise.resolve(null),
  ]);
  const termMonths = rules["incubation.termMonths"];
  return {
    ...detail,
    page,
    pageSize: PAGE_SIZE,
    events,
    eligibility,
    overdue: isFirstCheckOverdue(incubation, now),
    termEnded: incubation.termEnd ? incubation.termEnd.getTime() <= now.getTime() : false,
    today: toDateInput(now),
    termMonths,
    extensionDefault: incubation.termEnd ? toDateInput(addMonths(incubation.termEnd, termMonths)) : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const id = params.incubationId ?? "";
  const formData = await readForm(request);
  const actor = { id: admin.id };
  const done = (intent: StaffIntent) => () => redirect(`/admin/incubation/${id}?done=${intent}`);

  return dispatchIntent(formData, {
    "first-check": handler({
      schema: FirstCheckSchema,
      run: (v) => recordFirstCheck({ id, actor, pass: v.decision === "pass", note: v.note, request }),
      done: done("first-check"),
      confirm: (v) => (v.decision === "reject" ? rejectionConfirm("初审") : null),
    }),
    review: handler({
      schema: ReviewSchema,
      run: (v) => recordReview({ id, actor, pass: v.decision === "pass", note: v.note, request }),
      done: done("review"),
      confirm: (v) => (v.decision === "reject" ? rejectionConfirm("评审") : null),
    }),
    agreement: handler({
      schema: AgreementSchema,
      run: (v) =>
        signAgreement({ id, actor, agreementNo: v.agreementNo, termStart: v.termStart, termEnd: v.termEnd, request }),
      done: done("agreement"),
    }),
    service: handler({
      schema: ServiceSchema,
      run: (v) =>
        recordService({
          id,
          actor,
          kind: v.kind,
          description: v.description,
          providedAt: v.providedAt,
          amountFen: v.amountFen,
          request,
        }),
      done: done("service"),
    }),
    exit: handler({
      schema: ExitSchema,
      run: (v) => recordExitReview({ id, actor, result: v.result, note: v.note, newTermEnd: v.newTermEnd, request }),
      done: done("exit"),
    }),
  } satisfies Record<StaffIntent, unknown>);
}

const DONE_MESSAGES: Record<StaffIntent, string> = {
  "first-check": "已记录初审结果，并已通知该社会组织。",
  review: "已记录评审结果，并已通知该社会组织。",
  agreement: "入驻协议已登记，该社会组织已进入孵化期。",
  service: "服务已记录。",
  exit: "已记录期满评审结果，并已通知该社会组织。",
};

export default function AdminIncubationDetail() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { incubation, eligibility, overdue, events } = data;
  const [searchParams] = useSearchParams();
  const done = STAFF_INTENTS.find((i) => i === searchParams.get("done"));
  const org = incubation.organization;

  return (
    <div className="space-y-4">
      <PageHeader
        title={org.name}
        description={
          <>
            孵化基地入驻申请 · <span data-testid="incubation-status">{incubationStatusLabel(incubation.status)}</span>
          </>
        }
        actions={
          <Link to="/admin/incubation" className="btn-secondary">
            返回列表
          </Link>
        }
      />
      <ConfirmGate reply={reply}>
        {done ? <Notice>{DONE_MESSAGES[done]}</Notice> : null}

        <div className="grid gap-4 lg:grid-cols-2">
          <section className="card" aria-labelledby="application-heading">
            <h2 id="application-heading" className="mb-3 text-base font-semibold text-gray-900">
              申请信息
            </h2>
            <DescriptionList layout="rows">
              <DescriptionItem inline label="社会组织">
                {org.status === "PREPARING" ? (
                  org.name
                ) : (
                  <Link to={`/orgs/${org.id}`} className="link">
                    {org.name}
                  </Link>
                )}
              </DescriptionItem>
              <DescriptionItem inline label="类型 / 状态">
                {orgTypeLabel(org.type)} · {orgStatusLabel(org.status)}
              </DescriptionItem>
              <DescriptionItem inline label="统一社会信用代码">
                {org.uscc ?? "尚未赋码"}
              </DescriptionItem>
              <DescriptionItem inline label="联系人">
                {[org.contactName, org.contactPhone].filter(Boolean).join(" ")}
              </DescriptionItem>
              <DescriptionItem inline label="申请日期">
                {formatDateTime(incubation.appliedAt)}
              </DescriptionItem>
              <DescriptionItem inline label="初审截止">
                {formatDate(incubation.firstCheckDueAt)}
                {overdue ? (
                  <Badge tone="danger" className="ml-2">
                    已超期
                  </Badge>
                ) : null}
              </DescriptionItem>
              <DescriptionItem inline label="需要的支持">
                {incubation.needs.map(needLabel).join("、")}
              </DescriptionItem>
              <DescriptionItem inline label="入驻计划">
                <span className="whitespace-pre-line">{incubation.plan}</span>
              </DescriptionItem>
            </DescriptionList>
          </section>

          <section className="card" aria-labelledby="progress-heading">
            <h2 id="progress-heading" className="mb-3 text-base font-semibold text-gray-900">
              办理进度
            </h2>
            <DescriptionList layout="rows">
              <DescriptionItem inline label="初审">
                {incubation.firstCheckAt
                  ? `${formatDate(incubation.firstCheckAt)}${incubation.firstCheckNote ? `：${incubation.firstCheckNote}` : ""}`
                  : "—"}
              </DescriptionItem>
              <DescriptionItem inline label="评审">
                {incubation.reviewAt
                  ? `${formatDate(incubation.reviewAt)}${incubation.reviewNote ? `：${incubation.reviewNote}` : ""}`
                  : "—"}
              </DescriptionItem>
              <DescriptionItem inline label="入驻协议">
                {incubation.agreementNo ?? "—"}
              </DescriptionItem>
              <DescriptionItem inline label="孵化期">
                {incubation.termStart
                  ? `${formatDate(incubation.termStart)} 至 ${formatDate(incubation.termEnd)}`
                  : "—"}
              </DescriptionItem>
              <DescriptionItem inline label="期满评审">
                {incubation.exitResult
                  ? `${exitResultLabel(incubation.exitResult)}${incubation.exitAt ? `（${formatDate(incubation.exitAt)}）` : ""}${incubation.exitNote ? `：${incubation.exitNote}` : ""}`
                  : "—"}
              </DescriptionItem>
              {incubation.handoverDueAt ? (
                <DescriptionItem inline label="交还场地">
                  <span className="font-medium text-amber-800" data-testid="handover-due">
                    须于 {formatDate(incubation.handoverDueAt)} 前交还场地
                  </span>
                </DescriptionItem>
              ) : null}
            </DescriptionList>
          </section>
        </div>

        {eligibility ? (
          eligibility.eligible ? (
            <p className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
              经系统核验登记状态、近年年检结果和信用记录，未发现排除情形。
            </p>
          ) : (
            <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="alert">
              <p className="font-medium">该社会组织目前存在以下排除情形，请在办理时注意：</p>
              <ul className="mt-1 list-disc pl-5">
                {eligibility.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}

        {incubation.status === "APPLIED" ? <DecisionForm intent="first-check" step="初审" /> : null}
        {incubation.status === "FIRST_CHECK_PASSED" ? <DecisionForm intent="review" step="评审" /> : null}
        {incubation.status === "ADMITTED" ? <AgreementForm /> : null}
        {incubation.status === "IN_RESIDENCE" ? <ServiceForm /> : null}

        {incubation.status === "IN_RESIDENCE" || data.serviceTotal > 0 ? <ServiceList /> : null}

        {incubation.status === "IN_RESIDENCE" ? <ExitForm /> : null}

        <AuditTrail title="操作记录" events={events} entityType="IncubationApplication" entityId={incubation.id} />
      </ConfirmGate>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
