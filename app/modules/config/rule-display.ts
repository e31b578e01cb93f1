// How a rule value (app/modules/config/rules.ts) is shown and pre-filled on the rules page.
import { formatFen } from "~/utils/format";
import { RULES, type RuleKey } from "./rules";

/** "05-31" → "5月31日". */
export function formatMonthDay(value: string) {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : value;
}

/** A value as the rules page shows it: money with ¥, lists joined with 、, month-days in Chinese. */
export function formatRuleValue(key: RuleKey, value: unknown): string {
  const def = RULES[key];
  switch (def.kind) {
    case "fen":
      return typeof value === "number" ? formatFen(value) : String(value);
    case "stringList":
      return Array.isArray(value) ? value.join("、") : String(value);
    case "monthDay":
      return typeof value === "string" ? formatMonthDay(value) : String(value);
    case "text":
      return String(value);
    case "int": {
      const unit = "unit" in def ? def.unit : "";
      return `${String(value)}${unit ? ` ${unit}` : ""}`;
    }
  }
}

/** What the value field should say to the administrator, per kind. */
export function ruleInputHint(key: RuleKey): string {
  switch (RULES[key].kind) {
    case "fen":
      return "金额，单位为元，如 50000 或 50,000.00";
    case "stringList":
      return "多项用顿号、逗号或空格分隔";
    case "monthDay":
      return "月-日，如 05-31";
    case "text":
      return "文字，最多 200 个字";
    case "int":
      return "整数";
  }
}

/** A JSON value as typed back into the form (元 for money). */
export function ruleValueAsInput(key: RuleKey, value: unknown): string {
  const kind = RULES[key].kind;
  if (kind === "fen" && typeof value === "number") {
    const yuan = Math.trunc(value / 100);
    const fen = value % 100;
    return fen === 0 ? String(yuan) : `${yuan}.${String(fen).padStart(2, "0")}`;
  }
  if (kind === "stringList" && Array.isArray(value)) return value.join("、");
  return String(value);
}
