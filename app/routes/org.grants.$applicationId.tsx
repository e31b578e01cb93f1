import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useId, useRef, type ReactNode } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FileField, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { allowedLabel, DOCUMENT_KINDS, FILE_KINDS } from "~/modules/attachments/file-types";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import {
  BLANK_ROWS,
  budgetIssues,
  buildGrantApplicationSchema,
  GRANT_DOCUMENT_KEYS,
  GRANT_DOCUMENTS,
  GrantApplicationFields,
  grantDocumentField,
  grantDocumentKeysOf as documentKeysOf,
  grantFormDefaults,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  sectionProgress,
  SOCIAL_WORKER_LEVEL_LABELS,
  SOCIAL_WORKER_LEVELS,
  type FormIntent,
  type GrantFormValues,
} from "~/modules/grants/application-form";
import { GrantApplicationDetails, GrantHistory, GrantStatusBadge } from "~/modules/grants/application-view";
import { grantApplicationWorkflow, type GrantApplicationState } from "~/modules/grants/application-workflow";
import {
  callRulesOf,
  getOrgGrantApplication,
  listGrantDocuments,
  listGrantHistory,
  saveGrantApplication,
  toStoredApplication,
} from "~/modules/grants/applications.server";
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS, fieldName, sumLines } from "~/modules/grants/budget-checks";
import { getApplicationFeedback } from "~/modules/grants/publicity/feedback.server";
import { formatScore } from "~/modules/grants/publicity/publicity";
import { isEditable, submissionBlock } from "~/modules/grants/screening/screening";
import { RECOMMENDATIONS, type Recommendation } from "~/modules/review/assignment-workflow";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { formatDate, formatDateTime, formatFen, yuanToFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

const ACCEPT = DOCUMENT_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");
const ClientFileSchema = z.instanceof(File, { message: "请选择要上传的文件" });
const FIELD_CONSTRAINT = getZodConstraint(GrantApplicationFields);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.title || "项目申报"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const row = await getOrgGrantApplication(organization.id, params.applicationId ?? "");
  invariantResponse(row, "未找到该申报", { status: 404 });
  const [documents, history, feedback] = await Promise.all([
    listGrantDocuments(row.id),
    listGrantHistory(row.id),
    getApplicationFeedback(row.id),
  ]);
  const now = new Date();
  const stored = toStoredApplication(row);
  const { call, ...application } = row;
  return {
    feedback,
    application,
    call: { id: call.id, title: call.title, applyClosesAt: call.applyClosesAt, ...callRulesOf(call) },
    data: stored.data,
    defaults: grantFormDefaults(stored),
    progress: sectionProgress(stored, documentKeysOf(documents)),
    documents,
    history,
    editable: isEditable(row.status, row.correctionDueAt, now),
    block:
      row.status === "DRAFT" || row.status === "CORRECTION"
        ? submissionBlock(row.status, call, row.correctionDueAt, now)
        : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const row = await getOrgGrantApplication(organization.id, params.applicationId ?? "");
  invariantResponse(row, "未找到该申报", { status: 404 });
  const formData = await parseUploadForm(request);
  const documents = await listGrantDocuments(row.id);
  // Built here so the server-only content check never reaches the browser bundle.
  const schema = buildGrantApplicationSchema({
    call: callRulesOf(row.call),
    existingDocuments: documentKeysOf(documents),
    fileSchema: uploadSchema(DOCUMENT_KINDS),
  });
  const submission = await parseWithZod(formData, { schema, async: true });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { intent, values, files } = submission.value;
  try {
    const result = await saveGrantApplication({
      organizationId: organization.id,
      applicationId: row.id,
      actorId: user.id,
      values,
      files,
      submit: intent === "submit",
      request,
    });
    return redirect(`/org/grants/${row.id}?${result.submitted ? "submitted=1" : "saved=1"}`);
  } catch (error) {
    if (error instanceof WorkflowError) {
      return Response.json(submission.reply({ formErrors: [error.message] }), { status: error.status });
    }
    throw error;
  }
}

function Section({
  id,
  title,
  children,
  description,
}: {
  id: string;
  title: string;
  children: ReactNode;
  description?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="card scroll-mt-4" id={`section-${id}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="font-medium">
        {title}
      </h2>
      {description ? <p className="mt-1 text-xs text-gray-500">{description}</p> : null}
      <div className="mt-4 grid gap-4 sm:grid-cols-2">{children}</div>
    </section>
  );
}

export default function GrantApplicationPage() {
  const { application, call, data, documents, history, editable, block, progress, feedback } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="space-y-6">
      <PageHeader
        title={application.title || "公益创投项目申报"}
        description={
          <>
            {call.title} · <GrantStatusBadge status={application.status} />
          </>
        }
        actions={
          <Link to="/org/grants" className="btn-secondary">
            返回公益创投
          </Link>
        }
      />
      {searchParams.get("saved") === "1" && editable ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          草稿已保存，可随时回来继续填写。
        </p>
      ) : null}
      {searchParams.get("submitted") === "1" && application.status === "SUBMITTED" ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          申报已提交，区民政局将进行资格审查，结果将通过站内通知告知。
        </p>
      ) : null}

      {application.status === "CORRECTION" && application.correctionNotes ? (
        <section className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4" aria-labelledby="correction-heading">
          <h2 id="correction-heading" className="font-semibold text-amber-900">
            区民政局要求补正（请于 {formatDateTime(application.correctionDueAt)} 前重新提交）
          </h2>
          <p className="mt-2 whitespace-pre-wrap text-sm text-amber-900" data-testid="correction-notes">
            {application.correctionNotes}
          </p>
        </section>
      ) : null}
      {application.status === "SCREEN_FAILED" ? (
        <section className="rounded-lg border border-red-200 bg-red-50 p-4" aria-label="未通过资格审查">
          <h2 className="font-semibold text-red-800">未通过资格审查</h2>
          <p className="mt-2 whitespace-pre-wrap text-sm text-red-800">{application.screeningNote}</p>
        </section>
      ) : null}
      {application.status === "SCREEN_PASSED" ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
          已通过资格审查，项目将进入专家评审。
        </p>
      ) : null}
      {feedback ? <ReviewFeedback feedback={feedback} status={application.status} /> : null}
      {editable && block ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700"
          data-testid="deadline-block"
        >
          {block}
        </p>
      ) : null}

      {editable ? (
        <>
          <nav className="card" aria-label="填写进度">
            <p className="text-sm font-medium">
              填写进度：已完成 <span data-testid="progress-count">{progress.completed}</span> / {progress.total} 部分
            </p>
            <ul className="mt-2 flex flex-wrap gap-2 text-xs">
              {progress.sections.map((s) => (
                <li key={s.key}>
                  <a
                    href={`#section-${s.key}`}
                    data-complete={s.complete ? "true" : "false"}
                    className={`inline-block rounded-full px-2 py-0.5 ring-1 ring-inset ${s.complete ? "bg-green-50 text-green-800 ring-green-200" : "bg-gray-50 text-gray-600 ring-gray-300"}`}
                  >
                    {s.complete ? "✓" : "○"} {s.label}
                  </a>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-gray-500">
              申报截止：{formatDateTime(call.applyClosesAt)}。进度按已保存的内容计算。
            </p>
          </nav>
          {/* Remounted after each save so the form starts from what was stored. */}
          <ApplicationForm key={String(application.updatedAt)} />
        </>
      ) : (
        <GrantApplicationDetails application={application} data={data} documents={documents} />
      )}
      <GrantHistory events={history} />
    </div>
  );
}

type Feedback = NonNullable<Awaited<ReturnType<typeof getApplicationFeedback>>>;

/** 评审结果: shown once the list is confirmed (or the entry was removed after an objection). Reviewers stay anonymous. */
function ReviewFeedback({ feedback, status }: { feedback: Feedback; status: string }) {
  const funded = status === "FUNDED";
  return (
    <section className="card space-y-4 scroll-mt-4" id="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" className="font-medium">
        评审结果
      </h2>
      {funded ? (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="funded-amount">
          项目已立项，核定资助金额 {formatFen(feedback.amountFen)}。
        </p>
      ) : status === "NOT_FUNDED" ? (
        <p className="rounded-md bg-gray-50 p-3 text-sm text-gray-800">
          {feedback.removedReply
            ? `经公示异议核实，项目已移出拟入围名单：${feedback.removedReply}`
            : "项目未进入资助名单。"}
        </p>
      ) : null}
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-gray-500">综合得分</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="final-score">
            {formatScore(feedback.finalScore)} 分
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">排名</dt>
          <dd className="text-lg font-semibold tabular-nums">
            第 {feedback.rank} 名 / 共 {feedback.total} 个项目
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">入围分数线（入选项目最低得分）</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="cut-off">
            {feedback.cutOff == null ? "—" : `${formatScore(feedback.cutOff)} 分`}
          </dd>
        </div>
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium">各项评分（专家平均分）</caption>
          <thead className="text-gray-500">
            <tr>
              <th className="py-2 pr-3">评分项</th>
              <th className="py-2 pr-3 text-right">平均得分</th>
              <th className="py-2 text-right">满分</th>
            </tr>
          </thead>
          <tbody>
            {feedback.criteria.map((c, i) => (
              <tr key={`${i}-${c.name}`} className="border-t border-gray-100">
                <td className="py-2 pr-3">{c.name}</td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {c.average == null ? "—" : formatScore(c.average)}
                </td>
                <td className="py-2 text-right tabular-nums">{c.maxScore}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-medium">专家意见</h3>
        {feedback.comments.length === 0 ? (
          <p className="text-sm text-gray-500">暂无专家意见。</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {feedback.comments.map((c) => (
              <li key={c.label} className="rounded-md border border-gray-200 p-3">
                <p className="font-medium">
                  {c.label}
                  {c.recommendation ? (
                    <span className="ml-2 font-normal text-gray-600">
                      {RECOMMENDATIONS[c.recommendation as Recommendation] ?? c.recommendation}
                    </span>
                  ) : null}
                </p>
                <p className="mt-1 whitespace-pre-wrap text-gray-800">{c.comment || "（无文字意见）"}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function RowRemove({
  onProps,
  label,
}: {
  onProps: ReturnType<ReturnType<typeof useForm>[0]["remove"]["getButtonProps"]>;
  label: string;
}) {
  return (
    <button {...onProps} className="btn-secondary self-end px-3 py-1.5" aria-label={label}>
      删除
    </button>
  );
}

function ApplicationForm() {
  const { application, call, defaults, documents } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const existing = documentKeysOf(documents.map((d) => ({ purpose: d.purpose })));
  const intentRef = useRef<FormIntent>("save");
  const schema = buildGrantApplicationSchema({ call, existingDocuments: existing, fileSchema: ClientFileSchema });
  const [form, fields] = useForm<GrantFormValues, z.output<typeof schema>>({
    id: "grant-application",
    lastResult,
    defaultValue: defaults,
    constraint: FIELD_CONSTRAINT,
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      // The button pressed decides the checks; later revalidation keeps using it.
      const pressed = formData.get("intent");
      if (pressed === "save" || pressed === "submit") intentRef.current = pressed;
      else formData.set("intent", intentRef.current);
      return parseWithZod(formData, { schema });
    },
  });

  // The call's budget rules, shown at the field as the applicant types (they block only 提交).
  const live = new Map<string, string[]>();
  const typed = GrantApplicationFields.safeParse(form.value ?? {});
  if (typed.success) {
    for (const issue of budgetIssues(typed.data, call)) {
      const name = fieldName(issue.path);
      live.set(name, [...(live.get(name) ?? []), issue.message]);
    }
  }
  const warn = (meta: FieldMetadata<unknown>) => {
    const messages = (live.get(meta.name) ?? []).filter((m) => !meta.errors?.includes(m));
    return messages.length ? (
      <span className="text-amber-700" data-testid={`live-${meta.name}`}>
        {messages.join("；")}
      </span>
    ) : undefined;
  };

  const milestones = fields.milestones.getFieldList();
  const indicators = fields.indicators.getFieldList();
  const team = fields.team.getFieldList();
  const budget = fields.budget.getFieldList();
  const submitLabel =
    grantApplicationWorkflow.available(application.status as GrantApplicationState, "ORG_MEMBER")[0]?.label ??
    "提交申报";
  const busy = navigation.state === "submitting";
  const byPurpose = new Map(documents.map((d) => [d.purpose, d] as const));
  const typedLines = typed.success ? (typed.data.budget ?? []) : [];
  const sums = sumLines(
    typedLines.map((l) => ({
      category: l?.category ?? "",
      requestedFen: yuanToFen(l?.requested ?? "") ?? 0,
      ownFen: yuanToFen(l?.own ?? "") ?? 0,
      matchedFen: yuanToFen(l?.matched ?? "") ?? 0,
    })),
  );

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <Section id="basic" title="基本信息">
        <Field meta={fields.title} label="项目名称" className="sm:col-span-2" />
        <SelectField
          meta={fields.category}
          label="项目类别"
          options={call.categories.map((c) => ({ value: c, label: c }))}
        />
        <div className="hidden sm:block" />
        <Field meta={fields.projectStart} label="项目开始日期" type="date" />
        <Field meta={fields.projectEnd} label="项目结束日期" type="date" hint={warn(fields.projectEnd)} />
      </Section>

      <Section id="area" title="服务区域与社区">
        <Field meta={fields.serviceArea} label="服务区域" placeholder="例如：江宁区东山街道" />
        <Field meta={fields.community} label="服务社区" placeholder="例如：竹山社区、上坊社区" />
      </Section>

      <Section id="beneficiaries" title="受益对象">
        <TextareaField meta={fields.beneficiaries} label="受益对象" rows={2} />
        <Field meta={fields.beneficiaryCount} label="受益人数" inputMode="numeric" />
      </Section>

      <Section id="needs" title="需求分析">
        <TextareaField meta={fields.needs} label="需求分析" className="sm:col-span-2" rows={5} />
      </Section>

      <Section id="goals" title="项目目标">
        <TextareaField meta={fields.goals} label="项目目标" className="sm:col-span-2" rows={4} />
      </Section>

      <Section id="milestones" title="活动与里程碑" description="里程碑日期须在项目周期内。">
        <div className="space-y-3 sm:col-span-2" role="group" aria-label="活动与里程碑">
          {milestones.map((m, index) => {
            const f = m.getFieldset();
            return (
              <div
                key={m.key}
                className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[2fr_1fr_2fr_auto]"
              >
                <Field meta={f.title} label={`里程碑${index + 1}名称`} />
                <Field meta={f.date} label={`里程碑${index + 1}日期`} type="date" hint={warn(f.date)} />
                <Field meta={f.description} label={`里程碑${index + 1}说明`} />
                {milestones.length > 1 ? (
                  <RowRemove
                    onProps={form.remove.getButtonProps({ name: fields.milestones.name, index })}
                    label={`删除里程碑${index + 1}`}
                  />
                ) : null}
              </div>
            );
          })}
          <ErrorList id={fields.milestones.errorId} errors={fields.milestones.errors} />
          <button
            {...form.insert.getButtonProps({ name: fields.milestones.name, defaultValue: BLANK_ROWS.milestones })}
            className="btn-secondary px-3 py-1.5"
          >
            添加里程碑
          </button>
        </div>
      </Section>

      <Section id="indicators" title="产出与成效指标">
        <div className="space-y-3 sm:col-span-2" role="group" aria-label="产出与成效指标">
          {indicators.map((m, index) => {
            const f = m.getFieldset();
            return (
              <div
                key={m.key}
                className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[1fr_2fr_2fr_auto]"
              >
                <SelectField
                  meta={f.kind}
                  label={`指标${index + 1}类型`}
                  options={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))}
                />
                <Field meta={f.name} label={`指标${index + 1}名称`} />
                <Field meta={f.target} label={`指标${index + 1}目标值`} />
                {indicators.length > 1 ? (
                  <RowRemove
                    onProps={form.remove.getButtonProps({ name: fields.indicators.name, index })}
                    label={`删除指标${index + 1}`}
                  />
                ) : null}
              </div>
            );
          })}
          <ErrorList id={fields.indicators.errorId} errors={fields.indicators.errors} />
          <button
            {...form.insert.getButtonProps({ name: fields.indicators.name, defaultValue: BLANK_ROWS.indicators })}
            className="btn-secondary px-3 py-1.5"
          >
            添加指标
          </button>
        </div>
      </Section>

      <Section id="team" title="项目团队" description="持证社工请选择证书等级。">
        <div className="space-y-3 sm:col-span-2" role="group" aria-label="项目团队">
          {team.map((m, index) => {
            const f = m.getFieldset();
            return (
              <div
                key={m.key}
                className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[1fr_1fr_1fr_1fr_auto]"
              >
                <Field meta={f.name} label={`成员${index + 1}姓名`} />
                <Field meta={f.role} label={`成员${index + 1}岗位`} />
                <SelectField
                  meta={f.socialWorker}
                  label={`成员${index + 1}是否持证社工`}
                  options={[
                    { value: "yes", label: "是" },
                    { value: "no", label: "否" },
                  ]}
                />
                <SelectField
                  meta={f.certificate}
                  label={`成员${index + 1}证书等级`}
                  options={SOCIAL_WORKER_LEVELS.map((l) => ({ value: l, label: SOCIAL_WORKER_LEVEL_LABELS[l] }))}
                  placeholder="无"
                />
                {team.length > 1 ? (
                  <RowRemove
                    onProps={form.remove.getButtonProps({ name: fields.team.name, index })}
                    label={`删除成员${index + 1}`}
                  />
                ) : null}
              </div>
            );
          })}
          <ErrorList id={fields.team.errorId} errors={fields.team.errors} />
          <button
            {...form.insert.getButtonProps({ name: fields.team.name, defaultValue: BLANK_ROWS.team })}
            className="btn-secondary px-3 py-1.5"
          >
            添加成员
          </button>
        </div>
      </Section>

      <Section
        id="budget"
        title="预算"
        description={`单个项目申请资助不超过 ${formatFen(call.perProjectCapFen)}；资助不超过总预算的 ${call.maxGrantSharePct}%；自有与配套资金不少于申请资助的 ${call.minMatchRatioPct}%；管理费不超过总预算的 ${call.overheadCapPct}%。金额单位：元。`}
      >
        <div className="space-y-3 sm:col-span-2" role="group" aria-label="预算明细">
          {budget.map((m, index) => {
            const f = m.getFieldset();
            return (
              <div
                key={m.key}
                className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[1fr_2fr_1fr_1fr_1fr_auto]"
              >
                <SelectField
                  meta={f.category}
                  label={`预算${index + 1}科目`}
                  options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: BUDGET_CATEGORY_LABELS[c] }))}
                />
                <Field meta={f.description} label={`预算${index + 1}用途说明`} />
                <Field meta={f.requested} label={`预算${index + 1}申请资助（元）`} inputMode="decimal" />
                <Field meta={f.own} label={`预算${index + 1}自有资金（元）`} inputMode="decimal" />
                <Field meta={f.matched} label={`预算${index + 1}配套资金（元）`} inputMode="decimal" />
                {budget.length > 1 ? (
                  <RowRemove
                    onProps={form.remove.getButtonProps({ name: fields.budget.name, index })}
                    label={`删除预算${index + 1}`}
                  />
                ) : null}
              </div>
            );
          })}
          <ErrorList id={fields.budget.errorId} errors={fields.budget.errors} />
          {warn(fields.budget) ? <p className="text-xs">{warn(fields.budget)}</p> : null}
          <button
            {...form.insert.getButtonProps({ name: fields.budget.name, defaultValue: BLANK_ROWS.budget })}
            className="btn-secondary px-3 py-1.5"
          >
            添加预算明细
          </button>
          <p className="text-xs text-gray-500" data-testid="budget-sums">
            明细合计：申请资助 {formatFen(sums.requestedFen)}，自有资金 {formatFen(sums.ownFen)}，配套资金{" "}
            {formatFen(sums.matchedFen)}
          </p>
        </div>
        <Field
          meta={fields.requestedTotal}
          label="申请资助金额合计（元）"
          inputMode="decimal"
          hint={warn(fields.requestedTotal)}
        />
        <Field meta={fields.ownTotal} label="自有资金合计（元）" inputMode="decimal" hint={warn(fields.ownTotal)} />
        <Field
          meta={fields.matchedTotal}
          label="配套资金合计（元）"
          inputMode="decimal"
          hint={warn(fields.matchedTotal)}
        />
      </Section>

      <Section
        id="attachments"
        title="附件"
        description={`支持 ${allowedLabel(DOCUMENT_KINDS)}，单个文件不超过 10 MB。重新选择文件将替换原文件。`}
      >
        {GRANT_DOCUMENT_KEYS.map((key) => {
          const name = grantDocumentField(key);
          const stored = byPurpose.get(GRANT_DOCUMENTS[key].purpose);
          return (
            <FileField
              key={key}
              meta={fields[name]}
              label={GRANT_DOCUMENTS[key].label}
              accept={ACCEPT}
              hint={
                stored ? (
                  <>
                    已上传：
                    <a href={`/files/${stored.id}`} className="link break-all" target="_blank" rel="noreferrer">
                      {stored.originalName}
                    </a>
                  </>
                ) : GRANT_DOCUMENTS[key].required ? (
                  "提交时必须上传。出错后请重新选择文件。"
                ) : (
                  "选填。"
                )
              }
            />
          );
        })}
      </Section>

      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" formNoValidate className="btn-secondary" disabled={busy}>
          保存草稿
        </button>
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          {submitLabel}
        </button>
        <p className="self-center text-xs text-gray-500">保存草稿只检查格式；提交时将检查全部内容和预算规则。</p>
      </div>
      <p className="text-xs text-gray-500">申报截止时间：{formatDate(call.applyClosesAt)}</p>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
