// One form for an edition's settings (#15 item 1): staff fill it to create a draft
// (the year chosen here) and again to change a draft or open edition (the year fixed,
// sent as it is). One schema, EditionSchema, checked again by the action.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { EditionSchema } from "./forms";

export type EditionDefaults = {
  year: string;
  title: string;
  applyOpensAt: string;
  applyClosesAt: string;
  serviceAreas: string;
  publicityDays: string;
};

export function EditionForm({
  mode,
  defaults,
  reply,
}: {
  /** "new": a draft for a year staff choose; "settings": an existing edition's */
  mode: "new" | "settings";
  defaults: EditionDefaults;
  reply: Parameters<typeof useConformForm>[0]["reply"];
}) {
  const [form, fields] = useConformForm({
    id: mode === "new" ? "edition-new" : "edition-settings",
    schema: EditionSchema,
    reply,
    intent: "save",
    defaultValue: defaults,
  });
  const pending = useIsPending({ intent: "save" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="intent" value="save" />
      {mode === "new" ? (
        <Field meta={fields.year} label="目录年度" inputMode="numeric" />
      ) : (
        <input type="hidden" name="year" value={defaults.year} />
      )}
      <Field meta={fields.title} label="目录名称" className={mode === "new" ? undefined : "sm:col-span-2"} />
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
          {mode === "new" ? "保存草稿" : "保存设置"}
        </button>
      </div>
    </Form>
  );
}
