import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { auditStateLabel } from "~/modules/audit/state-labels";
import { registeredWorkflows, type RegisteredWorkflow } from "~/modules/workflow/registry";
import { WORKFLOWS, withStateChanges } from "~/modules/workflows";

const MODULES_DIR = path.resolve(import.meta.dirname);

/** Every workflow file under app/modules (any `*workflow*.ts` but tests and this registry). */
function workflowFiles() {
  return readdirSync(MODULES_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => /workflow[^/]*\.ts$/.test(path.basename(file)) && !file.endsWith(".test.ts"))
    .filter((file) => file !== "workflows.ts")
    .sort();
}

function isWorkflow(value: unknown): value is RegisteredWorkflow {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { name?: unknown }).name === "string" &&
    typeof (value as { stateLabels?: unknown }).stateLabels === "object" &&
    Array.isArray((value as { transitions?: unknown }).transitions)
  );
}

describe("workflow registry", () => {
  test("every workflow table in app/modules is registered", async () => {
    const files = workflowFiles();
    expect(files.length).toBeGreaterThan(0);
    const registered = new Set(registeredWorkflows());
    for (const file of files) {
      const exported = Object.values(await import(/* @vite-ignore */ path.join(MODULES_DIR, file)));
      const workflows = exported.filter(isWorkflow);
      expect(workflows.length, `${file} exports no workflow`).toBeGreaterThan(0);
      for (const workflow of workflows) {
        expect(registered.has(workflow), `${workflow.name} (${file}) is not in app/modules/workflows.ts`).toBe(true);
      }
    }
    expect(registeredWorkflows()).toHaveLength(WORKFLOWS.length);
  });

  test("each workflow's transitions are labelled with its own state names", () => {
    for (const workflow of WORKFLOWS) {
      for (const [state, label] of Object.entries(workflow.stateLabels)) {
        expect(auditStateLabel(state, `${workflow.name}.transition`)).toBe(label);
      }
    }
  });

  test("audit events get their state change in the workflow's own words", () => {
    const [event] = withStateChanges([
      { id: "e1", action: "rectification.transition", fromState: "SUBMITTED", toState: "RETURNED" },
    ]);
    expect(event).toEqual({
      id: "e1",
      action: "rectification.transition",
      fromState: "SUBMITTED",
      toState: "RETURNED",
      stateChange: "整改报告已提交 → 整改被退回",
    });
  });
});
