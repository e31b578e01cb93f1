import { z } from "zod";
import { IMAGE_KINDS } from "~/modules/attachments/file-types";
import { uploadSchema } from "~/modules/attachments/uploads.server";
import { MAX_PRODUCT_IMAGES, ProductFields, refineProduct } from "./product-form";

/** The server's product schema: the same fields plus the sniffed image check. Build inside actions. */
export function productServerSchema(mode: "new" | "edit") {
  const images = z.array(uploadSchema(IMAGE_KINDS)).max(MAX_PRODUCT_IMAGES, `最多上传 ${MAX_PRODUCT_IMAGES} 张图片`);
  return z
    .object({
      ...ProductFields,
      images: mode === "new" ? images.min(1, "请上传至少 1 张图片") : images.optional(),
    })
    .superRefine(refineProduct);
}
