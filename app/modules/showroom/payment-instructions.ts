// How a buyer pays an offline order (银行转账, 柜台付款): the payee account, the
// counter's address and hours, and how long each method keeps the order. The
// facts are rule data staff maintain (config/rules.ts, group 公益产品展销), so
// they change on the rules page, never in code. Pure: safe in the browser.
import type { RuleValues } from "~/modules/config/rules";

export type OfflineMethod = "BANK_TRANSFER" | "COUNTER";

export type PaymentInstructions = {
  method: OfflineMethod;
  /** What to do, in one sentence. */
  summary: string;
  /** The facts to copy down, in order. */
  facts: Array<{ label: string; value: string }>;
};

type ShowroomRules = Pick<
  RuleValues,
  | "showroom.bankTransfer.payeeName"
  | "showroom.bankTransfer.bank"
  | "showroom.bankTransfer.accountNumber"
  | "showroom.bankTransfer.expiryHours"
  | "showroom.counter.address"
  | "showroom.counter.hours"
  | "showroom.counter.expiryHours"
>;

export function isOfflineMethod(method: string): method is OfflineMethod {
  return method === "BANK_TRANSFER" || method === "COUNTER";
}

/** The rule values the instructions need (a loader sends only these to the browser). */
export function showroomPaymentRules(rules: RuleValues): ShowroomRules {
  return {
    "showroom.bankTransfer.payeeName": rules["showroom.bankTransfer.payeeName"],
    "showroom.bankTransfer.bank": rules["showroom.bankTransfer.bank"],
    "showroom.bankTransfer.accountNumber": rules["showroom.bankTransfer.accountNumber"],
    "showroom.bankTransfer.expiryHours": rules["showroom.bankTransfer.expiryHours"],
    "showroom.counter.address": rules["showroom.counter.address"],
    "showroom.counter.hours": rules["showroom.counter.hours"],
    "showroom.counter.expiryHours": rules["showroom.counter.expiryHours"],
  };
}

/** How many hours an offline order waits for its payment before it expires. */
export function offlineExpiryHours(rules: ShowroomRules, method: OfflineMethod) {
  return method === "BANK_TRANSFER"
    ? rules["showroom.bankTransfer.expiryHours"]
    : rules["showroom.counter.expiryHours"];
}

/** "3 天" for whole days, else "36 小时". */
export function formatHours(hours: number) {
  return hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 小时`;
}

/** What the buyer needs to pay an order by `method`; `orderNo` goes in the transfer's remark. */
export function paymentInstructions(
  rules: ShowroomRules,
  method: OfflineMethod,
  orderNo?: string,
): PaymentInstructions {
  const within = formatHours(offlineExpiryHours(rules, method));
  if (method === "BANK_TRANSFER") {
    return {
      method,
      summary: `请在下单后 ${within}内转账，附言填写订单号，逾期订单自动取消。`,
      facts: [
        { label: "收款户名", value: rules["showroom.bankTransfer.payeeName"] },
        { label: "开户银行", value: rules["showroom.bankTransfer.bank"] },
        { label: "收款账号", value: rules["showroom.bankTransfer.accountNumber"] },
        { label: "转账附言", value: orderNo ?? "订单号" },
      ],
    };
  }
  return {
    method,
    summary: `请在下单后 ${within}内到区民政局公益产品展销厅柜台付款，出示订单号即可，逾期订单自动取消。`,
    facts: [
      { label: "付款地点", value: rules["showroom.counter.address"] },
      { label: "营业时间", value: rules["showroom.counter.hours"] },
    ],
  };
}

/** A delivery address shown where only the order number is asked: the start, the rest hidden. */
export function maskAddress(address: string) {
  const chars = [...address.trim()];
  return chars.length <= 6 ? `${chars.slice(0, 2).join("")}…` : `${chars.slice(0, 6).join("")}…`;
}
