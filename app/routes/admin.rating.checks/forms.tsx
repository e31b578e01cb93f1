import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { gradeLabel, GRADES } from "~/modules/registry/grade";
import type { action } from "./route";

export const SampleSchema = z.object({
  size: z.coerce
    .number({ required_error: "请填写抽取数量" })
    .int("须为整数")
    .min(1, "至少 1 家")
    .max(200, "最多 200 家"),
  seed: z.string().trim().max(100, "最多 100 个字符").optional(),
});

export const VerifySchema = z.object({
  organizationId: z.string({ required_error: "请选择社会组织" }),
  trigger: z.string({ required_error: "请填写触发事件" }).trim().min(1, "请填写触发事件").max(1000, "最多 1000 个字"),
});

export const DecideCheckSchema = z
  .object({
    checkId: z.string({ required_error: "缺少评估" }),
    outcome: z.enum(["KEPT", "CHANGED"], { required_error: "请选择结论" }),
    toGrade: z.string().optional(),
    note: z.string({ required_error: "请填写理由" }).trim().min(1, "请填写理由").max(1000, "最多 1000 个字"),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "CHANGED" && !v.toGrade) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["toGrade"], message: "调整等级时请选择调整后的等级" });
    }
  });

export function SampleForm() {
  const [form, fields] = useConformForm({ id: "sample", schema: SampleSchema, reply: useActionData<typeof action>() });
  const pending = useIsPending({ intent: "sample" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="sample" />
      <Field meta={fields.size} label="抽取数量" type="number" className="w-32" />
      <Field meta={fields.seed} label="随机种子（可留空）" hint="同一种子、同一批组织抽取结果相同。" className="w-64" />
      <button type="submit" className="btn-primary" disabled={pending}>
        抽取
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

export function VerifyForm({
  organizations,
}: {
  organizations: { id: string; name: string; currentGrade: number | null }[];
}) {
  const [form, fields] = useConformForm({ id: "verify", schema: VerifySchema, reply: useActionData<typeof action>() });
  const pending = useIsPending({ intent: "verify" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value="verify" />
      <SelectField
        meta={fields.organizationId}
        label="社会组织"
        options={organizations.map((o) => ({ value: o.id, label: `${o.name}（${gradeLabel(o.currentGrade)}）` }))}
      />
      <TextareaField meta={fields.trigger} label="触发事件" rows={2} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          启动核查评估
        </button>
      </div>
    </Form>
  );
}

export function DecideCheckForm({ checkId }: { checkId: string }) {
  const [form, fields] = useConformForm({
    id: `check-${checkId}`,
    intent: "decideCheck",
    schema: DecideCheckSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "decideCheck" });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 grid gap-2 sm:grid-cols-3">
      <input type="hidden" name="intent" value="decideCheck" />
      <input type="hidden" name="checkId" value={checkId} />
      <SelectField
        meta={fields.toGrade}
        label="调整后的等级"
        placeholder="（维持时不选）"
        options={[
          ...GRADES.map((g) => ({ value: String(g), label: gradeLabel(g) })),
          { value: "NONE", label: "取消等级" },
        ]}
      />
      <TextareaField meta={fields.note} label="结论理由" rows={2} className="sm:col-span-2" />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.outcome.errors ?? [])]} />
      <div className="flex gap-2 sm:col-span-3">
        <button type="submit" name="outcome" value="KEPT" className="btn-secondary" disabled={pending}>
          维持等级
        </button>
        <button type="submit" name="outcome" value="CHANGED" className="btn-primary" disabled={pending}>
          调整等级
        </button>
      </div>
    </Form>
  );
}
