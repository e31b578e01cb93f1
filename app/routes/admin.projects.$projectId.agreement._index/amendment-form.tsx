import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { AMENDMENT_KIND_CHOICES, AmendmentSchema } from "~/modules/funding/agreement-forms";
import { AGREEMENT_KIND_LABELS } from "~/modules/funding/agreement-workflow";
import { formatDate } from "~/utils/format";

type Reply = Parameters<typeof useConformForm>[0]["reply"];

/** Staff start an amendment: a no-cost extension, a budget revision or a change of project lead. */
export function AmendmentForm({ endsOn, reply }: { endsOn: Date | string; reply: Reply }) {
  const pending = useIsPending({ intent: "amend" });
  const [form, fields] = useConformForm({ id: "amend", schema: AmendmentSchema, reply });
  const [kind, setKind] = useState(fields.kind.initialValue ?? "");
  return (
    <SectionCard id="amend" title="签订补充协议">
      <Form
        method="post"
        {...getFormProps(form)}
        className="max-w-xl space-y-3"
        aria-label="签订补充协议"
        onChange={(e) => {
          const target = e.target as HTMLSelectElement;
          if (target.name === fields.kind.name) setKind(target.value);
        }}
      >
        <input type="hidden" name="intent" value="amend" />
        <p className="text-sm text-gray-600">
          补充协议是协议的新版本，须双方重新签署；此前各版本保留可查。预算调整的补充协议载明已批准的调整后预算。
        </p>
        <SelectField
          meta={fields.kind}
          label="变更类型"
          placeholder="请选择"
          options={AMENDMENT_KIND_CHOICES.map((k) => ({ value: k, label: AGREEMENT_KIND_LABELS[k] }))}
        />
        {kind === "EXTENSION" ? (
          <Field
            meta={fields.endsOn}
            label="延期后的执行期截止日"
            type="date"
            hint={`现截止日：${formatDate(endsOn)}；资助金额不变。`}
            className="max-w-xs"
          />
        ) : null}
        {kind === "LEAD_CHANGE" ? (
          <Field meta={fields.projectLead} label="新的项目负责人" className="max-w-xs" />
        ) : null}
        <TextareaField meta={fields.reason} label="变更事由" rows={3} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-secondary" disabled={pending}>
          建立补充协议草稿
        </button>
      </Form>
    </SectionCard>
  );
}
