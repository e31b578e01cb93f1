// Display labels for the showroom.

export const PRODUCT_CATEGORIES = ["HANDICRAFT", "CULTURAL", "FARM", "FOOD", "OTHER"] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ProductCategory, string> = {
  HANDICRAFT: "手工艺品",
  CULTURAL: "文创",
  FARM: "农副产品",
  FOOD: "食品",
  OTHER: "其他",
};

export function categoryLabel(value: string) {
  return CATEGORY_LABELS[value as ProductCategory] ?? value;
}

export const DELIVERY_LABELS: Record<string, string> = { SHIPPING: "快递配送", PICKUP: "展销厅自提" };
export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  STRIPE: "在线支付",
  COUNTER: "展销厅柜台付款",
  BANK_TRANSFER: "银行转账",
};

export function deliveryLabel(value: string) {
  return DELIVERY_LABELS[value] ?? value;
}
export function paymentMethodLabel(value: string) {
  return PAYMENT_METHOD_LABELS[value] ?? value;
}

export const CATALOGUE_SORTS = {
  newest: "最新上架",
  price_asc: "价格从低到高",
  price_desc: "价格从高到低",
  popular: "销量最高",
} as const;
export type CatalogueSort = keyof typeof CATALOGUE_SORTS;
