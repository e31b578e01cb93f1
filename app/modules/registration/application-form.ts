// The registration (登记) / filing (备案) application form: the kinds and
// labels, what RegistrationApplication.data holds and its fields as typed.
// The rules each organization type must meet are in application-rules.ts, the
// draft and submit schemas in application-schema.ts, the documents in
// documents.ts. Pure.
import { z } from "zod";
import { ORG_CATEGORIES, ORG_TYPE_LABELS, ORG_TYPES, type OrgType } from "~/modules/organizations/labels";
import { fenToYuanInput, yuanToFen } from "~/utils/format";
import { registrationDocuments } from "./documents";

export const APPLICATION_KINDS = ["REGISTRATION", "FILING"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  REGISTRATION: "登记",
  FILING: "备案",
};

/** 社区社会组织 file a lighter 备案; the three other types apply for 登记. */
export function kindForType(type: OrgType): ApplicationKind {
  return type === "COMMUNITY" ? "FILING" : "REGISTRATION";
}

export function applicationKindLabel(kind: string) {
  return APPLICATION_KIND_LABELS[kind as ApplicationKind] ?? kind;
}

/** What the applicant picks: the type decides whether it is 登记 or 备案. */
export const APPLICATION_TYPE_OPTIONS: ReadonlyArray<{ value: OrgType; label: string }> = ORG_TYPES.map((type) => ({
  value: type,
  label: `${ORG_TYPE_LABELS[type]}（${APPLICATION_KIND_LABELS[kindForType(type)]}）`,
}));

export const SCOPE_LEVELS = ["LOCAL", "NATIONAL"] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];
export const SCOPE_LEVEL_LABELS: Record<ScopeLevel, string> = { LOCAL: "地方性", NATIONAL: "全国性" };

export const FUNDRAISING_KINDS = ["PUBLIC", "NON_PUBLIC"] as const;
export type FundraisingKind = (typeof FUNDRAISING_KINDS)[number];
export const FUNDRAISING_LABELS: Record<FundraisingKind, string> = { PUBLIC: "公募基金会", NON_PUBLIC: "非公募基金会" };

/** Types whose form asks whether the body is national or local. */
export function hasScopeLevel(type: OrgType) {
  return type === "SOCIAL_GROUP" || type === "FOUNDATION";
}

/** 法定代表人 for legal persons; a 备案 community group has a 负责人. */
export function legalRepresentativeLabel(type: OrgType) {
  return type === "COMMUNITY" ? "负责人" : "法定代表人";
}

// ───────────────────────── Stored data ─────────────────────────

export type ResponsiblePerson = { name: string; title: string; phone: string };

/** What RegistrationApplication.data holds. Drafts may leave anything out. */
export type ApplicationData = {
  orgType: OrgType;
  proposedName?: string;
  address?: string;
  area?: string;
  areaCode?: string;
  purpose?: string;
  scope?: string;
  category?: (typeof ORG_CATEGORIES)[number];
  supervisingUnit?: string;
  legalRepresentative?: string;
  persons: Partial<ResponsiblePerson>[];
  /** 活动资金 / 开办资金 / 原始基金 in 分 */
  capitalFen?: number;
  level?: ScopeLevel;
  individualMembers?: number;
  unitMembers?: number;
  fundraising?: FundraisingKind;
  directors?: number;
};

const StoredDataSchema = z
  .object({
    orgType: z.enum(ORG_TYPES),
    proposedName: z.string().optional(),
    address: z.string().optional(),
    area: z.string().optional(),
    areaCode: z.string().optional(),
    purpose: z.string().optional(),
    scope: z.string().optional(),
    category: z.enum(ORG_CATEGORIES).optional(),
    supervisingUnit: z.string().optional(),
    legalRepresentative: z.string().optional(),
    persons: z
      .array(z.object({ name: z.string().optional(), title: z.string().optional(), phone: z.string().optional() }))
      .catch([]),
    capitalFen: z.number().int().nonnegative().optional(),
    level: z.enum(SCOPE_LEVELS).optional(),
    individualMembers: z.number().int().nonnegative().optional(),
    unitMembers: z.number().int().nonnegative().optional(),
    fundraising: z.enum(FUNDRAISING_KINDS).optional(),
    directors: z.number().int().nonnegative().optional(),
  })
  .partial({ persons: true });

/** Reads RegistrationApplication.data; anything unreadable is dropped, the type comes from the column. */
export function parseApplicationData(json: string, orgType: string): ApplicationData {
  const type = (ORG_TYPES as readonly string[]).includes(orgType) ? (orgType as OrgType) : "SOCIAL_SERVICE";
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = StoredDataSchema.safeParse({ ...(raw as object), orgType: type });
  if (!parsed.success) return { orgType: type, persons: [] };
  return { ...parsed.data, orgType: type, persons: parsed.data.persons ?? [] };
}

/** 分 → "30,000 元" for messages. */
export function yuanText(fen: number) {
  const cents = fen % 100;
  const yuan = Math.floor(fen / 100).toLocaleString("en-US");
  return cents ? `${yuan}.${String(cents).padStart(2, "0")} 元` : `${yuan} 元`;
}

/** The values the form starts with, from stored data (or the defaults of a new application). */
export function formDefaults(data: ApplicationData, defaultAreaCode: string) {
  return {
    orgType: data.orgType,
    proposedName: data.proposedName ?? "",
    address: data.address ?? "",
    area: data.area ?? "",
    areaCode: data.areaCode ?? defaultAreaCode,
    purpose: data.purpose ?? "",
    scope: data.scope ?? "",
    category: data.category ?? "",
    supervisingUnit: data.supervisingUnit ?? "",
    legalRepresentative: data.legalRepresentative ?? "",
    persons: data.persons.length
      ? data.persons.map((p) => ({ name: p.name ?? "", title: p.title ?? "", phone: p.phone ?? "" }))
      : [{ name: "", title: "", phone: "" }],
    capital: fenToYuanInput(data.capitalFen),
    level: data.level ?? "LOCAL",
    individualMembers: data.individualMembers == null ? "" : String(data.individualMembers),
    unitMembers: data.unitMembers == null ? "" : String(data.unitMembers),
    fundraising: data.fundraising ?? "",
    directors: data.directors == null ? "" : String(data.directors),
  };
}

// ───────────────────────── Form schema ─────────────────────────

export const FORM_INTENTS = ["save", "submit"] as const;
export type FormIntent = (typeof FORM_INTENTS)[number];

/** Mainland mobile, or a landline such as 025-52171326. */
export const CONTACT_PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 个字`).optional();
const count = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, `${label}请填写整数`)
    .optional();

const PersonFields = z
  .object({
    name: text(30, "姓名"),
    title: text(30, "职务"),
    phone: z.string().trim().regex(CONTACT_PHONE_RE, "请输入有效的手机号码或固定电话（如 025-52171326）").optional(),
  })
  .optional();

/** The fields as typed (format checks only): what a draft must satisfy. */
export const ApplicationFields = z.object({
  intent: z.enum(FORM_INTENTS).catch("save"),
  orgType: z.enum(ORG_TYPES, { required_error: "请选择申请类型", invalid_type_error: "请选择申请类型" }),
  proposedName: text(50, "名称"),
  address: text(100, "住所"),
  area: text(50, "活动地域"),
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "行政区划代码应为 6 位数字")
    .optional(),
  purpose: text(500, "宗旨"),
  scope: text(500, "业务范围"),
  category: z.enum(ORG_CATEGORIES, { invalid_type_error: "请选择业务类别" }).optional(),
  supervisingUnit: text(50, "业务主管单位"),
  legalRepresentative: text(30, "姓名"),
  persons: z.array(PersonFields).max(20, "负责人最多填写 20 位").optional(),
  capital: z
    .string()
    .trim()
    .refine((s) => yuanToFen(s) != null, "请输入金额（元），最多两位小数，例如 30000")
    .optional(),
  level: z.enum(SCOPE_LEVELS, { invalid_type_error: "请选择全国性或地方性" }).optional(),
  individualMembers: count("个人会员数"),
  unitMembers: count("单位会员数"),
  fundraising: z.enum(FUNDRAISING_KINDS, { invalid_type_error: "请选择公募或非公募" }).optional(),
  directors: count("理事人数"),
  ...registrationDocuments.fileFields(z.any()),
});

export type ApplicationFormValues = z.input<typeof ApplicationFields>;
export type ParsedFields = z.output<typeof ApplicationFields>;

function toInt(value: string | undefined) {
  return value != null && /^\d{1,7}$/.test(value) ? Number(value) : undefined;
}

export type PersonRow = Partial<ResponsiblePerson> | null | undefined;

export function isBlankPerson(p: PersonRow) {
  return !p || (!p.name && !p.title && !p.phone);
}

/** Form values → stored data. Fields left out, or not in the chosen type's form, are dropped. */
export function toApplicationData(values: ParsedFields): ApplicationData {
  const type = values.orgType;
  const fen = values.capital ? yuanToFen(values.capital) : null;
  const data: ApplicationData = {
    orgType: type,
    proposedName: values.proposedName || undefined,
    address: values.address || undefined,
    area: values.area || undefined,
    areaCode: values.areaCode || undefined,
    purpose: values.purpose || undefined,
    scope: values.scope || undefined,
    category: values.category,
    supervisingUnit: values.supervisingUnit || undefined,
    legalRepresentative: values.legalRepresentative || undefined,
    persons: (values.persons ?? [])
      .filter((p) => !isBlankPerson(p))
      .map((p) => ({ name: p?.name || undefined, title: p?.title || undefined, phone: p?.phone || undefined })),
    capitalFen: fen ?? undefined,
  };
  if (hasScopeLevel(type)) data.level = values.level;
  if (type === "SOCIAL_GROUP") {
    data.individualMembers = toInt(values.individualMembers);
    data.unitMembers = toInt(values.unitMembers);
  }
  if (type === "FOUNDATION") {
    data.fundraising = values.fundraising;
    data.directors = toInt(values.directors);
  }
  // Drop undefined keys so the stored JSON stays small and readable.
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as ApplicationData;
}
