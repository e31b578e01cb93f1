// Which sections of a saved 公益创投 application are complete (the progress list
// beside the form). Pure.
import type { StoredApplication } from "./application-form";
import { checkSavedBudget, type BudgetRules } from "./budget-checks";
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

/** The section a budget-rule issue is shown in (by its field: projectEnd, milestones[0].date, requestedTotal…). */
function sectionOfIssue(path: (string | number)[]): SectionKey {
  if (path[0] === "projectEnd") return "basic";
  if (path[0] === "milestones") return "milestones";
  return "budget";
}

/** The call's rules that the saved application breaks, by section: they will stop 提交. */
export function sectionProblems(app: StoredApplication, rules: BudgetRules) {
  const problems = new Map<SectionKey, string[]>();
  for (const issue of checkSavedBudget(rules, app)) {
    const key = sectionOfIssue(issue.path);
    problems.set(key, [...(problems.get(key) ?? []), issue.message]);
  }
  return problems;
}

/**
 * Which sections of a saved application are complete: filled in, and holding no
 * break of the call's rules (a section with one is not done, #19 item 10).
 */
export function sectionProgress(app: StoredApplication, documents: GrantDocumentKey[], rules: BudgetRules) {
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
  const problems = sectionProblems(app, rules);
  const sections = SECTIONS.map((s) => {
    const found = problems.get(s.key) ?? [];
    return { ...s, complete: done[s.key] && found.length === 0, problems: found };
  });
  return { sections, completed: sections.filter((s) => s.complete).length, total: sections.length };
}
