import { describe, expect, test } from "vitest";
import { branch, defineRows, manual, tiers, yesNo } from "./define";
import { expertBlocks, schemeCriteria } from "./expert-sheet";
import { buildTree, type SchemeTree } from "./scheme";

function tree(): SchemeTree {
  const { rows, rules, totalPoints } = defineRows([
    branch("基础条件", [yesNo("法定代表人", 10, "选举会议记录"), manual("办公场所", 10, "租赁合同")]),
    branch("内部治理", [
      tiers(
        "财务制度",
        [
          ["健全", 10],
          ["基本健全", 6],
        ],
        "制度文本",
      ),
    ]),
  ]);
  return {
    id: "s1",
    key: "t",
    version: 1,
    title: "测试",
    purpose: "RATING",
    orgType: null,
    subtype: null,
    totalPoints,
    bonusCap: 0,
    frozenAt: null,
    rules,
    roots: buildTree(rows),
  };
}

describe("expertBlocks", () => {
  test("groups the leaves under their first-level block with the self-score and the subject's extras", () => {
    const blocks = expertBlocks(tree(), [{ leafCode: "1.1", score: 10 }], (leaf) => ({ files: [leaf.code] }));
    expect(blocks.map((b) => [b.code, b.title, b.points, b.leaves.map((l) => l.code)])).toEqual([
      ["1", "基础条件", 20, ["1.1", "1.2"]],
      ["2", "内部治理", 10, ["2.1"]],
    ]);
    expect(blocks[0].leaves[0]).toMatchObject({ title: "法定代表人", method: "YES_NO", self: 10, files: ["1.1"] });
    expect(blocks[0].leaves[1]).toMatchObject({ self: null, files: ["1.2"] });
    expect(blocks[1].leaves[0].items.map((i) => i.label)).toEqual(["健全", "基本健全"]);
  });
});

describe("schemeCriteria", () => {
  test("one criterion per leaf, named by code and title, scored up to the leaf's points", () => {
    expect(schemeCriteria(tree())).toEqual([
      { id: "1.1", name: "1.1 法定代表人", description: "选举会议记录", maxScore: 10, weightPct: 0 },
      { id: "1.2", name: "1.2 办公场所", description: "租赁合同", maxScore: 10, weightPct: 0 },
      { id: "2.1", name: "2.1 财务制度", description: "制度文本", maxScore: 10, weightPct: 0 },
    ]);
  });
});
