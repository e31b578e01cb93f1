import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { CAPITAL_LABELS, orgStatusLabel, orgTypeLabel, type OrgType } from "~/modules/organizations/labels";
import { changeKindLabel, formatChangeValue, registeredFieldLabel } from "~/modules/registry/changes";
import { canEndCreditRecord, CREDIT_KIND_LABELS, CREDIT_KINDS, creditKindLabel } from "~/modules/registry/credit";
import {
  ChangeSchema,
  CreditEndSchema,
  CreditSchema,
  DeregisterSchema,
  GradeSchema,
  ORG_INTENTS,
  OrgActionSchema,
  RevokeSchema,
  type OrgIntent,
} from "~/modules/registry/forms";
import { GRADES, gradeLabel, gradeRowInForce } from "~/modules/registry/grade";
import {
  addCreditRecord,
  changeOrganizationStatus,
  endAbnormalListing,
  getAdminOrganization,
  recordChange,
  recordGrade,
  type RegistryResult,
} from "~/modules/registry/registry.server";
import { parseDateInput, toDateInput } from "~/utils/dates";
import { fenToYuanInput, formatDate, formatFen, yuanToFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

type ActionData = { intent: OrgIntent | null; recordId?: string; result: SubmissionResult<string[]>; message?: string };

const MEMBERSHIP_ROLE_LABELS: Record<string, string> = { OWNER: "负责人", MEMBER: "成员" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.org.name ?? "社会组织"} · 益苗` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const org = await getAdminOrganization(params.orgId ?? "");
  invariantResponse(org, "未找到该社会组织", { status: 404 });
  const now = new Date();
  return {
    org: { ...org, capitalYuan: fenToYuanInput(org.capitalFen) },
    gradeInForce: gradeRowInForce(org.grades, now),
    today: toDateInput(now),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const org = await getAdminOrganization(params.orgId ?? "");
  invariantResponse(org, "未找到该社会组织", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: OrgActionSchema });
  const recordId = typeof formData.get("recordId") === "string" ? String(formData.get("recordId")) : undefined;
  if (submission.status !== "success") {
    const intent = ORG_INTENTS.find((i) => i === formData.get("intent")) ?? null;
    return Response.json({ intent, recordId, result: submission.reply() } satisfies ActionData, { status: 400 });
  }
  const input = submission.value;
  const ctx = { actorId: admin.id, request };

  let outcome: RegistryResult<object>;
  let message: string;
  switch (input.intent) {
    case "change": {
      const capital = input.capitalYuan ? yuanToFen(input.capitalYuan) : null;
      outcome = await recordChange(
        {
          organizationId: org.id,
          effectiveAt: parseDateInput(input.effectiveAt)!,
          reason: input.reason,
          values: {
            name: input.name,
            address: input.address,
            purpose: input.purpose,
            scope: input.scope,
            area: input.area,
            legalRepresentative: input.legalRepresentative,
            capitalFen: capital == null ? null : BigInt(capital),
            supervisingUnit: input.supervisingUnit,
          },
        },
        ctx,
      );
      message = outcome.ok && "changed" in outcome ? `已办理变更登记，共 ${String(outcome.changed)} 项。` : "";
      break;
    }
    case "deregister":
    case "revoke":
      outcome = await changeOrganizationStatus(
        {
          organizationId: org.id,
          to: input.intent === "deregister" ? "DEREGISTERED" : "REVOKED",
          reason: input.reason,
          effectiveAt: parseDateInput(input.effectiveAt)!,
        },
        ctx,
      );
      message = input.intent === "deregister" ? "已注销登记。" : "已撤销登记。";
      break;
    case "credit":
      outcome = await addCreditRecord(
        {
          organizationId: org.id,
          kind: input.kind,
          description: input.description,
          authority: input.authority,
          decidedAt: parseDateInput(input.decidedAt)!,
        },
        ctx,
      );
      message = `已记录信用信息：${creditKindLabel(input.kind)}。`;
      break;
    case "credit-end":
      outcome = await endAbnormalListing(
        {
          organizationId: org.id,
          recordId: input.recordId,
          endedAt: parseDateInput(input.endedAt)!,
          note: input.note ?? "",
        },
        ctx,
      );
      message = "已移出活动异常名录。";
      break;
    case "grade": {
      const result = await recordGrade(
        {
          organizationId: org.id,
          grade: input.grade as 1 | 2 | 3 | 4 | 5,
          announcedAt: parseDateInput(input.announcedAt)!,
          note: input.note,
        },
        ctx,
      );
      outcome = result;
      message = result.ok
        ? result.currentGrade === input.grade
          ? `已记录评估等级 ${gradeLabel(input.grade)}，现行等级为 ${gradeLabel(result.currentGrade)}。`
          : `已记录评估等级 ${gradeLabel(input.grade)}；该等级自公告次年 1 月 1 日起生效，现行等级为 ${gradeLabel(result.currentGrade)}。`
        : "";
      break;
    }
  }

  if (!outcome.ok) {
    const reply = outcome.field
      ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } })
      : submission.reply({ formErrors: [outcome.message] });
    return Response.json({ intent: input.intent, recordId, result: reply } satisfies ActionData, { status: 400 });
  }
  return {
    intent: input.intent,
    recordId,
    result: submission.reply({ resetForm: true }),
    message,
  } satisfies ActionData;
}

function useIntentForm(
  id: string,
  intent: OrgIntent,
  schema: z.ZodTypeAny,
  actionData: ActionData | undefined,
  defaultValue?: Record<string, string>,
  recordId?: string,
) {
  const mine = actionData?.intent === intent && (recordId == null || actionData.recordId === recordId);
  return useForm({
    id,
    lastResult: mine ? actionData?.result : undefined,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

function Notice({ actionData, intent }: { actionData: ActionData | undefined; intent: OrgIntent }) {
  if (actionData?.intent !== intent || !actionData.message) return null;
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
      {actionData.message}
    </p>
  );
}

function useBusy() {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
}

function ChangeForm() {
  const { org, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useBusy();
  const [form, fields] = useIntentForm("org-change", "change", ChangeSchema, actionData, {
    name: org.name,
    address: org.address ?? "",
    purpose: org.purpose ?? "",
    scope: org.scope ?? "",
    area: org.area ?? "",
    legalRepresentative: org.legalRepresentative ?? "",
    capitalYuan: org.capitalYuan,
    supervisingUnit: org.supervisingUnit ?? "",
    effectiveAt: today,
  });
  const capitalLabel = CAPITAL_LABELS[org.type as OrgType] ?? "资金";
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 md:grid-cols-2">
      <input type="hidden" name="intent" value="change" />
      <p className="text-sm text-gray-600 md:col-span-2">修改需要变更的登记事项，未修改的事项不会记录。</p>
      <Field meta={fields.name} label="名称" className="md:col-span-2" />
      <Field meta={fields.address} label="住所" className="md:col-span-2" />
      <Field meta={fields.area} label="活动地域" />
      <Field meta={fields.legalRepresentative} label="法定代表人" />
      <Field meta={fields.capitalYuan} label={`${capitalLabel}（元）`} inputMode="decimal" />
      <Field meta={fields.supervisingUnit} label="业务主管单位" hint="直接登记的类别可留空" />
      <TextareaField meta={fields.purpose} label="宗旨" rows={3} className="md:col-span-2" />
      <TextareaField meta={fields.scope} label="业务范围" rows={3} className="md:col-span-2" />
      <Field meta={fields.effectiveAt} label="变更日期" type="date" />
      <TextareaField meta={fields.reason} label="变更原因" rows={2} className="md:col-span-2" />
      <div className="space-y-2 md:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Notice actionData={actionData} intent="change" />
        <button type="submit" className="btn-primary" disabled={busy}>
          办理变更登记
        </button>
      </div>
    </Form>
  );
}

function StatusForm({ intent }: { intent: "deregister" | "revoke" }) {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useBusy();
  const schema = intent === "deregister" ? DeregisterSchema : RevokeSchema;
  const [form, fields] = useIntentForm(`org-${intent}`, intent, schema, actionData, { effectiveAt: today });
  const word = intent === "deregister" ? "注销" : "撤销";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value={intent} />
      <h3 className="text-sm font-semibold text-gray-900">{word}登记</h3>
      <p className="text-xs text-gray-500">
        {intent === "deregister"
          ? "组织申请注销或依法终止时办理。"
          : "组织有严重违法行为（如连续两年未参加年检）被依法撤销登记时办理。"}
        办理后组织状态变为“已{word}”，并在名录中公示。
      </p>
      <Field meta={fields.effectiveAt} label={`${word}日期`} type="date" />
      <TextareaField meta={fields.reason} label={`${word}理由`} rows={2} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-danger" disabled={busy}>
        {word}登记
      </button>
    </Form>
  );
}

function CreditForm() {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useBusy();
  const [form, fields] = useIntentForm("org-credit", "credit", CreditSchema, actionData, { decidedAt: today });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 border-t border-gray-100 pt-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="credit" />
      <h3 className="text-sm font-semibold text-gray-900 md:col-span-2">记录信用信息</h3>
      <SelectField
        meta={fields.kind}
        label="类别"
        options={CREDIT_KINDS.map((k) => ({ value: k, label: CREDIT_KIND_LABELS[k] }))}
      />
      <Field meta={fields.decidedAt} label="决定日期" type="date" />
      <Field meta={fields.authority} label="决定机关（可选）" className="md:col-span-2" />
      <TextareaField meta={fields.description} label="具体情况" rows={2} className="md:col-span-2" />
      <div className="space-y-2 md:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Notice actionData={actionData} intent="credit" />
        <button type="submit" className="btn-primary" disabled={busy}>
          记录
        </button>
      </div>
    </Form>
  );
}

function CreditEndForm({ recordId }: { recordId: string }) {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useBusy();
  const [form, fields] = useIntentForm(
    `org-credit-end-${recordId}`,
    "credit-end",
    CreditEndSchema,
    actionData,
    { endedAt: today },
    recordId,
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="credit-end" />
      <input type="hidden" name="recordId" value={recordId} />
      <Field meta={fields.endedAt} label="移出日期" type="date" />
      <div>
        <label htmlFor={fields.note.id} className="mb-1 block text-sm font-medium text-gray-700">
          说明（可选）
        </label>
        <input {...getInputProps(fields.note, { type: "text", ariaAttributes: true })} className="input" />
      </div>
      <button type="submit" className="btn-secondary" disabled={busy}>
        移出异常名录
      </button>
      <div className="w-full">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
    </Form>
  );
}

function GradeForm() {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useBusy();
  const [form, fields] = useIntentForm("org-grade", "grade", GradeSchema, actionData, { announcedAt: today });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 border-t border-gray-100 pt-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="grade" />
      <h3 className="text-sm font-semibold text-gray-900 md:col-span-2">记录评估等级</h3>
      <SelectField
        meta={fields.grade}
        label="评估等级"
        options={GRADES.map((g) => ({ value: String(g), label: gradeLabel(g) }))}
      />
      <Field
        meta={fields.announcedAt}
        label="公告日期"
        type="date"
        hint="有效期自公告次年 1 月 1 日起至第 5 年 12 月 31 日。"
      />
      <Field meta={fields.note} label="备注（可选）" className="md:col-span-2" />
      <div className="space-y-2 md:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Notice actionData={actionData} intent="grade" />
        <button type="submit" className="btn-primary" disabled={busy}>
          记录等级
        </button>
      </div>
    </Form>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[8rem_1fr] sm:gap-2">
      <dt className="text-gray-500">{label}</dt>
      <dd className="whitespace-pre-line break-words text-gray-900">{children}</dd>
    </div>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card space-y-3" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-base font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function AdminOrganizationDetail() {
  const { org, gradeInForce } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const registered = org.status === "REGISTERED";
  const statusNotice =
    actionData?.message && (actionData.intent === "deregister" || actionData.intent === "revoke")
      ? actionData.message
      : null;
  const creditEndNotice = actionData?.message && actionData.intent === "credit-end" ? actionData.message : null;

  return (
    <div className="space-y-4">
      <PageHeader
        title={org.name}
        description={`${orgTypeLabel(org.type)} · ${orgStatusLabel(org.status)}`}
        actions={
          <>
            {org.status !== "PREPARING" ? (
              <Link to={`/orgs/${org.id}`} className="btn-secondary">
                查看公示页
              </Link>
            ) : null}
            <Link to="/admin/organizations" className="btn-secondary">
              返回列表
            </Link>
          </>
        }
      />
      {statusNotice ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
          {statusNotice}
        </p>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card id="registered" title="登记信息">
          <dl className="divide-y divide-gray-100 text-sm">
            <Item label="统一社会信用代码">
              <span className="font-mono">{org.uscc ?? "—"}</span>
            </Item>
            <Item label="登记状态">{orgStatusLabel(org.status)}</Item>
            <Item label="登记日期">{formatDate(org.registeredAt)}</Item>
            <Item label="评估等级">
              {gradeInForce
                ? `${gradeLabel(gradeInForce.grade)}（${formatDate(gradeInForce.validFrom)} 至 ${formatDate(gradeInForce.validTo)}）`
                : "无等级"}
            </Item>
            <Item label="法定代表人">{org.legalRepresentative ?? "—"}</Item>
            <Item label={CAPITAL_LABELS[org.type as OrgType] ?? "资金"}>{formatFen(org.capitalFen)}</Item>
            <Item label="业务主管单位">{org.supervisingUnit ?? "—"}</Item>
            <Item label="类别">{org.category ?? "—"}</Item>
            <Item label="住所">{org.address ?? "—"}</Item>
            <Item label="活动地域">
              {org.area ?? "—"}
              {org.areaCode ? <span className="ml-1 text-xs text-gray-500">（{org.areaCode}）</span> : null}
            </Item>
            <Item label="宗旨">{org.purpose ?? "—"}</Item>
            <Item label="业务范围">{org.scope ?? "—"}</Item>
          </dl>
        </Card>

        <div className="space-y-4">
          <Card id="contact" title="联系人（不公开）">
            <dl className="divide-y divide-gray-100 text-sm">
              <Item label="联系人">{org.contactName ?? "—"}</Item>
              <Item label="联系电话">{org.contactPhone ?? "—"}</Item>
              <Item label="电子邮箱">{org.contactEmail ?? "—"}</Item>
            </dl>
          </Card>
          <Card id="members" title="机构账号">
            {org.memberships.length === 0 ? (
              <p className="text-sm text-gray-500">尚无机构账号。</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {org.memberships.map((m) => (
                  <li key={m.user.id}>
                    <Link to={`/admin/users/${m.user.id}`} className="link">
                      {m.user.name}
                    </Link>
                    <span className="ml-2 text-xs text-gray-500">
                      {m.user.email} · {MEMBERSHIP_ROLE_LABELS[m.role] ?? m.role} · 加入于 {formatDate(m.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>

      <Card id="change-history" title="变更记录">
        {org.changes.length === 0 ? (
          <p className="text-sm text-gray-500">暂无记录。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="table-basic">
              <thead>
                <tr>
                  <th>日期</th>
                  <th>事项</th>
                  <th>变更前</th>
                  <th>变更后</th>
                  <th>原因</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {org.changes.map((c) => (
                  <tr key={c.id}>
                    <td className="whitespace-nowrap">{formatDate(c.effectiveAt)}</td>
                    <td className="whitespace-nowrap">
                      {c.kind === "CHANGE" ? registeredFieldLabel(c.field) : changeKindLabel(c.kind)}
                    </td>
                    <td className="min-w-[8rem] break-words">
                      {c.kind === "CHANGE"
                        ? formatChangeValue(c.field, c.oldValue)
                        : c.oldValue
                          ? orgStatusLabel(c.oldValue)
                          : "—"}
                    </td>
                    <td className="min-w-[8rem] break-words">
                      {c.kind === "CHANGE"
                        ? formatChangeValue(c.field, c.newValue)
                        : c.newValue
                          ? orgStatusLabel(c.newValue)
                          : "—"}
                    </td>
                    <td className="min-w-[8rem]">{c.reason ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {registered ? (
        <>
          <Card id="change" title="变更登记">
            {/* Remounted after each change so the fields show the new registered values. */}
            <ChangeForm key={org.changes.length} />
          </Card>
          <Card id="status" title="注销、撤销">
            <div className="grid gap-6 md:grid-cols-2">
              <StatusForm intent="deregister" />
              <StatusForm intent="revoke" />
            </div>
          </Card>
        </>
      ) : (
        <p className="card text-sm text-gray-600">
          {org.status === "PREPARING"
            ? "该组织尚未登记，不能办理变更、注销或撤销。"
            : `该组织${orgStatusLabel(org.status)}，不能再办理变更。`}
        </p>
      )}

      <Card id="credit" title="信用信息">
        {creditEndNotice ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
            {creditEndNotice}
          </p>
        ) : null}
        {org.creditRecords.length === 0 ? (
          <p className="text-sm text-gray-500">暂无信用记录。</p>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {org.creditRecords.map((r) => (
              <li key={r.id} className="py-2.5">
                <p className="font-medium text-gray-900">
                  {creditKindLabel(r.kind)}
                  <span className="ml-2 text-xs font-normal text-gray-500">
                    {formatDate(r.decidedAt)}
                    {r.kind === "ABNORMAL_LIST" ? (r.endedAt ? `，${formatDate(r.endedAt)} 已移出` : "，尚未移出") : ""}
                  </span>
                </p>
                <p className="mt-0.5 whitespace-pre-line text-gray-700">{r.description}</p>
                {r.authority ? <p className="text-xs text-gray-500">决定机关：{r.authority}</p> : null}
                {canEndCreditRecord(r) ? <CreditEndForm recordId={r.id} /> : null}
              </li>
            ))}
          </ul>
        )}
        {org.status !== "PREPARING" ? <CreditForm key={org.creditRecords.length} /> : null}
      </Card>

      <Card id="grades" title="评估等级">
        {org.grades.length === 0 ? (
          <p className="text-sm text-gray-500">暂无评估等级记录。</p>
        ) : (
          <ul className="divide-y divide-gray-100 text-sm">
            {org.grades.map((g) => (
              <li key={g.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">
                  {gradeLabel(g.grade)}
                  {gradeInForce?.id === g.id ? (
                    <span className="ml-2 rounded bg-green-50 px-1 text-xs text-green-700">现行</span>
                  ) : null}
                </span>
                <span className="text-gray-600">
                  {formatDate(g.announcedAt)} 公告，有效期 {formatDate(g.validFrom)} 至 {formatDate(g.validTo)}
                  {g.note ? `（${g.note}）` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        {registered ? <GradeForm key={org.grades.length} /> : null}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
