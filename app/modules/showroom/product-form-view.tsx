import { getFormProps, getInputProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { z } from "zod";
import { Field, FileField, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { allowedLabel, FILE_KINDS, IMAGE_KINDS } from "~/modules/attachments/file-types";
import type { FormReply } from "~/utils/action.server";
import { CATEGORY_LABELS, PRODUCT_CATEGORIES } from "./labels";
import {
  imagesClientSchema,
  MAX_PRODUCT_IMAGES,
  optionalImagesClientSchema,
  ProductFields,
  refineProduct,
} from "./product-form";

const ACCEPT = IMAGE_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");

export const NewProductClientSchema = z
  .object({ ...ProductFields, images: imagesClientSchema })
  .superRefine(refineProduct);
export const EditProductClientSchema = z
  .object({ ...ProductFields, images: optionalImagesClientSchema })
  .superRefine(refineProduct);

export type ProductDefaults = {
  name: string;
  category: string;
  description: string;
  makerStory: string;
  price: string;
  stock: string;
  makerSharePct: string;
  fundSharePct: string;
  fundName: string;
  allowShipping: boolean;
  allowPickup: boolean;
};

/** The intent of the product form; the edit page has other forms (下架, 重新上架) beside it. */
export const PRODUCT_SAVE_INTENT = "save";

/** The organization's product form (new and edit). */
export function ProductForm({
  id,
  mode,
  reply,
  defaultValue,
  submitLabel,
}: {
  id: string;
  mode: "new" | "edit";
  /** the action's reply; shown only when it answers this form */
  reply: FormReply | undefined;
  defaultValue?: Partial<ProductDefaults>;
  submitLabel: string;
}) {
  const schema = mode === "new" ? NewProductClientSchema : EditProductClientSchema;
  const submitting = useIsPending({ intent: PRODUCT_SAVE_INTENT });
  const [form, fields] = useConformForm({
    id,
    schema,
    reply,
    intent: PRODUCT_SAVE_INTENT,
    defaultValue: { makerSharePct: "70", fundSharePct: "30", allowShipping: true, allowPickup: true, ...defaultValue },
  });
  const categories = PRODUCT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="card grid gap-4 sm:grid-cols-2"
    >
      <input type="hidden" name="intent" value={PRODUCT_SAVE_INTENT} />
      <Field meta={fields.name} label="产品名称" />
      <SelectField meta={fields.category} label="类别" options={categories} />
      <TextareaField meta={fields.description} label="产品介绍" className="sm:col-span-2" />
      <TextareaField meta={fields.makerStory} label="制作者的故事" className="sm:col-span-2" rows={5} />
      <Field meta={fields.price} label="单价（元）" inputMode="decimal" hint="修改价格后需重新审核" />
      <Field meta={fields.stock} label="库存（件）" type="number" inputMode="numeric" hint="修改库存无需重新审核" />
      <Field meta={fields.makerSharePct} label="制作者分成（%）" type="number" inputMode="numeric" />
      <Field
        meta={fields.fundSharePct}
        label="社区微基金分成（%）"
        type="number"
        inputMode="numeric"
        hint="两项合计须为 100%"
      />
      <Field meta={fields.fundName} label="受益基金名称" placeholder="如：XX社区微基金" className="sm:col-span-2" />
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-gray-700">交付方式</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input {...getInputProps(fields.allowShipping, { type: "checkbox" })} />
            快递配送
          </label>
          <label className="flex items-center gap-2">
            <input {...getInputProps(fields.allowPickup, { type: "checkbox" })} />
            展销厅自提
          </label>
        </div>
        {fields.allowPickup.errors ? (
          <p className="mt-1 text-sm text-red-600" role="alert">
            {fields.allowPickup.errors[0]}
          </p>
        ) : null}
      </fieldset>
      <FileField
        meta={fields.images}
        label={mode === "new" ? "产品图片" : "更换产品图片（不选择则保留原图）"}
        accept={ACCEPT}
        multiple
        className="sm:col-span-2"
        hint={`1–${MAX_PRODUCT_IMAGES} 张，支持 ${allowedLabel(IMAGE_KINDS)}，单张不超过 10 MB。图片将公开展示。`}
      />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={submitting}>
          {submitting ? "正在提交…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}
