import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { z } from "zod";
import { ConfirmButton } from "~/components/confirm";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { AgreementDraftSchema } from "~/modules/funding/agreement-forms";
import { ReasonForm } from "~/modules/funding/agreement-parts";
import type { AgreementVariables } from "~/modules/funding/agreement-template";
import { agreementKindLabel } from "~/modules/funding/agreement-workflow";
import { toDateInput } from "~/utils/dates";

type Reply = Parameters<typeof useConformForm>[0]["reply"];

/** The draft version: staff edit its variable parts, read the text it will have, and issue it. */
export function DraftPanel({
  version,
  draft,
  reply,
}: {
  version: { version: number; kind: string; amendmentReason: string | null };
  draft: { variables: AgreementVariables; endsOn: Date | string; preview: string };
  reply: Reply;
}) {
  const pending = useIsPending({ intent: "saveDraft" });
  const issuing = useIsPending({ intent: "issue" });
  const [form, fields] = useConformForm({
    id: "saveDraft",
    schema: AgreementDraftSchema,
    reply,
    defaultValue: { ...draft.variables, endsOn: toDateInput(new Date(draft.endsOn)) },
  });
  const [issueForm] = useConformForm({ id: "issue", schema: z.object({}), reply });
  return (
    <SectionCard id="draft" title={`第 ${version.version} 版草稿 · ${agreementKindLabel(version.kind)}`}>
      {version.amendmentReason ? (
        <p className="mb-3 text-sm text-gray-700">变更事由：{version.amendmentReason}</p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label="协议可变条款">
          <input type="hidden" name="intent" value="saveDraft" />
          <p className="text-sm text-gray-600">
            机构、金额（含大写）、绩效指标、预算和拨付计划取自立项记录，不在此修改；以下条款可按项目情况调整。
          </p>
          <Field meta={fields.projectLead} label="项目负责人" className="max-w-xs" />
          <Field meta={fields.endsOn} label="执行期截止日" type="date" className="max-w-xs" />
          <TextareaField meta={fields.obligations} label="双方权利义务" rows={6} />
          <TextareaField meta={fields.reportingDuties} label="报告义务" rows={5} />
          <TextareaField meta={fields.sanctions} label="违约责任" rows={6} />
          <TextareaField meta={fields.specialTerms} label="其他约定" rows={3} />
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="btn-secondary" disabled={pending}>
            保存草稿
          </button>
        </Form>
        <div className="space-y-3">
          <h3 className="text-sm font-medium text-gray-900">协议文本预览（按已保存的内容生成）</h3>
          <div
            tabIndex={0}
            role="region"
            aria-label="协议文本预览"
            className="max-h-[36rem] overflow-auto whitespace-pre-wrap rounded-md border border-gray-200 bg-gray-50 p-4 font-serif text-sm leading-7"
            data-testid="agreement-preview"
          >
            {draft.preview}
          </div>
          <Form method="post" {...getFormProps(issueForm)}>
            <input type="hidden" name="intent" value="issue" />
            <FormErrors id={issueForm.errorId} errors={issueForm.errors} />
            <ConfirmButton
              intent="issue"
              label="出具协议"
              message="协议文本将按预览内容固定并生成 SHA-256 摘要，通知机构在线签署。出具后如需修改须撤回。"
              disabled={issuing}
            >
              出具协议
            </ConfirmButton>
          </Form>
          {version.kind !== "ORIGINAL" ? (
            <details className="text-sm">
              <summary className="tap cursor-pointer text-gray-700">作废此补充协议</summary>
              <div className="mt-3">
                <ReasonForm
                  intent="cancelAmendment"
                  label="作废补充协议"
                  fieldLabel="作废理由"
                  message="此版本将作废，原协议继续有效。"
                  reply={reply}
                  danger
                />
              </div>
            </details>
          ) : null}
        </div>
      </div>
    </SectionCard>
  );
}
