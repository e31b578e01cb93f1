// One indicator as a form: the builder's add/edit form and each row of an imported Excel sheet
// are checked by this one schema, so both say the same thing in the same words.
import { z } from "zod";
import { recordSourceProblem } from "./record-sources";
import { type LeafRuleText, parseItemsText, parseRuleText } from "./row-text";
import { type FlatNode, formatPoints, hasOneDecimal, LEAF_METHODS, sumPoints, toTenths } from "./tree";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((v) => v || null);

export const NodeSchema = z
  .object({
    code: z
      .string({ required_error: "请填写编码" })
      .trim()
      .regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+){0,3}$/, "编码应为 1、1.2、1.2.3 这样的格式，最多 4 级"),
    title: z.string({ required_error: "请填写名称" }).trim().min(1, "请填写名称").max(200, "名称最多 200 个字"),
    points: z
      .number({ required_error: "请填写分值", invalid_type_error: "分值应为数字" })
      .positive("分值应大于 0")
      .max(10000, "分值过大")
      .refine(hasOneDecimal, "分值最多保留一位小数"),
    method: z.enum(LEAF_METHODS, { invalid_type_error: "请选择评分方式" }).optional(),
    itemsText: optionalText(4000, "评分细则"),
    evidence: optionalText(1000, "准备材料"),
    bonus: z.boolean().default(false),
    ruleText: optionalText(300, "限制条件"),
    source: optionalText(100, "数据来源"),
  })
  .superRefine((value, ctx) => {
    const at = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    const rule = value.ruleText ? parseRuleText(value.ruleText) : null;
    if (rule && "error" in rule) at("ruleText", rule.error);
    if (value.source) {
      const items = parseItemsText(value.itemsText ?? "");
      const problem = recordSourceProblem({ source: value.source, method: value.method ?? null, items });
      if (problem) at("source", problem);
    }
    if (value.method !== "CHECKLIST" && value.method !== "TIERS") return;
    const items = parseItemsText(value.itemsText ?? "");
    if (items.length === 0) return at("itemsText", "请逐行列出评分细则，每行写明“得 N 分”");
    const unpriced = items.find((item) => item.points === null);
    if (unpriced) return at("itemsText", `“${unpriced.label}”缺少分值，请写明“得 N 分”`);
    const points = items.map((item) => item.points ?? 0);
    if (value.method === "CHECKLIST" && toTenths(sumPoints(points)) !== toTenths(value.points)) {
      at("itemsText", `各项合计 ${formatPoints(sumPoints(points))} 分，应等于分值 ${formatPoints(value.points)} 分`);
    }
    if (value.method === "TIERS" && toTenths(Math.max(...points)) !== toTenths(value.points)) {
      at("itemsText", `最高一档 ${formatPoints(Math.max(...points))} 分，应等于分值 ${formatPoints(value.points)} 分`);
    }
  });

export type NodeInput = z.output<typeof NodeSchema>;

/** The row and the leaf's rule (if any) a checked form describes. */
export function nodeFromInput(value: NodeInput): { node: FlatNode; rule: LeafRuleText | null } {
  const parsedRule = value.ruleText ? parseRuleText(value.ruleText) : null;
  return {
    node: {
      code: value.code,
      title: value.title,
      points: value.points,
      method: value.method ?? null,
      items: parseItemsText(value.itemsText ?? ""),
      evidence: value.evidence,
      bonus: value.bonus,
      source: value.source,
    },
    rule: parsedRule && !("error" in parsedRule) ? parsedRule : null,
  };
}
