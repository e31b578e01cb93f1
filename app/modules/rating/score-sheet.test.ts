import { describe, expect, it } from "vitest";
import { buildTree, type FlatNode } from "~/modules/indicators/scheme";
import { leafDefault, readLeafInputs, scoreField } from "./leaf-input";
import { buildScoreSheet, isNotableGap } from "./score-sheet";

const row = (code: string, points: number, extra: Partial<FlatNode> = {}): FlatNode => ({
  code,
  title: `指标${code}`,
  points,
  method: null,
  items: [],
  evidence: null,
  bonus: false,
  source: null,
  ...extra,
});

const roots = buildTree([
  row("1", 20),
  row("1.1", 10, { method: "YES_NO" }),
  row("1.2", 10, {
    method: "TIERS",
    items: [
      { label: "≥80㎡", points: 10 },
      { label: "50–80㎡", points: 6 },
    ],
  }),
  row("2", 20),
  row("2.1", 10, {
    method: "CHECKLIST",
    items: [
      { label: "制度", points: 5 },
      { label: "审计", points: 5 },
    ],
  }),
  row("2.2", 10, { method: "MANUAL" }),
]);

describe("score sheet", () => {
  it("highlights a leaf the experts scored below the self-score by more than 20% of its points", () => {
    expect(isNotableGap(10, 8, 10)).toBe(false);
    expect(isNotableGap(10, 7.5, 10)).toBe(true);
    expect(isNotableGap(null, 0, 10)).toBe(false);
    expect(isNotableGap(5, 10, 10)).toBe(false);
  });

  it("puts self, each expert, their mean and the committee side by side with block subtotals", () => {
    const sheet = buildScoreSheet({
      roots,
      self: new Map([
        ["1.1", 10],
        ["1.2", 10],
        ["2.1", 10],
        ["2.2", 8],
      ]),
      experts: [
        { label: "专家一", scores: new Map([["1.2", { score: 6, note: "面积不足" }]]) },
        { label: "专家二", scores: new Map([["1.2", { score: 10, note: null }]]) },
      ],
      committee: new Map([["1.2", { score: 6, reason: "以实测为准" }]]),
    });
    const leaf = sheet.blocks[0].leaves[1];
    expect(leaf).toMatchObject({ self: 10, expertMean: 8, gap: false, committee: { score: 6 } });
    expect(sheet.blocks[0]).toMatchObject({ self: 20, experts: [6, 10], expertMean: 8, committee: 6 });
    expect(sheet.blocks[1]).toMatchObject({ self: 18, expertMean: null, committee: null });
  });
});

describe("self-assessment input by leaf method", () => {
  const leaves = roots.flatMap((r) => r.children);

  it("reads yes/no, a tier, ticked items and a number, and refuses what the method does not allow", () => {
    const { scores, errors } = readLeafInputs(leaves, {
      [scoreField("1.1")]: "yes",
      [scoreField("1.2")]: "1",
      [scoreField("2.1")]: ["0"],
      [scoreField("2.2")]: 7.25,
    });
    expect(scores.map((s) => [s.leafCode, s.score])).toEqual([
      ["1.1", 10],
      ["1.2", 6],
      ["2.1", 5],
    ]);
    expect(errors[scoreField("2.2")]).toEqual(["得分最多保留一位小数"]);
  });

  it("refills a draft from what was stored", () => {
    expect(leafDefault(leaves[1], { score: 6, note: JSON.stringify({ tier: 1 }) })).toBe("1");
    expect(leafDefault(leaves[2], { score: 5, note: JSON.stringify({ ticked: [1] }) })).toEqual(["1"]);
    expect(leafDefault(leaves[0], { score: 0, note: "{}" })).toBe("no");
    expect(leafDefault(leaves[3], undefined)).toBeUndefined();
  });
});
