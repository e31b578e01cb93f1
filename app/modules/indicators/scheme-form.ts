// The scheme's own fields (name, purpose, type, total) as the staff form checks them.
import { z } from "zod";
import { hasOneDecimal, SCHEME_PURPOSES } from "./tree";

/** The organization types a rating scheme is written for (organizations/labels.ts codes). */
export const SCHEME_ORG_TYPES = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION"] as const;

const points = (label: string) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}应为数字` })
    .refine(hasOneDecimal, `${label}最多保留一位小数`);

export const SchemeMetaFields = {
  title: z.string({ required_error: "请填写名称" }).trim().min(1, "请填写名称").max(100, "名称最多 100 个字"),
  purpose: z.enum(SCHEME_PURPOSES, { required_error: "请选择用途", invalid_type_error: "请选择用途" }),
  orgType: z
    .enum(SCHEME_ORG_TYPES, { invalid_type_error: "请选择适用的组织类型" })
    .optional()
    .transform((v) => v ?? null),
  subtype: z
    .string()
    .trim()
    .max(50, "细分类型最多 50 个字")
    .optional()
    .transform((v) => v || null),
  totalPoints: points("总分").refine((v) => v > 0, "总分应大于 0"),
  bonusCap: points("加分上限")
    .refine((v) => v >= 0, "加分上限不能为负数")
    .optional()
    .transform((v) => v ?? 0),
};

export const SchemeMetaSchema = z.object(SchemeMetaFields);
