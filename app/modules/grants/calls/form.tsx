// The editor of a draft call, shared by the new and edit pages.
import { getCollectionProps, getFormProps, getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { ScrollBox } from "~/components/scroll-box";
import { useConformForm, useIsPending } from "~/components/use-form";
import { TRANCHE_TRIGGERS } from "./settings";
import { CALL_FORM, CallFormSchema, DEFAULT_CATEGORIES, GRADE_OPTIONS, type CallFormDefaults } from "./validation";

const TRIGGER_OPTIONS = Object.entries(TRANCHE_TRIGGERS).map(([value, label]) => ({ value, label }));

function Section({ title, children, hint }: { title: string; children: ReactNode; hint?: ReactNode }) {
  const id = `call-section-${title}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="text-base font-semibold text-gray-900">
        {title}
      </h2>
      {hint ? <p className="mt-1 text-xs text-gray-500">{hint}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

function CheckboxField({ meta, label }: { meta: FieldMetadata<boolean | undefined>; label: string }) {
  const props = getInputProps(meta, { type: "checkbox" });
  return (
    <label className="flex items-start gap-2 text-sm text-gray-800">
      <input {...props} key={props.key} className="mt-0.5 h-4 w-4" />
      <span>{label}</span>
    </label>
  );
}

function sumOf(values: Array<string | undefined>) {
  return values.reduce((sum, v) => {
    const n = Number(v);
    return sum + (v && Number.isFinite(n) ? n : 0);
  }, 0);
}

export function CallForm({
  defaultValue,
  reply,
  extraCategories,
}: {
  defaultValue: CallFormDefaults;
  /** the page action's answer (`useActionData<typeof action>()`) */
  reply: Parameters<typeof useConformForm>[0]["reply"];
  /** categories of the stored call that are not among the defaults, shown as checkboxes too */
  extraCategories: string[];
}) {
  const busy = useIsPending();
  const [form, fields] = useConformForm({
    id: "grant-call",
    schema: CallFormSchema,
    reply,
    intent: CALL_FORM,
    defaultValue,
  });
  const categoryOptions = [...new Set([...DEFAULT_CATEGORIES, ...extraCategories])];
  const criteria = fields.criteria.getFieldList();
  const tranches = fields.tranches.getFieldList();
  const weightSum = sumOf(criteria.map((row) => row.getFieldset().weightPct.value as string | undefined));
  const trancheSum = sumOf(tranches.map((row) => row.getFieldset().percent.value as string | undefined));
  const gradeProps = getSelectProps(fields.minGrade);

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" noValidate>
      {/* Enter in a text box submits the first submit button: make that 「保存草稿」, not a row's 「删除」. */}
      <button type="submit" name="intent" value="draft" className="sr-only" tabIndex={-1} aria-hidden="true">
        保存草稿
      </button>
      <Section title="基本信息">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field meta={fields.title} label="活动名称" className="sm:col-span-2" />
          <Field meta={fields.year} label="年度" type="number" inputMode="numeric" />
          <TextareaField meta={fields.description} label="活动说明" rows={5} className="sm:col-span-3" />
        </div>
      </Section>

      <Section title="项目类别" hint="勾选本次活动接受的项目类别，也可以新增类别。">
        <fieldset aria-describedby={fields.categories.errorId}>
          <legend className="sr-only">项目类别</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {getCollectionProps(fields.categories, { type: "checkbox", options: categoryOptions }).map((props) => (
              <label key={props.key} className="flex items-center gap-1.5 text-sm text-gray-800">
                <input {...props} key={props.key} className="h-4 w-4" />
                {props.value}
              </label>
            ))}
          </div>
          <ErrorList id={fields.categories.errorId} errors={fields.categories.errors} />
        </fieldset>
        <Field
          meta={fields.newCategories}
          label="新增类别"
          hint="多个类别用顿号（、）分隔，例如：乡村振兴、环境保护"
          className="mt-3 max-w-md"
        />
      </Section>

      <Section title="资金规则" hint="金额以元为单位；比例为百分数（0–100）。">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field meta={fields.poolYuan} label="资金总额（元）" inputMode="decimal" />
          <Field meta={fields.capYuan} label="单个项目资助上限（元）" inputMode="decimal" />
          <Field
            meta={fields.maxGrantSharePct}
            label="资助占项目预算比例上限（%）"
            type="number"
            inputMode="numeric"
            hint="资助金额最多占项目总预算的比例"
          />
          <Field
            meta={fields.minMatchRatioPct}
            label="配套资金最低比例（%）"
            type="number"
            inputMode="numeric"
            hint="自有资金与配套资金合计不低于申请资助金额的比例"
          />
          <Field
            meta={fields.overheadCapPct}
            label="管理费用比例上限（%）"
            type="number"
            inputMode="numeric"
            hint="管理费用占项目总预算的比例上限"
          />
        </div>
      </Section>

      <Section title="时间安排" hint="按上海时间；截止日期当天 24 时截止。">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field meta={fields.applyOpensAt} label="申报开始日期" type="date" />
          <Field meta={fields.applyClosesAt} label="申报截止日期" type="date" />
          <Field meta={fields.screeningEndsAt} label="资格审查截止日期" type="date" />
          <Field meta={fields.reviewEndsAt} label="专家评审截止日期" type="date" />
          <Field
            meta={fields.publicityDays}
            label="公示天数"
            type="number"
            inputMode="numeric"
            hint="评审截止后的次日起公示"
          />
          <Field meta={fields.signingEndsAt} label="签约截止日期" type="date" />
        </div>
      </Section>

      <Section title="申报资格">
        <div className="space-y-2">
          <CheckboxField meta={fields.registeredActive} label="已依法登记且处于正常活动状态" />
          <CheckboxField meta={fields.inspectionNotFailedLastYear} label="上一年度参加了年检，且结论不是不合格" />
          <CheckboxField meta={fields.notAbnormal} label="未被列入活动异常名录" />
          <CheckboxField meta={fields.notBarred} label="近年内没有被终止或终期评估不合格的项目" />
          <CheckboxField meta={fields.incubatedOnly} label="仅限孵化基地在孵或已出壳的机构" />
        </div>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field
            meta={fields.barYears}
            label="限制年限（年）"
            type="number"
            inputMode="numeric"
            hint="被终止或不合格项目的限制申报年限"
          />
          <div>
            <label htmlFor={fields.minGrade.id} className="mb-1 block text-sm font-medium text-gray-700">
              最低评估等级
            </label>
            <select {...gradeProps} key={gradeProps.key} className="input">
              <option value="">不限</option>
              {GRADE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <ErrorList id={fields.minGrade.errorId} errors={fields.minGrade.errors} />
          </div>
        </div>
      </Section>

      <Section title="评分细则" hint="各评分项权重之和须为 100%。">
        <ScrollBox label="评分细则">
          <table className="table-basic">
            <thead>
              <tr>
                <th>评分项</th>
                <th>说明</th>
                <th className="w-24">满分</th>
                <th className="w-28">权重（%）</th>
                <th>
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {criteria.map((row, index) => {
                const c = row.getFieldset();
                const n = index + 1;
                return (
                  <tr key={row.key} data-testid="criterion-row">
                    <RowCell meta={c.name} label={`第 ${n} 项名称`} />
                    <RowCell meta={c.description} label={`第 ${n} 项说明`} />
                    <RowCell meta={c.maxScore} label={`第 ${n} 项满分`} type="number" />
                    <RowCell meta={c.weightPct} label={`第 ${n} 项权重（%）`} type="number" />
                    <td className="align-top">
                      <button
                        {...form.remove.getButtonProps({ name: fields.criteria.name, index })}
                        className="btn-secondary px-2 py-1 text-xs"
                      >
                        删除<span className="sr-only">第 {n} 项</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
        <p className="mt-2 text-sm text-gray-700" data-testid="weight-sum">
          权重合计 {weightSum}%
        </p>
        <ErrorList id={fields.criteria.errorId} errors={fields.criteria.errors} />
        <button
          {...form.insert.getButtonProps({
            name: fields.criteria.name,
            defaultValue: { name: "", description: "", maxScore: "100", weightPct: "0" },
          })}
          className="btn-secondary mt-2 px-3 py-1.5 text-sm"
        >
          添加评分项
        </button>
      </Section>

      <Section title="拨付计划" hint="各期拨付比例之和须为 100%。首期在签订协议后 15 个工作日内拨付。">
        <ScrollBox label="拨付计划">
          <table className="table-basic">
            <thead>
              <tr>
                <th>期次</th>
                <th className="w-32">比例（%）</th>
                <th>拨付条件</th>
                <th>
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {tranches.map((row, index) => {
                const t = row.getFieldset();
                const n = index + 1;
                const triggerProps = getSelectProps(t.trigger, { ariaAttributes: true });
                return (
                  <tr key={row.key} data-testid="tranche-row">
                    <td className="align-top">第 {n} 期</td>
                    <RowCell meta={t.percent} label={`第 ${n} 期比例（%）`} type="number" />
                    <td className="align-top">
                      <label htmlFor={t.trigger.id} className="sr-only">
                        第 {n} 期拨付条件
                      </label>
                      <select {...triggerProps} key={triggerProps.key} className="input">
                        <option value="">请选择</option>
                        {TRIGGER_OPTIONS.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <ErrorList id={t.trigger.errorId} errors={t.trigger.errors} />
                    </td>
                    <td className="align-top">
                      <button
                        {...form.remove.getButtonProps({ name: fields.tranches.name, index })}
                        className="btn-secondary px-2 py-1 text-xs"
                      >
                        删除<span className="sr-only">第 {n} 期</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
        <p className="mt-2 text-sm text-gray-700" data-testid="tranche-sum">
          比例合计 {trancheSum}%
        </p>
        <ErrorList id={fields.tranches.errorId} errors={fields.tranches.errors} />
        <button
          {...form.insert.getButtonProps({ name: fields.tranches.name, defaultValue: { percent: "0", trigger: "" } })}
          className="btn-secondary mt-2 px-3 py-1.5 text-sm"
        >
          添加一期
        </button>
      </Section>

      <div className="card space-y-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <p className="text-xs text-gray-500">
          保存草稿只检查填写格式；发布前还会检查权重与拨付比例合计、日期先后和金额上限。发布后资金规则和评分细则不能再修改。
        </p>
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="draft" className="btn-secondary" disabled={busy}>
            保存草稿
          </button>
          <button type="submit" name="intent" value="publish" className="btn-primary" disabled={busy}>
            发布
          </button>
        </div>
      </div>
    </Form>
  );
}

function RowCell({
  meta,
  label,
  type = "text",
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  type?: "text" | "number";
}) {
  const props = getInputProps(meta as FieldMetadata<string>, { type, ariaAttributes: true });
  return (
    <td className="align-top">
      <label htmlFor={meta.id} className="sr-only">
        {label}
      </label>
      <input {...props} key={props.key} className="input min-w-[5rem]" />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </td>
  );
}
