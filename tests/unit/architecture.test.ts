// The structure issue #11 set up, kept by a test so it stays that way:
// files small enough to read in one sitting, and the shared folders
// (expert panels, audit, attachments, UI components) free of any area, so a
// new area or panel kind plugs in without them learning about it.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const APP = path.resolve(__dirname, "../../app");
const MAX_LINES = 400;

/** Folders of app/modules that hold one area's rules (the things shared folders must not know). */
const AREAS = [
  "admin",
  "directory",
  "evaluation",
  "funding",
  "grants",
  "incubation",
  "indicators",
  "inspection",
  "organizations",
  "queues",
  "rating",
  "registration",
  "registry",
  "showroom",
  "users",
];

/** Shared folders, and the area-free modules they may use. */
const SHARED = [
  "app/modules/review",
  "app/modules/audit",
  "app/modules/attachments",
  "app/modules/publicity",
  "app/components",
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(path.resolve(APP, ".."), file);

test(`no file in app/ is over ${MAX_LINES} lines`, () => {
  const long = sourceFiles(APP)
    .map((file) => ({ file: rel(file), lines: fs.readFileSync(file, "utf8").split("\n").length }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines}`);
  expect(long).toEqual([]);
});

test("review/, audit/, attachments/, publicity/ and components/ import no area folder", () => {
  const importPattern = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;
  const offending: string[] = [];
  for (const folder of SHARED) {
    for (const file of sourceFiles(path.resolve(APP, "..", folder))) {
      const text = fs.readFileSync(file, "utf8");
      for (const [, spec] of text.matchAll(importPattern)) {
        const area = /^~\/modules\/([^/]+)/.exec(spec)?.[1];
        if (area && AREAS.includes(area)) offending.push(`${rel(file)} → ${spec}`);
      }
    }
  }
  expect(offending).toEqual([]);
});

test("the area list above names every area folder", () => {
  const folders = fs
    .readdirSync(path.join(APP, "modules"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const shared = ["attachments", "audit", "auth", "config", "mail", "notifications", "publicity", "review", "workflow"];
  expect(folders.filter((f) => !shared.includes(f)).sort()).toEqual([...AREAS].sort());
});

test("routes answer forms one way: no useActionData cast, no Response read back, no hand-built conform reply", () => {
  const patterns: Array<[RegExp, string]> = [
    [/useActionData<[^>]*>\(\)\s+as\s/, "useActionData cast"],
    [/\.text\(\)/, "a Response read back for its text"],
    [/submission\.reply\(/, "a conform reply built in the route"],
    [/workflowErrorResponse/, "a WorkflowError turned into a Response by hand"],
  ];
  const found: string[] = [];
  for (const file of sourceFiles(path.join(APP, "routes"))) {
    const text = fs.readFileSync(file, "utf8").replace(/await request\.text\(\)/g, "");
    for (const [pattern, what] of patterns) if (pattern.test(text)) found.push(`${rel(file)}: ${what}`);
  }
  expect(found).toEqual([]);
});

test("one place reads request bodies: app/utils/request-body.server.ts (415/400/413, never a 500)", () => {
  const reads = /\brequest\.(formData|text|json|arrayBuffer|blob|body)\b|parseMultipartFormData/;
  const found = sourceFiles(APP)
    .filter((file) => !file.endsWith(path.join("utils", "request-body.server.ts")) && !/\.test\.tsx?$/.test(file))
    .filter((file) => reads.test(fs.readFileSync(file, "utf8")))
    .map(rel);
  expect(found).toEqual([]);
});

test("redirects come from ~/utils/redirect.server, which encodes the URL", () => {
  const found = sourceFiles(APP)
    .filter((file) => !file.endsWith(path.join("utils", "redirect.server.ts")))
    .filter((file) =>
      /import\s*\{[^}]*\bredirect\b[^}]*\}\s*from\s*["']@remix-run\/(node|server-runtime)["']/.test(
        fs.readFileSync(file, "utf8"),
      ),
    )
    .map(rel);
  expect(found).toEqual([]);
});
