// Accessibility as a test (#16): axe-core runs inside the page and the test fails on
// any serious or critical finding. Every page a journey's `page` visits is checked
// once per run by the automatic fixture in tests/playwright-utils.ts (checkVisitedPages);
// a journey may also call expectNoSeriousA11yIssues on a page in a state a fresh visit
// would not show (a dialog open, a form with its errors).
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

let source: string | null = null;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe on the page as it is now; fails listing each serious or critical rule with a few of its elements. */
export async function expectNoSeriousA11yIssues(page: Page) {
  expect(await seriousA11yIssues(page), `axe on ${new URL(page.url()).pathname}`).toEqual([]);
}

/**
 * axe's serious and critical findings on the page as it is now, each rule with a few of its
 * elements. A page without any counts as checked for this run (its pattern is claimed).
 */
export async function seriousA11yIssues(page: Page) {
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
  if (serious.length === 0) claimPattern(pagePattern(new URL(page.url()).pathname));
  return serious;
}

/**
 * A page's path with what identifies one record replaced, so /org/grants/<id> is one page
 * however many applications the suite opens: database ids (cuid), numbers (years, versions)
 * and long tokens.
 */
export function pagePattern(pathname: string) {
  return pathname
    .split("/")
    .map((segment) => {
      if (/^\d+$/.test(segment)) return ":n";
      if (/^c[a-z0-9]{20,}$/.test(segment) || /^(?=.*\d)[A-Za-z0-9_-]{16,}$/.test(segment)) return ":id";
      return segment;
    })
    .join("/");
}

/** Pages that are not documents a person reads: files, exports, the session's end, data endpoints. */
export function isCheckablePath(pathname: string) {
  return !/^\/(files|logout|healthz|resources|stripe)(\/|$)|\.(data|xlsx|csv|pdf|json|png|jpg|svg)$|[/-]export$/.test(
    pathname,
  );
}

// One directory per run (E2E_RUN_ID, set once by playwright.config.ts and inherited by the
// workers): a pattern is claimed by creating its file, atomic across workers, so each page
// pattern is checked once in the whole run.
function claimDir() {
  const dir = path.resolve("tests/.data", `axe-${process.env.E2E_TAG ?? "main"}-${process.env.E2E_RUN_ID ?? "local"}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function claimFile(pattern: string) {
  return path.join(claimDir(), Buffer.from(pattern).toString("base64url"));
}

/** True when this call is the first to claim the pattern in this run. */
export function claimPattern(pattern: string) {
  try {
    fs.writeFileSync(claimFile(pattern), "", { flag: "wx" });
    return true;
  } catch {
    return false;
  }
}

/** A check that failed gives its pattern back, so a retry checks it again. */
export function releasePattern(pattern: string) {
  fs.rmSync(claimFile(pattern), { force: true });
}

/**
 * Visits again each page the test's page went to whose pattern no one has checked in this
 * run and runs axe on it, as a person arriving there would see it. Run after the test, so
 * checking never races the journey's own clicks.
 */
export async function checkVisitedPages(page: Page, visited: readonly string[]) {
  const seen = new Set<string>();
  for (const href of visited) {
    const url = new URL(href);
    const pattern = pagePattern(url.pathname);
    if (seen.has(pattern) || !isCheckablePath(url.pathname)) continue;
    seen.add(pattern);
    if (!claimPattern(pattern)) continue;
    // A download or a page that no longer answers is no document to check.
    const response = await page.goto(href).catch(() => null);
    if (!response?.headers()["content-type"]?.startsWith("text/html")) continue;
    try {
      await expectNoSeriousA11yIssues(page);
    } catch (error) {
      releasePattern(pattern);
      throw error;
    }
  }
}
