import { z } from "zod";
import { yuanToFen } from "~/utils/format";
import { PRODUCT_CATEGORIES } from "./labels";

export const MAX_PRODUCT_IMAGES = 6;
export const MAX_STOCK = 100_000;

const pct = (label: string) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能小于 0`)
    .max(100, `${label}不能大于 100`);

/** The product's fields without images (the image check needs the server). */
export const ProductFields = {
  name: z
    .string({ required_error: "请填写产品名称" })
    .trim()
    .min(2, "产品名称至少 2 个字")
    .max(40, "产品名称最多 40 个字"),
  category: z.enum(PRODUCT_CATEGORIES, { required_error: "请选择类别", invalid_type_error: "请选择类别" }),
  description: z
    .string({ required_error: "请填写产品介绍" })
    .trim()
    .min(10, "产品介绍至少 10 个字")
    .max(2000, "产品介绍最多 2000 个字"),
  makerStory: z
    .string({ required_error: "请填写制作者的故事" })
    .trim()
    .min(10, "制作者的故事至少 10 个字")
    .max(3000, "制作者的故事最多 3000 个字"),
  price: z
    .string({ required_error: "请填写价格" })
    .trim()
    .transform((value, ctx) => {
      const fen = yuanToFen(value);
      if (fen == null || fen <= 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "请填写正确的价格（元，最多两位小数）" });
        return z.NEVER;
      }
      if (fen > 10_000_000) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "单价不能超过 100,000 元" });
        return z.NEVER;
      }
      return fen;
    }),
  stock: z
    .number({ required_error: "请填写库存", invalid_type_error: "库存应为整数" })
    .int("库存应为整数")
    .min(0, "库存不能小于 0")
    .max(MAX_STOCK, "库存过大"),
  makerSharePct: pct("制作者分成"),
  fundSharePct: pct("社区微基金分成"),
  fundName: z.string().trim().max(40, "受益基金名称最多 40 个字").optional(),
  allowShipping: z.boolean().optional(),
  allowPickup: z.boolean().optional(),
};

type ProductShape = {
  makerSharePct: number;
  fundSharePct: number;
  allowShipping?: boolean;
  allowPickup?: boolean;
};

/** Cross-field rules: the split adds up to 100% and at least one delivery option. */
export function refineProduct(value: ProductShape, ctx: z.RefinementCtx) {
  if (value.makerSharePct + value.fundSharePct !== 100) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["fundSharePct"], message: "分成比例合计必须为 100%" });
  }
  if (!value.allowShipping && !value.allowPickup) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["allowPickup"], message: "请至少选择一种交付方式" });
  }
}

export const ProductSchema = z.object(ProductFields).superRefine(refineProduct);
export type ProductValues = z.infer<typeof ProductSchema>;

/** The client-side image check: presence and count only. */
export const imagesClientSchema = z
  .array(z.instanceof(File), { required_error: "请上传至少 1 张图片" })
  .min(1, "请上传至少 1 张图片")
  .max(MAX_PRODUCT_IMAGES, `最多上传 ${MAX_PRODUCT_IMAGES} 张图片`);

/** Edits may keep the current images, so none is fine. */
export const optionalImagesClientSchema = z
  .array(z.instanceof(File))
  .max(MAX_PRODUCT_IMAGES, `最多上传 ${MAX_PRODUCT_IMAGES} 张图片`)
  .optional();

/** Whether an edit of a listed product must be screened again. */
export function needsRescreening(
  before: { priceFen: number; makerStory: string },
  after: { priceFen: number; makerStory: string },
) {
  return before.priceFen !== after.priceFen || before.makerStory.trim() !== after.makerStory.trim();
}
