// The 公益创投 project application form: its fields and choices, what is stored
// where (the JSON data column), and the form's default values. The schemas are in
// application-schema.ts, the section progress in application-progress.ts. Pure.
import { z } from "zod";
import { toDateInput } from "~/utils/dates";
import { fenToYuanInput } from "~/utils/format";

// Defined beside the documents (whose Attachment.subjectType it is); read from here by the other grant modules.
export { GRANT_SUBJECT_TYPE } from "./documents";

export const INDICATOR_KINDS = ["OUTPUT", "OUTCOME"] as const;
export const INDICATOR_KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], string> = {
  OUTPUT: "产出指标",
  OUTCOME: "成效指标",
};
export const SOCIAL_WORKER_LEVELS = ["ASSISTANT", "SOCIAL_WORKER", "SENIOR"] as const;
export const SOCIAL_WORKER_LEVEL_LABELS: Record<(typeof SOCIAL_WORKER_LEVELS)[number], string> = {
  ASSISTANT: "助理社会工作师",
  SOCIAL_WORKER: "社会工作师",
  SENIOR: "高级社会工作师",
};

// ───────────────────────── Stored shape ─────────────────────────

export type TeamMember = { name?: string; role?: string; socialWorker?: boolean; certificate?: string };

/** What GrantApplication.data holds (the narrative sections and the team). */
export type GrantApplicationData = {
  serviceArea?: string;
  community?: string;
  beneficiaries?: string;
  beneficiaryCount?: number;
  needs?: string;
  goals?: string;
  team: TeamMember[];
  /**
   * the budget's totals: computed from the lines since #19 item 10; an older application
   * may hold totals typed by hand (null when left blank), checked against its lines at screening
   */
  declared?: { requestedFen: number | null; ownFen: number | null; matchedFen: number | null };
};

const StoredData = z.object({
  serviceArea: z.string().optional().catch(undefined),
  community: z.string().optional().catch(undefined),
  beneficiaries: z.string().optional().catch(undefined),
  beneficiaryCount: z.number().int().nonnegative().optional().catch(undefined),
  needs: z.string().optional().catch(undefined),
  goals: z.string().optional().catch(undefined),
  team: z
    .array(
      z.object({
        name: z.string().optional(),
        role: z.string().optional(),
        socialWorker: z.boolean().optional(),
        certificate: z.string().optional(),
      }),
    )
    .catch([]),
  declared: z
    .object({
      requestedFen: z.number().int().nullable(),
      ownFen: z.number().int().nullable(),
      matchedFen: z.number().int().nullable(),
    })
    .optional()
    .catch(undefined),
});

export function parseGrantData(json: string): GrantApplicationData {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = StoredData.safeParse(raw ?? {});
  return parsed.success ? { ...parsed.data, team: parsed.data.team ?? [] } : { team: [] };
}

/** Everything the form shows, as stored (columns, data JSON and rows). */
export type StoredApplication = {
  title: string;
  category: string | null;
  projectStart: Date | null;
  projectEnd: Date | null;
  requestedFen: number;
  ownFen: number;
  matchedFen: number;
  data: GrantApplicationData;
  milestones: Array<{ title: string; description: string | null; dueDate: Date }>;
  indicators: Array<{ kind: string; name: string; target: string }>;
  budgetLines: Array<{
    category: string;
    description: string;
    requestedFen: number;
    ownFen: number;
    matchedFen: number;
  }>;
};

const BLANK_MILESTONE = { title: "", date: "", description: "" };
const BLANK_INDICATOR = { kind: "OUTPUT", name: "", target: "" };
const BLANK_MEMBER = { name: "", role: "", socialWorker: "no", certificate: "" };
const BLANK_LINE = { category: "", description: "", requested: "", own: "", matched: "" };
export const BLANK_ROWS = {
  milestones: BLANK_MILESTONE,
  indicators: BLANK_INDICATOR,
  team: BLANK_MEMBER,
  budget: BLANK_LINE,
};

/** The values the form starts with. */
export function grantFormDefaults(app: StoredApplication) {
  const d = app.data;
  return {
    title: app.title,
    category: app.category ?? "",
    projectStart: toDateInput(app.projectStart),
    projectEnd: toDateInput(app.projectEnd),
    serviceArea: d.serviceArea ?? "",
    community: d.community ?? "",
    beneficiaries: d.beneficiaries ?? "",
    beneficiaryCount: d.beneficiaryCount == null ? "" : String(d.beneficiaryCount),
    needs: d.needs ?? "",
    goals: d.goals ?? "",
    milestones: app.milestones.length
      ? app.milestones.map((m) => ({ title: m.title, date: toDateInput(m.dueDate), description: m.description ?? "" }))
      : [BLANK_MILESTONE],
    indicators: app.indicators.length
      ? app.indicators.map((i) => ({ kind: i.kind, name: i.name, target: i.target }))
      : [BLANK_INDICATOR],
    team: d.team.length
      ? d.team.map((t) => ({
          name: t.name ?? "",
          role: t.role ?? "",
          socialWorker: t.socialWorker ? "yes" : "no",
          certificate: t.certificate ?? "",
        }))
      : [BLANK_MEMBER],
    budget: app.budgetLines.length
      ? app.budgetLines.map((l) => ({
          category: l.category,
          description: l.description,
          requested: fenToYuanInput(l.requestedFen),
          own: fenToYuanInput(l.ownFen),
          matched: fenToYuanInput(l.matchedFen),
        }))
      : [BLANK_LINE],
  };
}

/** Submitting locks the application for screening: the button asks first (#19 item 9). */
export const GRANT_SUBMIT_CONFIRM = {
  label: "提交申报",
  message: "提交后申报内容将锁定并进入资格审查，不能再修改或撤回。",
};
