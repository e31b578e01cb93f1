// The workflows the app knows, by name, so code that must not depend on any
// area (the audit labels) can still read each workflow's state names.
// app/modules/workflows.ts registers every area's table; nothing else should.
import type { Workflow } from "./state-machine";

export type RegisteredWorkflow = Pick<Workflow<string>, "name" | "stateLabels" | "transitions">;

const byName = new Map<string, RegisteredWorkflow>();
/** Moves logged under their own action (TransitionRule.auditAction), e.g. "user.disable". */
const byAuditAction = new Map<string, RegisteredWorkflow>();

/** Adds the tables; a second, different table under a name already taken is a bug. */
export function registerWorkflows<const W extends readonly RegisteredWorkflow[]>(workflows: W): W {
  for (const workflow of workflows) {
    const known = byName.get(workflow.name);
    if (known && known !== workflow) throw new Error(`Two workflows are named "${workflow.name}"`);
    byName.set(workflow.name, workflow);
    for (const rule of workflow.transitions) if (rule.auditAction) byAuditAction.set(rule.auditAction, workflow);
  }
  return workflows;
}

export function registeredWorkflows(): RegisteredWorkflow[] {
  return [...byName.values()];
}

/**
 * The Chinese name of `state` in the workflow an audit `action` belongs to: the
 * one declaring that action, else the one named by its prefix ("inspection" for
 * "inspection.transition"); undefined when neither knows the state.
 */
export function workflowStateLabel(action: string, state: string): string | undefined {
  const workflow = byAuditAction.get(action) ?? byName.get(action.split(".")[0]!);
  const labels: Record<string, string> | undefined = workflow?.stateLabels;
  return labels && Object.prototype.hasOwnProperty.call(labels, state) ? labels[state] : undefined;
}
