import { describe, expect, test } from "vitest";
import { recordSourceOptions, recordSourceProblem } from "~/modules/indicators/record-sources";
import type { IndicatorTreeNode } from "~/modules/indicators/scheme";
import { shanghaiMidnight } from "~/utils/dates";
import {
  countPoints,
  passedProjectsInWindow,
  recordLeafScore,
  recordLeafScores,
  withRecordScores,
  type OrgRecordFacts,
  type ProjectFact,
} from "./record-sources";

const now = shanghaiMidnight(2026, 12, 5);
const closed = (projectNo: string, finalGrade: string | null, closedAt: Date, status = "CLOSED"): ProjectFact => ({
  projectNo,
  title: `项目${projectNo}`,
  status,
  finalGrade,
  closedAt,
});

const tiersLeaf = (source: string): IndicatorTreeNode => ({
  code: "3.2",
  title: "近两年资助项目结项情况",
  points: 20,
  method: "TIERS",
  items: [
    { label: "2 个及以上", points: 20 },
    { label: "1 个", points: 10 },
    { label: "无", points: 0 },
  ],
  evidence: null,
  bonus: false,
  source,
  level: 2,
  children: [],
});
const facts = (projects: ProjectFact[], inspection: OrgRecordFacts["inspection"] = null): OrgRecordFacts => ({
  projects,
  inspection,
});

describe("funded projects closed 合格 or better in the last N years", () => {
  test("counts 优秀, 良好 and 合格 closed inside the window, newest first", () => {
    const projects = [
      closed("GY2025-001", "合格", shanghaiMidnight(2025, 3, 1)),
      closed("GY2025-002", "优秀", shanghaiMidnight(2026, 6, 30)),
      closed("GY2024-003", "良好", shanghaiMidnight(2024, 12, 5)),
    ];
    expect(passedProjectsInWindow(projects, 2, now).map((p) => p.projectNo)).toEqual([
      "GY2025-002",
      "GY2025-001",
      "GY2024-003",
    ]);
  });

  test("a project closed before the window, or after now, does not count", () => {
    const projects = [
      closed("GY2024-001", "优秀", shanghaiMidnight(2024, 12, 4)),
      closed("GY2026-009", "优秀", shanghaiMidnight(2026, 12, 6)),
    ];
    expect(passedProjectsInWindow(projects, 2, now)).toEqual([]);
    expect(passedProjectsInWindow(projects, 3, now).map((p) => p.projectNo)).toEqual(["GY2024-001"]);
  });

  test("不合格, no grade, terminated and withdrawn projects are excluded", () => {
    const inWindow = shanghaiMidnight(2026, 1, 10);
    const projects = [
      closed("A", "不合格", inWindow),
      closed("B", null, inWindow),
      closed("C", "合格", inWindow, "TERMINATED"),
      closed("D", "良好", inWindow, "WITHDRAWN"),
      { ...closed("E", "合格", inWindow), closedAt: null },
    ];
    expect(passedProjectsInWindow(projects, 2, now)).toEqual([]);
  });

  test("the count picks the tier from the last one up; none gives 0 points and says so", () => {
    const leaf = tiersLeaf("org.passedProjects.2y");
    expect([0, 1, 2, 5].map((n) => countPoints(leaf, n))).toEqual([0, 10, 20, 20]);
    expect(recordLeafScore(leaf, facts([]), now)).toEqual({
      points: 0,
      fact: "近 2 年没有结项合格及以上的资助项目",
      detail: null,
    });
    const one = recordLeafScore(leaf, facts([closed("GY2025-002", "良好", shanghaiMidnight(2026, 6, 30))]), now);
    expect(one).toEqual({
      points: 10,
      fact: "近 2 年结项合格及以上的资助项目 1 个",
      detail: "GY2025-002「项目GY2025-002」良好，2026年6月30日结项",
    });
  });

  test("a yes/no leaf gets full points from one project", () => {
    const leaf = { ...tiersLeaf("org.passedProjects.1y"), method: "YES_NO" as const, items: [] };
    expect(recordLeafScore(leaf, facts([]), now)?.points).toBe(0);
    expect(recordLeafScore(leaf, facts([closed("X", "合格", shanghaiMidnight(2026, 2, 1))]), now)?.points).toBe(20);
  });
});

describe("last year's annual inspection", () => {
  const leaf = { ...tiersLeaf("org.inspectionPassed"), method: "YES_NO" as const, items: [] };
  test("合格 gives full points, anything else or no conclusion 0", () => {
    expect(recordLeafScore(leaf, facts([], { year: 2025, conclusion: "QUALIFIED" }), now)).toEqual({
      points: 20,
      fact: "2025 年度年检结论：合格",
      detail: null,
    });
    expect(recordLeafScore(leaf, facts([], { year: 2025, conclusion: "BASIC" }), now)?.points).toBe(0);
    expect(recordLeafScore(leaf, facts([]), now)).toEqual({ points: 0, fact: "2025 年度年检尚无结论", detail: null });
  });
});

describe("record scores in the totals", () => {
  test("only record leaves are computed, and they replace what was typed", () => {
    const roots: IndicatorTreeNode[] = [
      {
        ...tiersLeaf(""),
        code: "1",
        method: null,
        items: [],
        source: null,
        level: 1,
        points: 30,
        children: [
          { ...tiersLeaf("org.passedProjects.2y"), code: "1.1" },
          { ...tiersLeaf(""), code: "1.2", source: null },
        ],
      },
    ];
    const record = recordLeafScores(roots, facts([closed("P", "优秀", shanghaiMidnight(2026, 1, 1))]), now);
    expect([...record.keys()]).toEqual(["1.1"]);
    expect(
      withRecordScores(
        new Map([
          ["1.1", 20],
          ["1.2", 10],
        ]),
        record,
      ),
    ).toEqual(
      new Map([
        ["1.1", 10],
        ["1.2", 10],
      ]),
    );
  });

  test("a grant-evaluation source is not a rating record leaf", () => {
    expect(recordLeafScore(tiersLeaf("grant.outputRate"), facts([]), now)).toBeNull();
  });
});

describe("which leaves may name which source", () => {
  const leaf = (source: string, method: "TIERS" | "YES_NO" | "MANUAL", tiers = 3) => ({
    source,
    method,
    items: Array.from({ length: tiers }, (_, i) => ({ label: `档${i}`, points: 10 - i })),
  });
  test("known sources fit their purpose, method and tiers", () => {
    expect(recordSourceProblem(leaf("org.passedProjects.2y", "TIERS"), "RATING")).toBeNull();
    expect(recordSourceProblem(leaf("org.passedProjects.2y", "YES_NO", 0), "RATING")).toBeNull();
    expect(recordSourceProblem(leaf("grant.outputRate", "TIERS", 4), "GRANT_EVALUATION")).toBeNull();
    expect(recordSourceProblem({ source: null, method: "MANUAL", items: [] })).toBeNull();
  });
  test("an unknown source, another purpose's, a wrong method or tier count is refused", () => {
    expect(recordSourceProblem(leaf("org.nothing", "TIERS"))).toBe("没有“org.nothing”这一数据来源");
    expect(recordSourceProblem(leaf("grant.outputRate", "TIERS", 4), "RATING")).toContain("不能用于本类指标体系");
    expect(recordSourceProblem(leaf("org.inspectionPassed", "TIERS"))).toContain("只能用于是否判定");
    expect(recordSourceProblem(leaf("org.passedProjects.2y", "MANUAL"))).toContain("分档计分或是否判定");
    expect(recordSourceProblem(leaf("grant.outputRate", "TIERS", 3))).toContain("正好 4 档");
    expect(recordSourceProblem(leaf("org.passedProjects.2y", "TIERS", 1))).toContain("至少需要 2 档");
  });
  test("the editor offers each purpose its own sources", () => {
    expect(recordSourceOptions("GRANT_EVALUATION").map((o) => o.value)).toEqual([
      "grant.outputRate",
      "grant.budgetDeviation",
    ]);
    expect(recordSourceOptions("RATING").map((o) => o.value)).toContain("org.passedProjects.2y");
  });
});

describe("every catalogue source has its reader", () => {
  test("grant-evaluation sources are read by the evaluation's record items, rating sources here", async () => {
    const { RECORD_SOURCE_CATALOGUE } = await import("~/modules/indicators/record-sources");
    const { RECORD_SOURCES } = await import("~/modules/evaluation/record-items");
    const leafOf = (source: string) => ({
      ...tiersLeaf(source),
      method: RECORD_SOURCE_CATALOGUE[source]!.methods[0]!,
    });
    for (const [key, info] of Object.entries(RECORD_SOURCE_CATALOGUE)) {
      if (info.purpose === "GRANT_EVALUATION") expect(RECORD_SOURCES[key], key).toBeDefined();
      else expect(recordLeafScore(leafOf(key), facts([]), now), key).not.toBeNull();
    }
  });
});

describe("the scheme editor's form", () => {
  test("refuses a source the leaf's method cannot read, at the source field", async () => {
    const { NodeSchema } = await import("~/modules/indicators/node-form");
    const base = { code: "3.2", title: "近两年资助项目", points: 20 };
    const wrong = NodeSchema.safeParse({ ...base, method: "MANUAL", source: "org.passedProjects.2y" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({ path: ["source"] });
    const right = NodeSchema.safeParse({
      ...base,
      method: "TIERS",
      itemsText: "2 个及以上 得 20 分\n1 个 得 10 分\n无 得 0 分",
      source: "org.passedProjects.2y",
    });
    expect(right.success).toBe(true);
  });
});
