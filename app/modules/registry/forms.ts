// The forms on the staff organization page. Pure, so the browser checks them too.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";
import { yuanToFen } from "~/utils/format";
import { CREDIT_KINDS } from "./credit";

/** A date typed in an <input type=date> that has already happened (today at the latest). */
function pastDate(label: string) {
  return z
    .string({ required_error: `请选择${label}` })
    .refine((v) => parseDateInput(v) != null, `请选择有效的${label}`)
    .refine((v) => {
      const date = parseDateInput(v);
      return date == null || date.getTime() <= Date.now();
    }, `${label}不能晚于今天`);
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((v) => v || null);

const reason = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(2, `${label}至少 2 个字`)
    .max(500, `${label}最多 500 个字`);

export const ChangeSchema = z.object({
  intent: z.literal("change"),
  name: z.string({ required_error: "请填写名称" }).trim().min(2, "名称至少 2 个字").max(100, "名称最多 100 个字"),
  address: optionalText(200, "住所"),
  purpose: optionalText(2000, "宗旨"),
  scope: optionalText(2000, "业务范围"),
  area: optionalText(100, "活动地域"),
  legalRepresentative: optionalText(50, "法定代表人"),
  capitalYuan: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || yuanToFen(v) != null, "请输入金额（元），如 30000 或 30,000.50，最多两位小数"),
  supervisingUnit: optionalText(100, "业务主管单位"),
  effectiveAt: pastDate("变更日期"),
  reason: reason("变更原因"),
});

export const DeregisterSchema = z.object({
  intent: z.literal("deregister"),
  effectiveAt: pastDate("注销日期"),
  reason: reason("注销理由"),
});

export const RevokeSchema = z.object({
  intent: z.literal("revoke"),
  effectiveAt: pastDate("撤销日期"),
  reason: reason("撤销理由"),
});

export const CreditSchema = z.object({
  intent: z.literal("credit"),
  kind: z.enum(CREDIT_KINDS, { required_error: "请选择信用信息类别", invalid_type_error: "请选择信用信息类别" }),
  description: z
    .string({ required_error: "请填写具体情况" })
    .trim()
    .min(4, "具体情况至少 4 个字")
    .max(1000, "具体情况最多 1000 个字"),
  authority: optionalText(100, "决定机关"),
  decidedAt: pastDate("决定日期"),
});

export const CreditEndSchema = z.object({
  intent: z.literal("credit-end"),
  recordId: z.string({ required_error: "缺少记录" }).min(1),
  endedAt: pastDate("移出日期"),
  note: optionalText(200, "说明"),
});

export const GradeSchema = z.object({
  intent: z.literal("grade"),
  grade: z.coerce
    .number({ required_error: "请选择评估等级", invalid_type_error: "请选择评估等级" })
    .int()
    .min(1, "请选择评估等级")
    .max(5, "请选择评估等级"),
  announcedAt: pastDate("公告日期"),
  note: optionalText(200, "备注"),
});

/** The forms of the staff's organization page, by their hidden `intent`. */
export type OrgIntent = z.infer<
  | typeof ChangeSchema
  | typeof DeregisterSchema
  | typeof RevokeSchema
  | typeof CreditSchema
  | typeof CreditEndSchema
  | typeof GradeSchema
>["intent"];
