// Which sections of a saved 公益创投 application are complete (the progress list
// beside the form). Pure.
import type { StoredApplication } from "./application-form";
import type { GrantDocumentKey } from "./documents";

export const SECTIONS = [
  { key: "basic", label: "基本信息" },
  { key: "area", label: "服务区域与社区" },
  { key: "beneficiaries", label: "受益对象" },
  { key: "needs", label: "需求分析" },
  { key: "goals", label: "项目目标" },
  { key: "milestones", label: "活动与里程碑" },
  { key: "indicators", label: "产出与成效指标" },
  { key: "team", label: "项目团队" },
  { key: "budget", label: "预算" },
  { key: "attachments", label: "附件" },
] as const;
export type SectionKey = (typeof SECTIONS)[number]["key"];

/** Which sections of a saved application are complete. */
export function sectionProgress(app: StoredApplication, documents: GrantDocumentKey[]) {
  const d = app.data;
  const done: Record<SectionKey, boolean> = {
    basic: !!app.title && !!app.category && !!app.projectStart && !!app.projectEnd,
    area: !!d.serviceArea && !!d.community,
    beneficiaries: !!d.beneficiaries && d.beneficiaryCount != null,
    needs: !!d.needs,
    goals: !!d.goals,
    milestones: app.milestones.length > 0 && app.milestones.every((m) => m.title && m.dueDate),
    indicators: app.indicators.length > 0 && app.indicators.every((i) => i.name && i.target),
    team: d.team.length > 0 && d.team.every((t) => t.name && t.role && (!t.socialWorker || t.certificate)),
    budget:
      app.budgetLines.length > 0 &&
      app.budgetLines.every((l) => l.category && l.description) &&
      d.declared != null &&
      d.declared.requestedFen != null &&
      d.declared.ownFen != null &&
      d.declared.matchedFen != null,
    attachments: documents.includes("plan"),
  };
  const sections = SECTIONS.map((s) => ({ ...s, complete: done[s.key] }));
  return { sections, completed: sections.filter((s) => s.complete).length, total: sections.length };
}
