import { describe, expect, test } from "vitest";
import { needsRescreening, ProductSchema } from "./product-form";

const valid = {
  name: "手工编织杯垫",
  category: "HANDICRAFT",
  description: "纯棉线手工编织的杯垫，每一件都独一无二。",
  makerStory: "由社区助残工坊的学员手工编织完成。",
  price: "29.90",
  stock: 10,
  makerSharePct: 70,
  fundSharePct: 30,
  allowShipping: true,
};

describe("product form", () => {
  test("price in 元 becomes 分", () => {
    const result = ProductSchema.safeParse(valid);
    expect(result.success && result.data.price).toBe(2990);
  });
  test("the split must add up to 100%", () => {
    const result = ProductSchema.safeParse({ ...valid, fundSharePct: 20 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain("分成比例合计必须为 100%");
  });
  test("needs a delivery option and a real price", () => {
    const noDelivery = ProductSchema.safeParse({ ...valid, allowShipping: false });
    expect(noDelivery.error?.issues.map((i) => i.message)).toContain("请至少选择一种交付方式");
    for (const price of ["0", "-1", "1.234", "abc"]) {
      expect(ProductSchema.safeParse({ ...valid, price }).success).toBe(false);
    }
  });
  test("price or story changes need screening again, stock does not", () => {
    const before = { priceFen: 2990, makerStory: "故事" };
    expect(needsRescreening(before, { priceFen: 2990, makerStory: "故事 " })).toBe(false);
    expect(needsRescreening(before, { priceFen: 3000, makerStory: "故事" })).toBe(true);
    expect(needsRescreening(before, { priceFen: 2990, makerStory: "新的故事" })).toBe(true);
  });
});
