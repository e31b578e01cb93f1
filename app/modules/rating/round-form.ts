// The staff's round editor (#12 item 4): what a round holds and the checks it passes. Pure:
// used by the form in the browser and by the save on the server. Every number is data on the
// round, defaulted from the rule values in force on the day the round is created.
import { z } from "zod";
import type { RuleValues } from "~/modules/config/rules";
import { addDays, parseDateInput, shanghaiParts, toDateInput } from "~/utils/dates";
import { BAND_GRADES, defaultBands, validateBands, type Band } from "./bands";
import { RULES_VERSIONS, rulesVersionAt } from "./rules-version";

export const ROUND_FORM = "rating-round";

/** The organization types rated with an indicator scheme (community groups are filed, not rated). */
export const RATED_ORG_TYPES = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION"] as const;
export type RatedOrgType = (typeof RATED_ORG_TYPES)[number];

const int = (label: string, min: number, max: number) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}须为整数` })
    .int(`${label}须为整数`)
    .min(min, `${label}须在 ${min}–${max} 之间`)
    .max(max, `${label}须在 ${min}–${max} 之间`);

const points = (label: string) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}须为数字` })
    .min(0, `${label}不能为负数`)
    .max(1000, `${label}不能超过 1000`);

const dateField = (label: string) =>
  z.string({ required_error: `请选择${label}` }).refine((v) => parseDateInput(v) !== null, `${label}不是有效日期`);

const schemeField = z.string().trim().optional();

export const RoundFormSchema = z
  .object({
    title: z.string({ required_error: "请填写评估名称" }).trim().max(60, "评估名称最多 60 个字"),
    year: int("年度", 2000, 2100),
    rulesVersion: z.enum(RULES_VERSIONS, { required_error: "请选择适用办法" }),
    schemeSOCIAL_GROUP: schemeField,
    schemeSOCIAL_SERVICE: schemeField,
    schemeFOUNDATION: schemeField,
    band5: points("5A 最低分"),
    band4: points("4A 最低分"),
    band3: points("3A 最低分"),
    band2: points("2A 最低分"),
    band1: points("1A 最低分"),
    applyOpensAt: dateField("申报开始日期"),
    applyClosesAt: dateField("申报截止日期"),
    reviewEndsAt: dateField("专家评估截止日期"),
    reviewersPerApplication: int("每份申请的评估专家人数", 1, 9),
    blind: z.boolean().default(false),
    publicityDays: int("公示天数", 1, 60),
    committeeMembers: int("评估委员会委员人数", 3, 99),
  })
  .superRefine((v, ctx) => {
    if (!v.schemeSOCIAL_GROUP && !v.schemeSOCIAL_SERVICE && !v.schemeFOUNDATION) {
      ctx.addIssue({ code: "custom", path: ["schemeSOCIAL_GROUP"], message: "请至少为一类组织选择指标体系" });
    }
    for (const message of validateBands(bandsOf(v))) {
      ctx.addIssue({ code: "custom", path: [`band${message[0]}`], message });
    }
    const opens = parseDateInput(v.applyOpensAt);
    const closes = parseDateInput(v.applyClosesAt);
    const ends = parseDateInput(v.reviewEndsAt);
    if (opens && closes && closes < opens) {
      ctx.addIssue({ code: "custom", path: ["applyClosesAt"], message: "申报截止日期不能早于开始日期" });
    }
    if (closes && ends && ends <= closes) {
      ctx.addIssue({ code: "custom", path: ["reviewEndsAt"], message: "专家评估截止日期应晚于申报截止日期" });
    }
  });

export type RoundFormValues = z.output<typeof RoundFormSchema>;

export function bandsOf(v: Pick<RoundFormValues, "band5" | "band4" | "band3" | "band2" | "band1">): Band[] {
  return BAND_GRADES.map((grade) => ({ grade, min: v[`band${grade}`] }));
}

/** The schemes chosen per organization type. */
export function schemesOf(v: RoundFormValues): { orgType: RatedOrgType; schemeId: string }[] {
  return RATED_ORG_TYPES.flatMap((orgType) => {
    const schemeId = v[`scheme${orgType}`];
    return schemeId ? [{ orgType, schemeId }] : [];
  });
}

type DefaultRules = Pick<
  RuleValues,
  | "rating.band5Min"
  | "rating.band4Min"
  | "rating.band3Min"
  | "rating.band2Min"
  | "rating.band1Min"
  | "rating.reviewersPerApplication"
  | "rating.reviewDays"
  | "rating.publicityDays"
  | "rating.committeeMembers"
>;

/** A new round on `today`: this year, the rules in force, the rule values' bands and counts. */
export function newRoundDefaults(rules: DefaultRules, today: Date) {
  const { year } = shanghaiParts(today);
  const closes = addDays(today, 30);
  return {
    title: `${year}年度社会组织等级评估`,
    year: String(year),
    rulesVersion: rulesVersionAt(today),
    ...Object.fromEntries(defaultBands(rules).map((b) => [`band${b.grade}`, String(b.min)])),
    applyOpensAt: toDateInput(today),
    applyClosesAt: toDateInput(closes),
    reviewEndsAt: toDateInput(addDays(closes, rules["rating.reviewDays"])),
    reviewersPerApplication: String(rules["rating.reviewersPerApplication"]),
    blind: "",
    publicityDays: String(rules["rating.publicityDays"]),
    committeeMembers: String(rules["rating.committeeMembers"]),
  };
}

/** A stored round back into the form. */
export function roundFormValues(round: {
  title: string;
  year: number;
  rulesVersion: string;
  bands: Band[];
  schemes: { orgType: string; schemeId: string }[];
  applyOpensAt: Date;
  applyClosesAt: Date;
  reviewEndsAt: Date;
  reviewersPerApplication: number;
  blind: boolean;
  publicityDays: number;
  committeeMembers: number;
}) {
  return {
    title: round.title,
    year: String(round.year),
    rulesVersion: round.rulesVersion,
    ...Object.fromEntries(round.schemes.map((s) => [`scheme${s.orgType}`, s.schemeId])),
    ...Object.fromEntries(round.bands.map((b) => [`band${b.grade}`, String(b.min)])),
    applyOpensAt: toDateInput(round.applyOpensAt),
    applyClosesAt: toDateInput(round.applyClosesAt),
    reviewEndsAt: toDateInput(round.reviewEndsAt),
    reviewersPerApplication: String(round.reviewersPerApplication),
    blind: round.blind ? "on" : "",
    publicityDays: String(round.publicityDays),
    committeeMembers: String(round.committeeMembers),
  };
}
