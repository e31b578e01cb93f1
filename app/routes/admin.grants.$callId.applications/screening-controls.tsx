import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { ErrorList, FormErrors } from "~/components/forms";
import type { useConformForm } from "~/components/use-form";
import { SCREENING_ACTION_LABELS, SCREENING_ACTIONS, type ScreeningSchema } from "~/modules/grants/screening/screening";

type ScreeningForm = ReturnType<typeof useConformForm<typeof ScreeningSchema>>;

/**
 * The bulk controls of the screening list: the result to apply to the ticked
 * applications (with its reason and, for a correction, its due date), and the
 * recheck of the automatic checks.
 */
export function ScreeningControls({
  form,
  fields,
  pending,
}: {
  form: ScreeningForm[0];
  fields: ScreeningForm[1];
  pending: boolean;
}) {
  const to = fields.to.value;
  return (
    <div className="card flex flex-wrap items-end gap-3" aria-label="批量操作">
      <div className="min-w-[9rem]">
        <label htmlFor={fields.to.id} className="mb-1 block text-sm font-medium text-gray-700">
          审查结果
        </label>
        <select {...getSelectProps(fields.to)} key={fields.to.key} className="input">
          <option value="">请选择</option>
          {SCREENING_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {SCREENING_ACTION_LABELS[a]}
            </option>
          ))}
        </select>
        <ErrorList id={fields.to.errorId} errors={fields.to.errors} />
      </div>
      <div className="min-w-[18rem] flex-1">
        <label htmlFor={fields.reason.id} className="mb-1 block text-sm font-medium text-gray-700">
          {to === "CORRECTION" ? "补正要求" : to === "SCREEN_FAILED" ? "不通过理由（申报机构可见）" : "意见（选填）"}
        </label>
        <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} className="input" />
        <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      {to === "CORRECTION" ? (
        <div>
          <label htmlFor={fields.dueAt.id} className="mb-1 block text-sm font-medium text-gray-700">
            补正截止日期
          </label>
          <input {...getInputProps(fields.dueAt, { type: "date" })} key={fields.dueAt.key} className="input" />
          <ErrorList id={fields.dueAt.errorId} errors={fields.dueAt.errors} />
        </div>
      ) : null}
      <button type="submit" name="intent" value="screen" className="btn-primary" disabled={pending}>
        对所选申报执行
      </button>
      <button type="submit" name="intent" value="recheck" formNoValidate className="btn-secondary" disabled={pending}>
        重新检查
      </button>
      <p className="w-full text-xs text-gray-500">
        「重新检查」对勾选的申报重新运行资格与预算检查；未勾选时检查本活动全部已提交的申报。
      </p>
      <ErrorList id={fields.ids.errorId} errors={fields.ids.errors} />
      <FormErrors id={form.errorId} errors={form.errors} />
    </div>
  );
}
