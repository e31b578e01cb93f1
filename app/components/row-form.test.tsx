import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Field, FormErrors, SelectField, TextareaField } from "./forms";
import { RowForm } from "./row-form";
import { useConformForm } from "./use-form";

const RowSchema = z
  .object({
    rowId: z.string({ required_error: "请选择" }).min(1).max(40),
    to: z.enum(["A", "B"], { errorMap: () => ({ message: "请选择操作" }) }),
    reason: z.string().trim().max(200, "理由最多 200 个字").optional(),
    title: z.string({ required_error: "请填写标题" }).min(2, "至少 2 个字").max(30),
    count: z.coerce.number({ required_error: "请填写数量" }).int().min(1).max(99),
    kind: z.enum(["X", "Y"], { required_error: "请选择类别" }),
  })
  .superRefine((value, ctx) => {
    if (value.to === "B" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "必须填写理由" });
  });

type Render = Parameters<typeof RowForm<typeof RowSchema>>[0]["children"];

/** A row's markup: a form with every kind of field the house components render. */
const rowMarkup: Render = (form, fields) => (
  <form method="post" {...getFormProps(form)} aria-label="审核">
    <input type="hidden" name="rowId" value="r1" />
    <TextareaField meta={fields.reason} label="理由" rows={2} />
    <Field meta={fields.title} label="标题" />
    <Field meta={fields.count} label="数量" type="number" />
    <SelectField
      meta={fields.kind}
      label="类别"
      options={[
        { value: "X", label: "甲" },
        { value: "Y", label: "乙" },
      ]}
    />
    <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.to.errors ?? [])]} />
    <button type="submit" name="to" value="B">
      退回
    </button>
  </form>
);

/** The same row with conform's hook, as the browser renders it. */
function ConformRow({ id, children }: { id: string; children: Render }): ReactNode {
  const [form, fields] = useConformForm({ id, schema: RowSchema });
  return children(form, fields);
}

describe("RowForm", () => {
  it("renders an unanswered row on the server as conform renders it untouched (the browser hydrates it)", () => {
    for (const id of ["screen-1", "screen-bench-product-9414"]) {
      const pristine = renderToStaticMarkup(
        <RowForm id={id} schema={RowSchema}>
          {rowMarkup}
        </RowForm>,
      );
      expect(pristine).toBe(renderToStaticMarkup(<ConformRow id={id}>{rowMarkup}</ConformRow>));
      expect(pristine).toContain(`id="${id}-reason"`);
      expect(pristine).toContain('maxLength="200"');
    }
  });

  it("renders the answered row with conform: its errors at the field and what was typed", () => {
    const reply = {
      intent: "screen-2",
      result: {
        status: "error" as const,
        initialValue: { rowId: "r1", to: "B", title: "布艺收纳袋", count: "3", kind: "Y" },
        error: { reason: ["必须填写理由"] },
      },
    };
    const answered = renderToStaticMarkup(
      <RowForm id="screen-2" schema={RowSchema} reply={reply}>
        {rowMarkup}
      </RowForm>,
    );
    expect(answered).toContain('aria-invalid="true" aria-describedby="screen-2-reason-error"');
    expect(answered).toContain('<div id="screen-2-reason-error" role="alert"');
    expect(answered).toContain("必须填写理由");
    expect(answered).toContain('value="布艺收纳袋"');
    // Another row on the same page is not touched by that reply.
    const other = renderToStaticMarkup(
      <RowForm id="screen-3" schema={RowSchema} reply={reply}>
        {rowMarkup}
      </RowForm>,
    );
    expect(other).not.toContain("必须填写理由");
    expect(other).toBe(renderToStaticMarkup(<ConformRow id="screen-3">{rowMarkup}</ConformRow>));
  });
});
