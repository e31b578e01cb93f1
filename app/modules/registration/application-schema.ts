// The draft and submit schemas of the registration application form, and
// which fields the chosen type requires. Pure: the rule numbers, the
// duplicate-name lookup and the file content check are passed in.
import { z } from "zod";
import type { OrgType } from "~/modules/organizations/labels";
import { ApplicationFields, hasScopeLevel, kindForType, toApplicationData } from "./application-form";
import {
  checkCompleteness,
  checkTypeRules,
  supervisingUnitRequired,
  type FieldIssue,
  type RegistrationRules,
} from "./application-rules";
import { documentsFor, missingDocuments, registrationDocuments, type DocumentKey } from "./documents";

export type ApplicationSchemaOptions = {
  rules: RegistrationRules;
  /** Documents already stored for this application. */
  existingDocuments: DocumentKey[];
  /** The check of one uploaded file: content-sniffing on the server, presence in the browser. */
  fileSchema: z.ZodTypeAny;
};

function withFiles(fileSchema: z.ZodTypeAny) {
  return ApplicationFields.extend(registrationDocuments.fileFields(fileSchema));
}

type FieldsWithFiles = z.output<ReturnType<typeof withFiles>>;

/** Everything 提交申请 adds to the format checks, except the server's duplicate-name lookup. */
export function submitIssues(values: FieldsWithFiles, options: ApplicationSchemaOptions): FieldIssue[] {
  const data = toApplicationData(values);
  const issues = [...checkCompleteness(data, values.persons ?? []), ...checkTypeRules(data, options.rules)];
  const uploaded = registrationDocuments.uploadedKeys(values);
  for (const key of missingDocuments(kindForType(data.orgType), uploaded, options.existingDocuments)) {
    issues.push({ path: [registrationDocuments.fieldName(key)], message: `请上传${registrationDocuments.label(key)}` });
  }
  return issues;
}

function addIssues(ctx: z.RefinementCtx, issues: FieldIssue[]) {
  for (const issue of issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
}

function toResult(values: FieldsWithFiles) {
  const files = registrationDocuments.filesFrom(values, documentsFor(kindForType(values.orgType)));
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
  for (const key of documentsFor(kind))
    if (!existingDocuments.includes(key)) fields.push(registrationDocuments.fieldName(key));
  return fields;
}
