import { describe, expect, test } from "vitest";
import { GRANT_MIDTERM_SCHEME, RATING_SCHEMES } from "../../../prisma/seed-parts/indicator-schemes";
import { bonusBlock, branch, checklist, defineRows, manual, tiers, yesNo } from "./define";
import { buildTree, checkTree, type FlatNode, leavesOf, scoreSheet, sumPoints, validateLeafScore } from "./scheme";

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
const leaf = (code: string, points: number, extra: Partial<FlatNode> = {}) =>
  row(code, points, { method: "MANUAL", ...extra });

describe("checkTree", () => {
  test("a tree of 4 levels whose children add up has no issues", () => {
    const nodes = [
      row("1", 80),
      row("1.1", 30),
      row("1.1.1", 10),
      leaf("1.1.1.1", 4, { method: "YES_NO" }),
      leaf("1.1.1.2", 3.5),
      leaf("1.1.1.3", 2.5),
      leaf("1.1.2", 20),
      leaf("1.2", 50),
      row("2", 20),
      leaf("2.1", 20),
    ];
    expect(checkTree({ totalPoints: 100, nodes })).toEqual([]);
  });

  test("names the node whose children do not add up, and the first-level total", () => {
    const nodes = [row("1", 60), row("1.2", 30), leaf("1.2.1", 20), leaf("1.2.2", 8), leaf("1.3", 30)];
    expect(checkTree({ totalPoints: 100, nodes }).map((i) => i.message)).toEqual([
      "1.2 的下级分值合计 28，应为 30",
      "一级指标分值合计 60，应为总分 100",
    ]);
  });

  test("a fifth level, a missing parent, a duplicate code and a leaf without method are issues", () => {
    const nodes = [
      row("1", 10),
      row("1.1", 10),
      row("1.1.1", 10),
      row("1.1.1.1", 10),
      leaf("1.1.1.1.1", 10),
      leaf("2.1", 5),
      row("1", 10),
      row("3", 5),
    ];
    const messages = checkTree({ totalPoints: 10, nodes }).map((i) => i.message);
    expect(messages).toContain("1.1.1.1.1 超过 4 级");
    expect(messages).toContain("2.1 的上级指标 2 不存在（上级须排在下级之前）");
    expect(messages).toContain("1 编码重复");
    expect(messages).toContain("3 是末级指标，须填写评分方式");
  });

  test("checklist items must add up to the leaf, the best tier must be the leaf's points", () => {
    const nodes = [
      row("1", 20),
      leaf("1.1", 10, {
        method: "CHECKLIST",
        items: [
          { label: "a", points: 5 },
          { label: "b", points: 4 },
        ],
      }),
      leaf("1.2", 10, {
        method: "TIERS",
        items: [
          { label: "≥80㎡", points: 8 },
          { label: "<80㎡", points: 4 },
        ],
      }),
    ];
    expect(checkTree({ totalPoints: 20, nodes }).map((i) => i.message)).toEqual([
      "1.1 的评分细则合计 9，应为 10",
      "1.2 的最高一档 8 分，应为 10",
    ]);
  });

  test("bonus blocks are outside the total; rules must point at a leaf", () => {
    const nodes = [leaf("1", 100), row("2", 30, { bonus: true }), leaf("2.1", 30)];
    const rules = { caps: [{ leafCode: "9.9", atMost: 0, maxLevel: 3, label: "党建" }], vetoes: [] };
    expect(checkTree({ totalPoints: 100, rules, nodes }).map((i) => i.message)).toEqual([
      "限制条件“党建”引用的末级指标 9.9 不存在",
    ]);
  });

  test("the demo schemes add up: 1000 points per organization type, 100 for a project evaluation", () => {
    for (const scheme of RATING_SCHEMES) {
      const { rows, rules, totalPoints } = defineRows(scheme.defs);
      expect(totalPoints).toBe(1000);
      expect(checkTree({ totalPoints, rules, nodes: rows })).toEqual([]);
      expect(new Set(rows.map((r) => r.method).filter(Boolean))).toEqual(
        new Set(["CHECKLIST", "TIERS", "YES_NO", "MANUAL"]),
      );
      expect(Math.max(...rows.map((r) => r.code.split(".").length))).toBe(4);
      expect(rules.caps).toHaveLength(1);
      expect(rows.some((r) => r.bonus)).toBe(true);
    }
    expect(defineRows(GRANT_MIDTERM_SCHEME.defs).totalPoints).toBe(100);
  });
});

describe("validateLeafScore", () => {
  test("manual: anything from 0 up to the leaf's points, one decimal", () => {
    const manualLeaf = leaf("1", 10);
    expect(validateLeafScore(manualLeaf, 7.5)).toBeNull();
    expect(validateLeafScore(manualLeaf, 10)).toBeNull();
    expect(validateLeafScore(manualLeaf, 10.5)).toBe("得分不能超过本项分值 10 分");
    expect(validateLeafScore(manualLeaf, -1)).toBe("得分不能为负数");
    expect(validateLeafScore(manualLeaf, 2.25)).toBe("得分最多保留一位小数");
    expect(validateLeafScore(manualLeaf, Number.NaN)).toBe("请填写得分");
  });

  test("yes/no: all or nothing", () => {
    const yes = leaf("1", 4, { method: "YES_NO" });
    expect(validateLeafScore(yes, 4)).toBeNull();
    expect(validateLeafScore(yes, 0)).toBeNull();
    expect(validateLeafScore(yes, 2)).toBe("本项为是否判定，只能得 4 分或 0 分");
  });

  test("tiers: one tier's points or nothing", () => {
    const office = tiers(
      "办公场所",
      [
        ["≥80㎡", 5],
        ["50–80㎡", 4],
        ["20–50㎡", 2.5],
      ],
      "租赁合同",
    );
    const { rows } = defineRows([office]);
    expect(validateLeafScore(rows[0], 2.5)).toBeNull();
    expect(validateLeafScore(rows[0], 0)).toBeNull();
    expect(validateLeafScore(rows[0], 3)).toBe("本项按档计分，应为其中一档：5、4、2.5、0 分");
  });

  test("checklist: the ticked items add up", () => {
    const { rows } = defineRows([
      checklist(
        "党组织活动",
        [
          ["换届", 4],
          ["三会一课", 3],
          ["主题党日", 2.5],
        ],
        "记录",
      ),
    ]);
    expect(rows[0].points).toBe(9.5);
    for (const ok of [0, 2.5, 3, 4, 5.5, 6.5, 7, 9.5]) expect(validateLeafScore(rows[0], ok)).toBeNull();
    expect(validateLeafScore(rows[0], 1)).toBe("本项逐项计分，得分应为所符合条目的分值之和");
  });
});

describe("scoreSheet", () => {
  const defs = [
    branch("基础条件", [yesNo("法定代表人", 40, "纪要"), manual("章程", 20, "章程")]),
    branch("内部治理", [
      yesNo("党组织", 10, "批复", { rule: { cap: { maxLevel: 3, label: "应建未建党组织的，不得评为4A及以上" } } }),
      manual("资金使用", 30, "凭证", { rule: { veto: { label: "挪用资金的，结果为0分" } } }),
    ]),
    bonusBlock("加分项", [yesNo("国家级表彰", 15, "文件"), yesNo("对口帮扶", 15, "证明")]),
  ];
  const { rows, rules, totalPoints } = defineRows(defs);
  const tree = { roots: buildTree(rows), rules, totalPoints, bonusCap: 20 };
  const codes = Object.fromEntries(leavesOf(tree).map((l) => [l.title, l.code]));
  const scores = (entries: Record<string, number>) =>
    new Map(Object.entries(entries).map(([title, score]) => [codes[title], score]));

  test("adds the leaves per first-level block and in total, and lists the leaves not scored", () => {
    const sheet = scoreSheet(tree, scores({ 法定代表人: 40, 章程: 12.5, 党组织: 10 }));
    expect(sheet.base).toBe(62.5);
    expect(sheet.total).toBe(62.5);
    expect(sheet.byBlock.map((b) => [b.title, b.score, b.scored, b.leaves])).toEqual([
      ["基础条件", 52.5, 2, 2],
      ["内部治理", 10, 1, 2],
      ["加分项", 0, 0, 2],
    ]);
    expect(sheet.missing).toEqual([codes.资金使用]);
    expect(sheet.cap).toBeUndefined();
    expect(sheet.vetoed).toBeUndefined();
  });

  test("bonus counts up to the cap, and the total never exceeds the scheme's points", () => {
    const partial = scoreSheet(
      tree,
      scores({ 法定代表人: 40, 章程: 10, 党组织: 10, 资金使用: 20, 国家级表彰: 15, 对口帮扶: 15 }),
    );
    expect([partial.base, partial.bonusRaw, partial.bonus, partial.total]).toEqual([80, 30, 20, 100]);
    const full = scoreSheet(tree, scores({ 法定代表人: 40, 章程: 20, 党组织: 10, 资金使用: 30, 国家级表彰: 15 }));
    expect([full.base, full.bonus, full.total]).toEqual([100, 15, 100]);
  });

  test("a zero on the Party leaf caps the grade; a zero on the funds leaf vetoes the result", () => {
    const capped = scoreSheet(tree, scores({ 法定代表人: 40, 章程: 20, 党组织: 0, 资金使用: 30 }));
    expect(capped.cap).toEqual({ leafCode: codes.党组织, maxLevel: 3, label: "应建未建党组织的，不得评为4A及以上" });
    expect(capped.total).toBe(90);
    const vetoed = scoreSheet(tree, scores({ 法定代表人: 40, 章程: 20, 党组织: 10, 资金使用: 0 }));
    expect(vetoed.vetoed).toEqual({ leafCode: codes.资金使用, label: "挪用资金的，结果为0分" });
    expect([vetoed.base, vetoed.total]).toEqual([70, 0]);
  });

  test("decimals add up exactly", () => {
    expect(sumPoints([0.1, 0.2, 0.4])).toBe(0.7);
    const sheet = scoreSheet(tree, scores({ 章程: 0.1, 法定代表人: 0.2 }));
    expect(sheet.total).toBe(0.3);
  });
});
