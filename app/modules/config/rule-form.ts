// The form that sets a new value for a rule key. Pure, so the browser checks it too.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";
import { parseRuleInput, RULE_KEYS, RULES, type RuleKey } from "./rules";

const KIND_MESSAGES = {
  int: "请输入整数",
  fen: "请输入金额（元），如 50000 或 50,000.50，最多两位小数",
  monthDay: "请按“月-日”填写，如 05-31",
  stringList: "请至少填写一项",
  text: "请填写 1–200 个字",
} as const;

export const RuleFormSchema = z
  .object({
    key: z.enum(RULE_KEYS as [RuleKey, ...RuleKey[]], {
      required_error: "请选择规则",
      invalid_type_error: "请选择规则",
    }),
    value: z.string({ required_error: "请填写新的值" }).trim().max(500, "最多 500 个字"),
    effectiveFrom: z.string({ required_error: "请选择生效日期" }),
    note: z.string().trim().max(200, "说明最多 200 个字").optional(),
  })
  .superRefine((data, ctx) => {
    if (parseRuleInput(data.key, data.value) == null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: KIND_MESSAGES[RULES[data.key].kind] });
    }
    if (!parseDateInput(data.effectiveFrom)) {
      ctx.addIssue({ code: "custom", path: ["effectiveFrom"], message: "请选择有效的生效日期" });
    }
  });
