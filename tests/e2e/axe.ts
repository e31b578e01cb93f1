// Accessibility as a test (#16): axe-core runs inside the page and the test fails on
// any serious or critical finding. Call it on every page a journey visits.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

let source: string | null = null;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe on the page as it is now; fails listing each serious or critical rule with a few of its elements. */
export async function expectNoSeriousA11yIssues(page: Page) {
  source ??= fs.readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");
  // evaluate, not a script tag: the app's Content-Security-Policy refuses inline scripts.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String) })),
    }));
  });
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
  expect(serious, `axe on ${new URL(page.url()).pathname}`).toEqual([]);
}
