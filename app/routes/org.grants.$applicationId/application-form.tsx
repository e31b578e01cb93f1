// The 公益创投 application as its organization edits it: the draft form,
// section by section, with the call's budget rules shown while typing.
import { getFormProps, type FieldMetadata, type useForm } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { ComputedTotal } from "~/components/computed-total";
import { DraftFormButtons, useDraftForm } from "~/components/draft-form";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { DocumentUploadFields } from "~/modules/attachments/document-fields";
import { clientFileSchema } from "~/modules/attachments/document-set";
import { allowedLabel, DOCUMENT_KINDS } from "~/modules/attachments/file-types";
import {
  BLANK_ROWS,
  GRANT_SUBMIT_CONFIRM,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  SOCIAL_WORKER_LEVEL_LABELS,
  SOCIAL_WORKER_LEVELS,
} from "~/modules/grants/applications/application-form";
import {
  budgetIssues,
  budgetLinesOf,
  buildGrantApplicationSchema,
  GrantApplicationFields,
  requiredGrantFields,
} from "~/modules/grants/applications/application-schema";
import {
  grantApplicationWorkflow,
  type GrantApplicationState,
} from "~/modules/grants/applications/application-workflow";
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  fieldName,
  sumLines,
} from "~/modules/grants/applications/budget-checks";
import { grantDocuments } from "~/modules/grants/applications/documents";
import { formatDate, formatFen } from "~/utils/format";
import type { action, loader } from "./route";

export const FORM_ID = "grant-application";

const TOTALS = [
  ["requestedTotal", "申请资助金额合计", "requestedFen"],
  ["ownTotal", "自有资金合计", "ownFen"],
  ["matchedTotal", "配套资金合计", "matchedFen"],
] as const;

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

export function ApplicationForm() {
  const { application, call, defaults, documents } = useLoaderData<typeof loader>();
  const existing = grantDocuments.keysOf(documents);
  const schema = buildGrantApplicationSchema({ call, existingDocuments: existing, fileSchema: clientFileSchema });
  const [form, fields] = useDraftForm({
    id: FORM_ID,
    fields: GrantApplicationFields,
    schema,
    reply: useActionData<typeof action>(),
    defaultValue: defaults,
    required: requiredGrantFields(call.categories),
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
  // The totals' names as the budget rules report them (checkBudget's paths); not form fields.
  const totalField = (name: string) => (fields as unknown as Record<string, FieldMetadata<unknown>>)[name]!;
  // Every line as typed so far, a malformed amount as 0, so the totals move with each keystroke.
  const typedRows = Array.isArray(form.value?.budget) ? form.value.budget : [];
  const sums = sumLines(budgetLinesOf(typedRows.map((row) => (typeof row === "object" ? row : undefined))));

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
        </div>
        {/* Computed from the lines as they are typed (sumLines, as the server stores them); the
            call's rules that concern a total show beneath it while typing and after 提交. */}
        <div className="grid gap-4 sm:col-span-2 sm:grid-cols-3" role="group" aria-label="预算合计">
          {TOTALS.map(([name, label, key]) => {
            const meta = totalField(name);
            return (
              <ComputedTotal
                key={name}
                label={label}
                fen={sums[key]}
                hint={warn(meta)}
                errors={meta.errors}
                errorId={meta.errorId}
                testId={`total-${name}`}
              />
            );
          })}
        </div>
      </Section>

      <Section
        id="attachments"
        title="附件"
        description={`支持 ${allowedLabel(DOCUMENT_KINDS)}，单个文件不超过 10 MB。重新选择文件将替换原文件。`}
      >
        <DocumentUploadFields
          set={grantDocuments}
          stored={documents}
          meta={(name) => fields[name]}
          missingHint={(key) =>
            grantDocuments.documents[key].required ? "尚未上传，提交时必须上传。" : "尚未上传，选填。"
          }
        />
      </Section>

      <FormErrors id={form.errorId} errors={form.errors} />
      <DraftFormButtons
        submitLabel={submitLabel}
        hint="保存草稿只检查格式；提交时将检查全部内容和预算规则。"
        confirm={{ ...GRANT_SUBMIT_CONFIRM, intent: FORM_ID, schema }}
      />
      <p className="text-xs text-gray-500">申报截止时间：{formatDate(call.applyClosesAt)}</p>
    </Form>
  );
}
