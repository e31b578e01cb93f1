import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { buildApplySchema } from "~/modules/directory/forms";
import type { action } from "./route";

type Defaults = { serviceAreas: string[]; capability: string; taxDeclared: boolean; taxNote: string };

/** Service areas, capability statement and the tax-deductible declaration. */
export function ApplyForm({
  editionId,
  intent,
  areas,
  defaults,
}: {
  editionId: string;
  intent: "apply" | "update";
  areas: string[];
  defaults: Defaults | null;
}) {
  const schema = buildApplySchema(areas);
  const [form, fields] = useConformForm({
    id: intent,
    schema,
    reply: useActionData<typeof action>(),
    defaultValue: defaults
      ? { ...defaults, taxDeclared: defaults.taxDeclared ? "on" : undefined }
      : { serviceAreas: [], capability: "", taxNote: "" },
  });
  const pending = useIsPending({ intent });
  const chosen = new Set(defaults?.serviceAreas ?? []);
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-4">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="editionId" value={editionId} />
      <fieldset aria-describedby={fields.serviceAreas.errorId}>
        <legend className="mb-1 text-sm font-medium text-gray-700">服务领域（可多选）</legend>
        <div className="flex flex-wrap gap-4">
          {areas.map((area) => (
            <label key={area} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="serviceAreas" value={area} defaultChecked={chosen.has(area)} />
              {area}
            </label>
          ))}
        </div>
        <ErrorList id={fields.serviceAreas.errorId} errors={fields.serviceAreas.errors} />
      </fieldset>
      <TextareaField
        meta={fields.capability}
        label="服务能力说明"
        rows={5}
        hint="简述服务对象、团队、场地和以往服务情况，20–1000 字。"
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="taxDeclared" defaultChecked={defaults?.taxDeclared ?? false} />
        本机构具有公益性捐赠税前扣除资格（经区民政局核实后作为优先标识显示）
      </label>
      <Field meta={fields.taxNote} label="税前扣除资格文件名称或文号" hint="声明具有资格时填写。" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {intent === "update" ? "保存" : "提交申报"}
        </button>
      </div>
    </Form>
  );
}
