// The organization's progress report form: narrative, KPI actuals (cumulative, against
// the target), activities and photos; 保存草稿 or 提交.
import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DraftFormButtons, useDraftForm } from "~/components/draft-form";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { RepeatableRows } from "~/components/repeatable-rows";
import { SectionCard } from "~/components/section-card";
import { DocumentUploadFields } from "~/modules/attachments/document-fields";
import { clientFileSchema } from "~/modules/attachments/document-set";
import { allowedLabel, IMAGE_KINDS } from "~/modules/attachments/file-types";
import {
  buildReportSchema,
  PHOTO_ACCEPT,
  REPORT_FORM_ID,
  REPORT_SUBMIT_CONFIRM,
  ReportFields,
  reportPhotos,
} from "~/modules/funding/report-form";
import { reportWorkflow, type ReportState } from "~/modules/funding/report-workflow";
import type { action, loader } from "./route";

export function ReportForm() {
  const { loaded, defaults } = useLoaderData<typeof loader>();
  const { report, kpis, photos } = loaded;
  const schema = buildReportSchema({ kpiIds: kpis.map((k) => k.id), fileSchema: clientFileSchema });
  const [form, fields] = useDraftForm({
    id: REPORT_FORM_ID,
    fields: ReportFields,
    schema,
    reply: useActionData<typeof action>(),
    defaultValue: defaults,
  });
  const kpiRows = fields.kpis.getFieldList();
  const submitLabel =
    reportWorkflow.available(report.status as ReportState, "ORG_MEMBER").find((t) => t.to === "SUBMITTED")?.label ??
    "提交报告";
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
      <SectionCard id="narrative-form" title="本期进展">
        <TextareaField
          meta={fields.narrative}
          label="进展说明"
          rows={6}
          hint="本期做了什么、取得的成效、遇到的困难和下一步计划。"
        />
      </SectionCard>
      <SectionCard id="kpi-form" title="指标完成情况">
        <p className="mb-3 text-sm text-gray-600">填写截至本报告期末的累计完成值。</p>
        <div className="space-y-3">
          {kpiRows.map((row, index) => {
            const f = row.getFieldset();
            const kpi = kpis.find((k) => k.id === f.kpiId.initialValue) ?? kpis[index];
            return (
              <div
                key={row.key}
                className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[2fr_1fr_2fr]"
              >
                <input {...getInputProps(f.kpiId, { type: "hidden" })} key={f.kpiId.key} />
                <div className="text-sm">
                  <p className="font-medium text-gray-900">{kpi?.name}</p>
                  <p className="text-gray-600">目标：{kpi?.target}</p>
                </div>
                <Field meta={f.actual} label={`${kpi?.name ?? "指标"}累计完成值`} inputMode="decimal" />
                <Field meta={f.note} label={`${kpi?.name ?? "指标"}说明`} />
              </div>
            );
          })}
          <FormErrors id={fields.kpis.errorId} errors={fields.kpis.errors} />
        </div>
      </SectionCard>
      <SectionCard id="activity-form" title="本期活动">
        <p className="mb-3 text-sm text-gray-600">只填写服务人数，不填写服务对象的姓名等个人信息。</p>
        <RepeatableRows
          form={form}
          field={fields.activities}
          blank={{ heldOn: "", title: "", peopleServed: "" }}
          addLabel="添加活动"
          removeLabel={(n) => `删除活动${n}`}
          groupLabel="本期活动"
          max={50}
          rowClassName="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[1fr_2fr_1fr_auto]"
          renderRow={(row, index) => {
            const f = row.getFieldset();
            return (
              <>
                <Field meta={f.heldOn} label={`活动${index + 1}日期`} type="date" />
                <Field meta={f.title} label={`活动${index + 1}名称`} />
                <Field meta={f.peopleServed} label={`活动${index + 1}服务人数`} inputMode="numeric" />
              </>
            );
          }}
        />
      </SectionCard>
      <SectionCard id="photo-form" title="活动照片">
        <div className="grid gap-3 sm:grid-cols-3">
          <DocumentUploadFields
            set={reportPhotos}
            stored={photos}
            meta={(name) => fields[name]}
            accept={PHOTO_ACCEPT}
            missingHint={() => `可选，${allowedLabel(IMAGE_KINDS)} 图片，不超过 10 MB`}
          />
        </div>
      </SectionCard>
      <FormErrors id={form.errorId} errors={form.errors} />
      <DraftFormButtons
        submitLabel={submitLabel}
        hint="保存草稿只检查格式；提交时检查全部内容。"
        confirm={{ ...REPORT_SUBMIT_CONFIRM, intent: REPORT_FORM_ID, schema }}
      />
    </Form>
  );
}
