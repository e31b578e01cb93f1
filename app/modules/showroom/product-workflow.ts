import { defineWorkflow } from "~/modules/workflow/state-machine";

export const PRODUCT_STATES = ["PENDING", "LISTED", "RETURNED", "UNLISTED"] as const;
export type ProductState = (typeof PRODUCT_STATES)[number];

// Staff screen a product before it is listed. Changing its price or story
// sends it back to screening; stock changes do not.
export const productWorkflow = defineWorkflow<ProductState>({
  name: "product",
  stateLabels: { PENDING: "待审核", LISTED: "已上架", RETURNED: "已退回", UNLISTED: "已下架" },
  transitions: [
    { from: "PENDING", to: "LISTED", by: ["ADMIN"], label: "上架" },
    { from: "PENDING", to: "RETURNED", by: ["ADMIN"], label: "退回", requiresReason: true },
    { from: "RETURNED", to: "PENDING", by: ["ORG_MEMBER"], label: "修改后重新提交" },
    { from: "LISTED", to: "PENDING", by: ["ORG_MEMBER"], label: "修改价格或故事后重新审核" },
    { from: "LISTED", to: "UNLISTED", by: ["ADMIN", "ORG_MEMBER"], label: "下架", requiresReason: true },
    { from: "UNLISTED", to: "PENDING", by: ["ORG_MEMBER"], label: "申请重新上架" },
  ],
});
