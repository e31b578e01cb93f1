// The registration (登记) / filing (备案) application form: its fields, the
// draft and submit schemas, and the rules each organization type must meet.
// Pure: the rule numbers are passed in (from getRules()), the duplicate-name
// lookup and the file content check are passed in by the server.
import { z } from "zod";
import type { RuleValues } from "~/modules/config/rules";
import { CAPITAL_LABELS, ORG_CATEGORIES, ORG_TYPES, type OrgType } from "~/modules/organizations/labels";
import { fenToYuanInput, yuanToFen } from "~/utils/format";

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
export const APPLICATION_TYPE_OPTIONS: ReadonlyArray<{ value: OrgType; label: string }> = [
  { value: "SOCIAL_GROUP", label: "社会团体（登记）" },
  { value: "SOCIAL_SERVICE", label: "民办非企业单位 / 社会服务机构（登记）" },
  { value: "FOUNDATION", label: "基金会（登记）" },
  { value: "COMMUNITY", label: "社区社会组织（备案）" },
];

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

// ───────────────────────── Documents ─────────────────────────

export const REGISTRATION_DOCUMENTS = {
  charter: { purpose: "registration.charter", label: "章程草案" },
  premises: { purpose: "registration.premises", label: "住所证明" },
  capital: { purpose: "registration.capital", label: "验资证明" },
  persons: { purpose: "registration.persons", label: "负责人身份证明及简历" },
} as const;

export type DocumentKey = keyof typeof REGISTRATION_DOCUMENTS;
export const DOCUMENT_KEYS = Object.keys(REGISTRATION_DOCUMENTS) as DocumentKey[];
export const REGISTRATION_DOCUMENT_PURPOSES = DOCUMENT_KEYS.map((k) => REGISTRATION_DOCUMENTS[k].purpose);

/** The Attachment.subjectType of files belonging to an application. */
export const APPLICATION_SUBJECT_TYPE = "RegistrationApplication";

/** The documents the kind needs: a 备案 has no 验资证明. */
export function documentsFor(kind: ApplicationKind): DocumentKey[] {
  return kind === "FILING" ? ["charter", "premises", "persons"] : ["charter", "premises", "capital", "persons"];
}

export function documentKeyOfPurpose(purpose: string): DocumentKey | null {
  return DOCUMENT_KEYS.find((k) => REGISTRATION_DOCUMENTS[k].purpose === purpose) ?? null;
}

/** Which documents a list of stored attachments covers. */
export function documentKeysOf(documents: Array<{ purpose: string }>): DocumentKey[] {
  return [...new Set(documents.map((d) => documentKeyOfPurpose(d.purpose)).filter((k): k is DocumentKey => k != null))];
}

/** The form field holding the upload for a document. */
export function documentFieldName(key: DocumentKey) {
  return `${key}File` as const;
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
  charterFile: z.any().optional(),
  premisesFile: z.any().optional(),
  capitalFile: z.any().optional(),
  personsFile: z.any().optional(),
});

export type ApplicationFormValues = z.input<typeof ApplicationFields>;
type ParsedFields = z.output<typeof ApplicationFields>;

function toInt(value: string | undefined) {
  return value != null && /^\d{1,7}$/.test(value) ? Number(value) : undefined;
}

type PersonRow = Partial<ResponsiblePerson> | null | undefined;

function isBlankPerson(p: PersonRow) {
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

// ───────────────────────── Rules ─────────────────────────

export type FieldIssue = { path: (string | number)[]; message: string };

/** The rule values this form needs, as returned by getRules(). */
export type RegistrationRules = Pick<
  RuleValues,
  | "registration.socialGroup.minIndividualMembers"
  | "registration.socialGroup.minUnitMembers"
  | "registration.socialGroup.minMixedMembers"
  | "registration.socialGroup.minCapitalLocalFen"
  | "registration.socialGroup.minCapitalNationalFen"
  | "registration.foundation.minCapitalNationalPublicFen"
  | "registration.foundation.minCapitalLocalPublicFen"
  | "registration.foundation.minCapitalNonPublicFen"
  | "registration.foundation.minDirectors"
  | "registration.foundation.maxDirectors"
  | "registration.localNameForbiddenWords"
  | "registration.directCategories"
>;

/** Only associations and foundations can be national; everything else this authority registers is local. */
export function isLocalBody(data: Pick<ApplicationData, "orgType" | "level">) {
  return !(hasScopeLevel(data.orgType) && data.level === "NATIONAL");
}

/** The forbidden words (e.g. 中国, 全国, 中华) that occur in a name. */
export function forbiddenWordsIn(name: string, words: string[]) {
  return words.filter((w) => w && name.includes(w));
}

export function localNameIssue(name: string, words: string[]): string | null {
  const found = forbiddenWordsIn(name, words);
  if (!found.length) return null;
  return `地方性社会组织名称不得含有${found.map((w) => `「${w}」`).join("、")}字样`;
}

/**
 * 社会团体 membership: enough individual members, or enough unit members, or
 * (both kinds together) enough members in total.
 */
export function membersIssue(individuals: number, units: number, rules: RegistrationRules): string | null {
  const minIndividuals = rules["registration.socialGroup.minIndividualMembers"];
  const minUnits = rules["registration.socialGroup.minUnitMembers"];
  const minMixed = rules["registration.socialGroup.minMixedMembers"];
  if (individuals >= minIndividuals) return null;
  if (units >= minUnits) return null;
  if (individuals > 0 && units > 0 && individuals + units >= minMixed) return null;
  return (
    `会员数量不足：社会团体须有 ${minIndividuals} 个以上个人会员，或 ${minUnits} 个以上单位会员，` +
    `或个人会员与单位会员合计 ${minMixed} 个以上（现有个人会员 ${individuals} 个、单位会员 ${units} 个）`
  );
}

/** The minimum capital in 分 for the type, level and fundraising kind; null when none applies. */
export function minimumCapitalFen(
  data: Pick<ApplicationData, "orgType" | "level" | "fundraising">,
  rules: RegistrationRules,
): { fen: number; description: string } | null {
  const local = isLocalBody(data);
  if (data.orgType === "SOCIAL_GROUP") {
    return local
      ? { fen: rules["registration.socialGroup.minCapitalLocalFen"], description: "地方性社会团体的活动资金" }
      : { fen: rules["registration.socialGroup.minCapitalNationalFen"], description: "全国性社会团体的活动资金" };
  }
  if (data.orgType === "FOUNDATION") {
    if (data.fundraising === "NON_PUBLIC") {
      return { fen: rules["registration.foundation.minCapitalNonPublicFen"], description: "非公募基金会的原始基金" };
    }
    if (data.fundraising === "PUBLIC") {
      return local
        ? { fen: rules["registration.foundation.minCapitalLocalPublicFen"], description: "地方性公募基金会的原始基金" }
        : {
            fen: rules["registration.foundation.minCapitalNationalPublicFen"],
            description: "全国性公募基金会的原始基金",
          };
    }
  }
  return null;
}

export function supervisingUnitRequired(category: string | undefined, rules: RegistrationRules) {
  return !!category && !rules["registration.directCategories"].includes(category);
}

/**
 * The rules an organization type must meet, each reported at its field. Only
 * checks what was filled in; missing fields are reported by checkCompleteness.
 */
export function checkTypeRules(data: ApplicationData, rules: RegistrationRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (data.proposedName && isLocalBody(data)) {
    const message = localNameIssue(data.proposedName, rules["registration.localNameForbiddenWords"]);
    if (message) issues.push({ path: ["proposedName"], message });
  }
  if (data.orgType === "SOCIAL_GROUP") {
    const message = membersIssue(data.individualMembers ?? 0, data.unitMembers ?? 0, rules);
    if (message) issues.push({ path: ["individualMembers"], message });
  }
  if (data.capitalFen != null) {
    const minimum = minimumCapitalFen(data, rules);
    if (minimum && data.capitalFen < minimum.fen) {
      issues.push({ path: ["capital"], message: `${minimum.description}不得少于 ${yuanText(minimum.fen)}` });
    }
  }
  if (data.orgType === "FOUNDATION" && data.directors != null) {
    const min = rules["registration.foundation.minDirectors"];
    const max = rules["registration.foundation.maxDirectors"];
    if (data.directors < min || data.directors > max) {
      issues.push({ path: ["directors"], message: `基金会理事人数应为 ${min} 至 ${max} 人` });
    }
  }
  // A 备案 community group is guided by its street office; the supervising-unit rule is for 登记.
  if (
    kindForType(data.orgType) === "REGISTRATION" &&
    !data.supervisingUnit &&
    supervisingUnitRequired(data.category, rules)
  ) {
    issues.push({
      path: ["supervisingUnit"],
      message: `业务类别为「${data.category}」的须填写业务主管单位（${rules["registration.directCategories"].join("、")}可直接登记）`,
    });
  }
  return issues;
}

/** What a submitted application must contain, by type. */
export function checkCompleteness(data: ApplicationData, rows: PersonRow[] = data.persons): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (ok === undefined || ok === null || ok === "") issues.push({ path: [path], message });
  };
  const type = data.orgType;
  need(data.proposedName, "proposedName", "请填写拟定名称");
  need(data.address, "address", "请填写住所");
  need(data.area, "area", "请填写活动地域");
  need(data.areaCode, "areaCode", "请填写行政区划代码");
  need(data.purpose, "purpose", "请填写宗旨");
  need(data.scope, "scope", "请填写业务范围");
  need(data.category, "category", "请选择业务类别");
  need(data.legalRepresentative, "legalRepresentative", `请填写${legalRepresentativeLabel(type)}`);
  if (kindForType(type) === "REGISTRATION") need(data.capitalFen, "capital", `请填写${CAPITAL_LABELS[type]}`);
  if (hasScopeLevel(type)) need(data.level, "level", "请选择全国性或地方性");
  if (type === "FOUNDATION") {
    need(data.fundraising, "fundraising", "请选择公募或非公募");
    need(data.directors, "directors", "请填写理事人数");
  }
  // Rows are checked as they are on screen (blank ones skipped), so each message lands on its row.
  rows.forEach((row, index) => {
    if (isBlankPerson(row)) return;
    if (!row?.name) issues.push({ path: ["persons", index, "name"], message: "请填写姓名" });
    if (!row?.title) issues.push({ path: ["persons", index, "title"], message: "请填写职务" });
    if (!row?.phone) issues.push({ path: ["persons", index, "phone"], message: "请填写联系电话" });
  });
  if (rows.every(isBlankPerson)) issues.push({ path: ["persons"], message: "请至少填写一位负责人" });
  return issues;
}

/** The documents still missing: required for the kind, neither uploaded now nor before. */
export function missingDocuments(
  kind: ApplicationKind,
  uploaded: DocumentKey[],
  existing: DocumentKey[],
): DocumentKey[] {
  return documentsFor(kind).filter((k) => !uploaded.includes(k) && !existing.includes(k));
}

export type ApplicationSchemaOptions = {
  rules: RegistrationRules;
  /** Documents already stored for this application. */
  existingDocuments: DocumentKey[];
  /** The check of one uploaded file: content-sniffing on the server, presence in the browser. */
  fileSchema: z.ZodTypeAny;
};

function withFiles(fileSchema: z.ZodTypeAny) {
  const fileField = fileSchema.optional();
  return ApplicationFields.extend({
    charterFile: fileField,
    premisesFile: fileField,
    capitalFile: fileField,
    personsFile: fileField,
  });
}

type FieldsWithFiles = z.output<ReturnType<typeof withFiles>>;

/** Everything 提交申请 adds to the format checks, except the server's duplicate-name lookup. */
export function submitIssues(values: FieldsWithFiles, options: ApplicationSchemaOptions): FieldIssue[] {
  const data = toApplicationData(values);
  const issues = [...checkCompleteness(data, values.persons ?? []), ...checkTypeRules(data, options.rules)];
  const uploaded = DOCUMENT_KEYS.filter((k) => values[documentFieldName(k)] != null);
  for (const key of missingDocuments(kindForType(data.orgType), uploaded, options.existingDocuments)) {
    issues.push({ path: [documentFieldName(key)], message: `请上传${REGISTRATION_DOCUMENTS[key].label}` });
  }
  return issues;
}

function addIssues(ctx: z.RefinementCtx, issues: FieldIssue[]) {
  for (const issue of issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
}

function toResult(values: FieldsWithFiles) {
  const files: Partial<Record<DocumentKey, File>> = {};
  for (const key of documentsFor(kindForType(values.orgType))) {
    const file = values[documentFieldName(key)];
    if (file instanceof File) files[key] = file;
  }
  return { intent: values.intent, data: toApplicationData(values), files };
}

/**
 * The browser's schema (synchronous, for conform's onValidate). 保存草稿
 * (intent "save") checks formats only; 提交申请 (intent "submit") adds
 * completeness, the type rules and the documents.
 */
export function buildApplicationSchema(options: ApplicationSchemaOptions) {
  return withFiles(options.fileSchema)
    .superRefine((values, ctx) => {
      if (values.intent === "submit") addIssues(ctx, submitIssues(values, options));
    })
    .transform(toResult);
}

/**
 * The server's schema: the same checks, plus `nameTaken` (a message when another
 * organization already uses the name). Parse it with `async: true`.
 */
export function buildServerApplicationSchema(
  options: ApplicationSchemaOptions & { nameTaken: (name: string) => Promise<string | null> },
) {
  return withFiles(options.fileSchema)
    .superRefine(async (values, ctx) => {
      if (values.intent !== "submit") return;
      const issues = submitIssues(values, options);
      const name = values.proposedName;
      if (name && !issues.some((i) => i.path[0] === "proposedName")) {
        const message = await options.nameTaken(name);
        if (message) issues.push({ path: ["proposedName"], message });
      }
      addIssues(ctx, issues);
    })
    .transform(toResult);
}

/**
 * Which fields are required for the chosen type (for the * mark). The form
 * has noValidate, so these never block 保存草稿.
 */
export function requiredFields(
  type: OrgType,
  category: string | undefined,
  rules: RegistrationRules,
  existingDocuments: DocumentKey[],
): string[] {
  const kind = kindForType(type);
  const fields = [
    "orgType",
    "proposedName",
    "address",
    "area",
    "areaCode",
    "purpose",
    "scope",
    "category",
    "legalRepresentative",
  ];
  if (kind === "REGISTRATION") fields.push("capital");
  if (kind === "REGISTRATION" && supervisingUnitRequired(category, rules)) fields.push("supervisingUnit");
  if (hasScopeLevel(type)) fields.push("level");
  if (type === "FOUNDATION") fields.push("fundraising", "directors");
  for (const key of documentsFor(kind)) if (!existingDocuments.includes(key)) fields.push(documentFieldName(key));
  return fields;
}
