// The round editor, shared by the new and edit pages (#12 item 4).
import { getFormProps, getInputProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { ORG_TYPE_LABELS } from "~/modules/organizations/labels";
import { BAND_GRADES } from "./bands";
import { RATED_ORG_TYPES, ROUND_FORM, RoundFormSchema } from "./round-form";
import { RULES_VERSION_LABELS, RULES_VERSIONS } from "./rules-version";

type SchemeOption = { value: string; label: string; orgType: string | null };

const VERSION_OPTIONS = RULES_VERSIONS.map((v) => ({ value: v, label: RULES_VERSION_LABELS[v] }));

export function RoundForm({
  defaultValue,
  reply,
  schemes,
  submitLabel,
}: {
  defaultValue: Record<string, string>;
  reply: Parameters<typeof useConformForm>[0]["reply"];
  schemes: SchemeOption[];
  submitLabel: string;
}) {
  const busy = useIsPending();
  const [form, fields] = useConformForm({ id: ROUND_FORM, schema: RoundFormSchema, reply, defaultValue });
  const blindProps = getInputProps(fields.blind, { type: "checkbox" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" noValidate>
      <input type="hidden" name="intent" value={ROUND_FORM} />
      <SectionCard id="round-basics" title="基本信息">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field meta={fields.title} label="评估名称" className="sm:col-span-2" />
          <Field meta={fields.year} label="年度" type="number" inputMode="numeric" />
          <SelectField
            meta={fields.rulesVersion}
            label="适用办法"
            options={VERSION_OPTIONS}
            className="sm:col-span-3"
            hint="2026 年办法自 2026 年 3 月 1 日起施行，新建评估默认按创建当日有效的办法。"
          />
        </div>
      </SectionCard>
      <SectionCard id="round-schemes" title="评估指标体系">
        <p className="mb-3 text-xs text-gray-500">开放申报时所选指标体系将被冻结，之后修改会生成新版本。</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {RATED_ORG_TYPES.map((orgType) => (
            <SelectField
              key={orgType}
              meta={fields[`scheme${orgType}`]}
              label={`${ORG_TYPE_LABELS[orgType]}指标体系`}
              placeholder="本轮不评估此类组织"
              options={schemes.filter((s) => s.orgType === null || s.orgType === orgType)}
            />
          ))}
        </div>
      </SectionCard>
      <SectionCard id="round-bands" title="等级分数线">
        <p className="mb-3 text-xs text-gray-500">各等级的最低分，须逐级降低；低于 1A 最低分不评定等级。</p>
        <div className="grid gap-4 sm:grid-cols-5">
          {BAND_GRADES.map((grade) => (
            <Field
              key={grade}
              meta={fields[`band${grade}`]}
              label={`${grade}A 最低分`}
              type="number"
              inputMode="decimal"
            />
          ))}
        </div>
      </SectionCard>
      <SectionCard id="round-dates" title="时间与评审安排">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field meta={fields.applyOpensAt} label="申报开始日期" type="date" />
          <Field meta={fields.applyClosesAt} label="申报截止日期" type="date" />
          <Field meta={fields.reviewEndsAt} label="专家评估截止日期" type="date" />
          <Field
            meta={fields.reviewersPerApplication}
            label="每份申请的评估专家人数"
            type="number"
            inputMode="numeric"
          />
          <Field meta={fields.publicityDays} label="公示天数" type="number" inputMode="numeric" />
          <Field meta={fields.committeeMembers} label="评估委员会委员人数" type="number" inputMode="numeric" />
          <label className="flex items-start gap-2 text-sm text-gray-800 sm:col-span-3">
            <input {...blindProps} key={blindProps.key} className="mt-0.5 h-4 w-4" />
            <span>匿名评审（专家看不到申请组织的名称和身份材料）</span>
          </label>
        </div>
      </SectionCard>
      <FormErrors errors={form.errors} id={form.errorId} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
