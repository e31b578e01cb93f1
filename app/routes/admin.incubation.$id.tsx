import { getFormProps, getCollectionProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { AuditTrail } from "~/components/audit-trail";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { useConformForm } from "~/components/use-form";
import { listEntityAuditEvents } from "~/modules/admin/audit-log.server";
import { requireRole } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import {
  AgreementSchema,
  ExitSchema,
  FirstCheckSchema,
  ReviewSchema,
  ServiceSchema,
  STAFF_INTENTS,
  type StaffIntent,
} from "~/modules/incubation/forms";
import {
  getIncubationDetail,
  getIncubationEligibility,
  recordExitReview,
  recordFirstCheck,
  recordReview,
  recordService,
  signAgreement,
} from "~/modules/incubation/incubation.server";
import {
  EXIT_RESULT_LABELS,
  EXIT_RESULTS,
  exitResultLabel,
  incubationStatusLabel,
  INCUBATION_NEEDS,
  needLabel,
  type ExitResult,
} from "~/modules/incubation/labels";
import { isFirstCheckOverdue } from "~/modules/incubation/schedule";
import { orgStatusLabel, orgTypeLabel } from "~/modules/organizations/labels";
import { dispatchIntent, handler } from "~/utils/action.server";
import { addMonths, toDateInput } from "~/utils/dates";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.incubation.organization.name ?? "入驻申请"} · 孵化基地 · 益苗` },
];

const CHECKING_STATES = ["APPLIED", "FIRST_CHECK_PASSED", "ADMITTED"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const id = params.id ?? "";
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
  const id = params.id ?? "";
  const formData = await request.formData();
  const actor = { id: admin.id };
  const done = (intent: StaffIntent) => () => redirect(`/admin/incubation/${id}?done=${intent}`);

  return dispatchIntent(formData, {
    "first-check": handler({
      schema: FirstCheckSchema,
      run: (v) => recordFirstCheck({ id, actor, pass: v.decision === "pass", note: v.note, request }),
      done: done("first-check"),
    }),
    review: handler({
      schema: ReviewSchema,
      run: (v) => recordReview({ id, actor, pass: v.decision === "pass", note: v.note, request }),
      done: done("review"),
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

function useIntentForm(intent: StaffIntent, schema: z.ZodTypeAny, defaultValue?: Record<string, string>) {
  const reply = useActionData<typeof action>();
  return useConformForm({ id: `incubation-${intent}`, intent, schema, reply, defaultValue });
}

export default function AdminIncubationDetail() {
  const data = useLoaderData<typeof loader>();
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
      {done ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
          {DONE_MESSAGES[done]}
        </p>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="card" aria-labelledby="application-heading">
          <h2 id="application-heading" className="mb-3 text-base font-semibold text-gray-900">
            申请信息
          </h2>
          <dl className="space-y-2 text-sm">
            <Item label="社会组织">
              {org.status === "PREPARING" ? (
                org.name
              ) : (
                <Link to={`/orgs/${org.id}`} className="link">
                  {org.name}
                </Link>
              )}
            </Item>
            <Item label="类型 / 状态">
              {orgTypeLabel(org.type)} · {orgStatusLabel(org.status)}
            </Item>
            <Item label="统一社会信用代码">{org.uscc ?? "尚未赋码"}</Item>
            <Item label="联系人">{[org.contactName, org.contactPhone].filter(Boolean).join(" ") || "—"}</Item>
            <Item label="申请日期">{formatDateTime(incubation.appliedAt)}</Item>
            <Item label="初审截止">
              {formatDate(incubation.firstCheckDueAt)}
              {overdue ? (
                <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">已超期</span>
              ) : null}
            </Item>
            <Item label="需要的支持">{incubation.needs.map(needLabel).join("、") || "—"}</Item>
            <Item label="入驻计划">
              <span className="whitespace-pre-line">{incubation.plan}</span>
            </Item>
          </dl>
        </section>

        <section className="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="mb-3 text-base font-semibold text-gray-900">
            办理进度
          </h2>
          <dl className="space-y-2 text-sm">
            <Item label="初审">
              {incubation.firstCheckAt
                ? `${formatDate(incubation.firstCheckAt)}${incubation.firstCheckNote ? `：${incubation.firstCheckNote}` : ""}`
                : "—"}
            </Item>
            <Item label="评审">
              {incubation.reviewAt
                ? `${formatDate(incubation.reviewAt)}${incubation.reviewNote ? `：${incubation.reviewNote}` : ""}`
                : "—"}
            </Item>
            <Item label="入驻协议">{incubation.agreementNo ?? "—"}</Item>
            <Item label="孵化期">
              {incubation.termStart ? `${formatDate(incubation.termStart)} 至 ${formatDate(incubation.termEnd)}` : "—"}
            </Item>
            <Item label="期满评审">
              {incubation.exitResult
                ? `${exitResultLabel(incubation.exitResult)}${incubation.exitAt ? `（${formatDate(incubation.exitAt)}）` : ""}${incubation.exitNote ? `：${incubation.exitNote}` : ""}`
                : "—"}
            </Item>
            {incubation.handoverDueAt ? (
              <Item label="交还场地">
                <span className="font-medium text-amber-800" data-testid="handover-due">
                  须于 {formatDate(incubation.handoverDueAt)} 前交还场地
                </span>
              </Item>
            ) : null}
          </dl>
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
    </div>
  );
}

function useBusy() {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
}

function DecisionForm({ intent, step }: { intent: "first-check" | "review"; step: "初审" | "评审" }) {
  const [form, fields] = useIntentForm(intent, intent === "first-check" ? FirstCheckSchema : ReviewSchema);
  const busy = useBusy();
  const headingId = `${intent}-heading`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-base font-semibold text-gray-900">
        {step}
      </h2>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value={intent} />
        <TextareaField
          meta={fields.note}
          label={`${step}意见`}
          rows={3}
          hint={`${step}不通过时须填写理由，理由将告知该社会组织。`}
        />
        <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="decision" value="pass" className="btn-primary" disabled={busy}>
            {step}通过
          </button>
          <button type="submit" name="decision" value="reject" className="btn-danger" disabled={busy}>
            {step}不通过
          </button>
        </div>
      </Form>
    </section>
  );
}

function AgreementForm() {
  const { today, termMonths } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm("agreement", AgreementSchema, { termStart: today });
  const busy = useBusy();
  return (
    <section className="card" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" className="mb-3 text-base font-semibold text-gray-900">
        签订入驻协议
      </h2>
      <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-3">
        <input type="hidden" name="intent" value="agreement" />
        <Field meta={fields.agreementNo} label="协议编号" placeholder="例如 JNFH-2026-012" />
        <Field meta={fields.termStart} label="孵化开始日期" type="date" />
        <Field
          meta={fields.termEnd}
          label="孵化结束日期"
          type="date"
          hint={`留空则为开始日期起 ${termMonths} 个月。`}
        />
        <div className="sm:col-span-3">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <div className="sm:col-span-3">
          <button type="submit" className="btn-primary" disabled={busy}>
            签订入驻协议
          </button>
        </div>
      </Form>
    </section>
  );
}

function ServiceForm() {
  const { today } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm("service", ServiceSchema, { providedAt: today });
  const busy = useBusy();
  return (
    <section className="card" aria-labelledby="service-form-heading">
      <h2 id="service-form-heading" className="mb-3 text-base font-semibold text-gray-900">
        记录孵化服务
      </h2>
      <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-3">
        <input type="hidden" name="intent" value="service" />
        <SelectField
          meta={fields.kind}
          label="服务类型"
          options={INCUBATION_NEEDS.map((kind) => ({ value: kind, label: needLabel(kind) }))}
        />
        <Field meta={fields.providedAt} label="服务日期" type="date" />
        <Field
          meta={fields.amount}
          label="种子资金金额（元）"
          inputMode="decimal"
          hint="仅种子资金填写，例如 5000 或 5,000.00"
        />
        <TextareaField meta={fields.description} label="服务内容" rows={2} className="sm:col-span-3" />
        <div className="sm:col-span-3">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <div className="sm:col-span-3">
          <button type="submit" className="btn-primary" disabled={busy}>
            记录服务
          </button>
        </div>
      </Form>
    </section>
  );
}

function ServiceList() {
  const { services, serviceTotal, byKind, seedFundingFen, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="services-heading">
      <h2 id="services-heading" className="mb-3 text-base font-semibold text-gray-900">
        已提供的服务
      </h2>
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-6">
        {byKind.map((k) => (
          <div key={k.kind} className="rounded-md bg-gray-50 p-2">
            <dt className="text-gray-500">{needLabel(k.kind)}</dt>
            <dd className="font-medium text-gray-900">{k.count} 次</dd>
          </div>
        ))}
        <div className="rounded-md bg-brand-50 p-2">
          <dt className="text-gray-600">种子资金合计</dt>
          <dd className="font-semibold text-brand-800" data-testid="seed-funding-total">
            {formatFen(seedFundingFen)}
          </dd>
        </div>
      </dl>
      {services.length === 0 ? (
        <p className="text-sm text-gray-500">尚未记录服务。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table-basic">
            <thead>
              <tr>
                <th>日期</th>
                <th>类型</th>
                <th>内容</th>
                <th>金额</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {services.map((s) => (
                <tr key={s.id}>
                  <td className="whitespace-nowrap">{formatDate(s.providedAt)}</td>
                  <td className="whitespace-nowrap">{needLabel(s.kind)}</td>
                  <td>{s.description}</td>
                  <td className="whitespace-nowrap">{s.amountFen != null ? formatFen(s.amountFen) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={serviceTotal} />
    </section>
  );
}

const EXIT_HINTS: Record<ExitResult, string> = {
  GRADUATED: "已具备独立运营能力，离开孵化基地",
  EXTENDED: "继续在孵，延长孵化期",
  EXITED: "不再适合在孵，须限期交还场地",
};

function ExitForm() {
  const { incubation, termEnded, extensionDefault, termMonths } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm("exit", ExitSchema, { newTermEnd: extensionDefault });
  const busy = useBusy();
  return (
    <section className="card" aria-labelledby="exit-heading">
      <h2 id="exit-heading" className="mb-1 text-base font-semibold text-gray-900">
        期满评审
      </h2>
      <p className="mb-3 text-sm text-gray-600">
        孵化期至 {formatDate(incubation.termEnd)}
        {termEnded ? "，已届满。" : "，尚未届满；如提前出壳或退驻，请在评审意见中说明原因。"}
      </p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="intent" value="exit" />
        <fieldset aria-describedby={fields.result.errors?.length ? fields.result.errorId : undefined}>
          <legend className="mb-1 block text-sm font-medium text-gray-700 after:ml-0.5 after:text-red-600 after:content-['*']">
            评审结果
          </legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {getCollectionProps(fields.result, { type: "radio", options: [...EXIT_RESULTS] }).map(
              ({ key, ...props }) => (
                <label key={key} className="inline-flex items-center gap-2 text-sm text-gray-800">
                  <input {...props} className="h-4 w-4 border-gray-300 text-brand-600" />
                  {EXIT_RESULT_LABELS[props.value as ExitResult]}
                  <span className="text-xs text-gray-500">{EXIT_HINTS[props.value as ExitResult]}</span>
                </label>
              ),
            )}
          </div>
          <ErrorList id={fields.result.errorId} errors={fields.result.errors} />
        </fieldset>
        <TextareaField meta={fields.note} label="评审意见" rows={3} hint="必填，将告知该社会组织。" />
        <Field
          meta={fields.newTermEnd}
          label="续驻至"
          type="date"
          hint={`仅续驻时填写；默认为当前结束日期后 ${termMonths} 个月。`}
          className="max-w-xs"
        />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={busy}>
          提交期满评审
        </button>
      </Form>
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-[8rem_1fr] sm:gap-2">
      <dt className="text-gray-500">{label}</dt>
      <dd className="break-words text-gray-900">{children}</dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
