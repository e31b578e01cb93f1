// The workflows the app knows, by name, so code that must not depend on any
// area (the audit labels) can still read each workflow's state names.
// app/modules/workflows.ts registers every area's table; nothing else should.
import type { Workflow } from "./state-machine";

export type RegisteredWorkflow = Pick<Workflow<string>, "name" | "stateLabels">;

const byName = new Map<string, RegisteredWorkflow>();

/** Adds the tables; a second, different table under a name already taken is a bug. */
export function registerWorkflows<const W extends readonly RegisteredWorkflow[]>(workflows: W): W {
  for (const workflow of workflows) {
    const known = byName.get(workflow.name);
    if (known && known !== workflow) throw new Error(`Two workflows are named "${workflow.name}"`);
    byName.set(workflow.name, workflow);
  }
  return workflows;
}

export function registeredWorkflows(): RegisteredWorkflow[] {
  return [...byName.values()];
}

/** The Chinese name of `state` in workflow `name`, if both are known. */
export function workflowStateLabel(name: string, state: string): string | undefined {
  const labels: Record<string, string> | undefined = byName.get(name)?.stateLabels;
  return labels && Object.prototype.hasOwnProperty.call(labels, state) ? labels[state] : undefined;
}
