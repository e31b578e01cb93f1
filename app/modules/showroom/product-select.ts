import type { Prisma } from "~/generated/prisma/client";

/** The fields that describe a product to anyone who looks at it: staff, its maker and the public. */
export const PRODUCT_DESCRIPTION_FIELDS = {
  id: true,
  name: true,
  category: true,
  description: true,
  makerStory: true,
  priceFen: true,
  stock: true,
  soldCount: true,
  makerSharePct: true,
  fundSharePct: true,
  fundName: true,
  allowShipping: true,
  allowPickup: true,
} as const satisfies Prisma.ProductSelect;
