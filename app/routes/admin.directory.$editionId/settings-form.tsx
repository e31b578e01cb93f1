// The edition's window, service areas and publicity days, editable until applications close.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { EditionSchema } from "~/modules/directory/forms";
import type { action } from "./route";

export type EditionDefaults = {
  year: string;
  title: string;
  applyOpensAt: string;
  applyClosesAt: string;
  serviceAreas: string;
  publicityDays: string;
};

export function SettingsForm({ defaults }: { defaults: EditionDefaults }) {
  const [form, fields] = useConformForm({
    id: "edition-settings",
    schema: EditionSchema,
    reply: useActionData<typeof action>(),
    intent: "save",
    defaultValue: defaults,
  });
  const pending = useIsPending({ intent: "save" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="year" value={defaults.year} />
      <Field meta={fields.title} label="目录名称" className="sm:col-span-2" />
      <Field meta={fields.applyOpensAt} label="申报开始日期" type="date" />
      <Field meta={fields.applyClosesAt} label="申报截止日期" type="date" hint="截止日当天 24 时截止。" />
      <Field
        meta={fields.serviceAreas}
        label="服务领域"
        hint="用顿号或逗号分隔，机构申报时从中选择。"
        className="sm:col-span-2"
      />
      <Field meta={fields.publicityDays} label="公示天数" inputMode="numeric" />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          保存设置
        </button>
      </div>
    </Form>
  );
}
