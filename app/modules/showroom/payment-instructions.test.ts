import { describe, expect, test } from "vitest";
import { RULES } from "~/modules/config/rules";
import { formatHours, offlineExpiryHours, paymentInstructions } from "./payment-instructions";

const rules = {
  "showroom.bankTransfer.payeeName": "江宁区社会组织服务中心",
  "showroom.bankTransfer.bank": "中国银行南京江宁支行",
  "showroom.bankTransfer.accountNumber": "5050 6612",
  "showroom.bankTransfer.expiryHours": 72,
  "showroom.counter.address": "上元大街 500 号",
  "showroom.counter.hours": "周一至周五 9:00–17:00",
  "showroom.counter.expiryHours": 36,
};

describe("offline payment instructions", () => {
  test("a bank transfer names the payee, bank, account and the order number as its remark", () => {
    const { facts, summary } = paymentInstructions(rules, "BANK_TRANSFER", "YM20261205001");
    expect(facts).toEqual([
      { label: "收款户名", value: "江宁区社会组织服务中心" },
      { label: "开户银行", value: "中国银行南京江宁支行" },
      { label: "收款账号", value: "5050 6612" },
      { label: "转账附言", value: "YM20261205001" },
    ]);
    expect(summary).toContain("3 天内转账");
  });

  test("the counter gives its address and hours, and its own expiry", () => {
    const { facts, summary } = paymentInstructions(rules, "COUNTER");
    expect(facts.map((f) => f.label)).toEqual(["付款地点", "营业时间"]);
    expect(summary).toContain("36 小时内到区民政局公益产品展销厅柜台付款");
    expect(offlineExpiryHours(rules, "COUNTER")).toBe(36);
  });

  test("the defaults give offline buyers days, not the online 30 minutes", () => {
    expect(RULES["showroom.bankTransfer.expiryHours"].defaultValue).toBeGreaterThanOrEqual(24);
    expect(RULES["showroom.counter.expiryHours"].defaultValue).toBeGreaterThanOrEqual(24);
    expect(formatHours(48)).toBe("2 天");
  });
});
