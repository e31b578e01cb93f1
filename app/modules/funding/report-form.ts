// The progress report form (#13 item 6): a narrative, the KPI actuals against
// their targets, the activities (date, what, how many people served: counts only,
// never who) and up to three photos. 保存草稿 checks formats only; 提交 checks
// everything. Pure: the browser and the server validate with the same schema.
import { z } from "zod";
import { defineDocumentSet } from "~/modules/attachments/document-set";
import { FILE_KINDS, IMAGE_KINDS } from "~/modules/attachments/file-types";
import { parseDateInput, toDateInput } from "~/utils/dates";

export const REPORT_FORM_ID = "report";

/** The report's photos, stored as Attachments of the report (org + staff only). */
export const reportPhotos = defineDocumentSet("GrantProgressReport", {
  photo1: { purpose: "grant_report.photo1", label: "活动照片 1" },
  photo2: { purpose: "grant_report.photo2", label: "活动照片 2" },
  photo3: { purpose: "grant_report.photo3", label: "活动照片 3" },
});
export type ReportPhotoKey = (typeof reportPhotos.keys)[number];

/** The photo inputs' accept list: images only. */
export const PHOTO_ACCEPT = IMAGE_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");

export const REPORT_SUBMIT_CONFIRM = {
  label: "提交报告",
  message: "提交后报告将由区民政局审核，审核期间不能修改。",
};

const text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 个字`).optional();
const number = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, `${label}请填写不小于 0 的数字，最多两位小数`)
    .optional();

const KpiRow = z.object({ kpiId: z.string().max(40), actual: number("完成值"), note: text(200, "说明") });
const ActivityRow = z.object({
  heldOn: z
    .string()
    .trim()
    .refine((s) => parseDateInput(s) != null, "日期格式不正确")
    .optional(),
  title: text(100, "活动名称"),
  peopleServed: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "服务人数请填写整数")
    .optional(),
});

/** The fields as typed: what 保存草稿 checks. */
export const ReportFields = z.object({
  intent: z.enum(["save", "submit"]).catch("save"),
  narrative: text(5000, "进展说明"),
  kpis: z.array(KpiRow).max(40).optional(),
  activities: z.array(ActivityRow).max(50, "活动最多 50 项").optional(),
  ...reportPhotos.fileFields(z.any()),
});
export type ReportFormValues = z.input<typeof ReportFields>;
type Parsed = z.output<typeof ReportFields>;

const filled = (row: Record<string, string | undefined> | undefined) => !!row && Object.values(row).some((v) => !!v);

/** The draft schema plus, when submitting, completeness: the schema every save runs through. */
export function buildReportSchema<F extends z.ZodTypeAny>(input: { kpiIds: string[]; fileSchema: F }) {
  return ReportFields.extend(reportPhotos.fileFields(input.fileSchema)).superRefine((v, ctx) => {
    const given = new Set((v.kpis ?? []).map((k) => k.kpiId));
    (v.kpis ?? []).forEach((k, i) => {
      if (!input.kpiIds.includes(k.kpiId))
        ctx.addIssue({ code: "custom", path: ["kpis", i, "actual"], message: "该指标不属于本项目" });
    });
    if (v.intent !== "submit") return;
    if ((v.narrative ?? "").length < 20) {
      ctx.addIssue({ code: "custom", path: ["narrative"], message: "请填写本期进展说明（至少 20 个字）" });
    }
    (v.kpis ?? []).forEach((k, i) => {
      if (!k.actual)
        ctx.addIssue({ code: "custom", path: ["kpis", i, "actual"], message: "请填写截至本期末的累计完成值" });
    });
    if (input.kpiIds.some((id) => !given.has(id))) {
      ctx.addIssue({ code: "custom", path: ["kpis"], message: "请填写每一项指标的完成值" });
    }
    const rows = (v.activities ?? []).filter(filled);
    if (rows.length === 0)
      ctx.addIssue({ code: "custom", path: ["activities"], message: "请至少填写一项本期开展的活动" });
    (v.activities ?? []).forEach((a, i) => {
      if (!filled(a)) return;
      if (!a.heldOn) ctx.addIssue({ code: "custom", path: ["activities", i, "heldOn"], message: "请填写活动日期" });
      if (!a.title) ctx.addIssue({ code: "custom", path: ["activities", i, "title"], message: "请填写活动名称" });
      if (!a.peopleServed) {
        ctx.addIssue({ code: "custom", path: ["activities", i, "peopleServed"], message: "请填写服务人数" });
      }
    });
  });
}

/** What a draft keeps (the typed strings, so a draft reopens exactly as left). */
export type ReportDraft = Pick<ReportFormValues, "narrative" | "kpis" | "activities">;

export function toDraft(v: Parsed): ReportDraft {
  return { narrative: v.narrative ?? "", kpis: v.kpis ?? [], activities: (v.activities ?? []).filter(filled) };
}

/** The rows a submitted report writes. */
export function toFiled(v: Parsed) {
  return {
    narrative: v.narrative ?? "",
    kpis: (v.kpis ?? []).map((k) => ({ kpiId: k.kpiId, actualValue: Number(k.actual), note: k.note || null })),
    activities: (v.activities ?? []).filter(filled).map((a, position) => ({
      heldOn: parseDateInput(a.heldOn!)!,
      title: a.title!,
      peopleServed: Number(a.peopleServed),
      position,
    })),
  };
}

export function parseDraft(json: string | null): ReportDraft | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as ReportDraft;
  } catch {
    return null;
  }
}

/** The form's starting values: the draft, else what was filed last, with a row per KPI. */
export function reportDefaults(input: {
  draft: string | null;
  narrative: string | null;
  kpis: { id: string }[];
  actuals: { kpiId: string; actualValue: number; note: string | null }[];
  activities: { heldOn: Date | string; title: string; peopleServed: number }[];
}): ReportFormValues {
  const draft = parseDraft(input.draft);
  const kpiValue = (id: string) => {
    const fromDraft = draft?.kpis?.find((k) => k.kpiId === id);
    if (fromDraft) return fromDraft;
    const a = input.actuals.find((x) => x.kpiId === id);
    return { kpiId: id, actual: a ? String(a.actualValue) : "", note: a?.note ?? "" };
  };
  const activities = draft
    ? (draft.activities ?? [])
    : input.activities.map((a) => ({
        heldOn: toDateInput(new Date(a.heldOn)),
        title: a.title,
        peopleServed: String(a.peopleServed),
      }));
  return {
    intent: "save",
    narrative: draft?.narrative ?? input.narrative ?? "",
    kpis: input.kpis.map((k) => kpiValue(k.id)),
    activities: activities.length ? activities : [{ heldOn: "", title: "", peopleServed: "" }],
  };
}
