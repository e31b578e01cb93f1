import { describe, expect, test } from "vitest";
import {
  afterPrefix,
  driverGrams,
  driverListCount,
  GRAM_READS_PER_LIST,
  GRAM_READS_PER_SEARCH,
  gramReadsPerList,
  matchName,
  nameGrams,
  nameSearchPlan,
  normalizeSearchText,
  rankNames,
} from "./name-search";

describe("name grams", () => {
  test("a name is indexed by its adjacent pairs and its last character", () => {
    expect(nameGrams("阳光社工站")).toEqual(["阳光", "光社", "社工", "工站", "站"]);
    expect(nameGrams("社会社会")).toEqual(["社会", "会社", "会"]);
  });

  test("ASCII folds to lower case and spaces are dropped, as in the SQL triggers", () => {
    expect(normalizeSearchText("ABC 阳光　社工")).toBe("abc阳光社工");
    expect(nameGrams("AB")).toEqual(["ab", "b"]);
  });
});

describe("search plan", () => {
  test("one character reads the range of grams starting with it", () => {
    expect(nameSearchPlan("社")).toEqual({
      kind: "prefix",
      term: "社",
      from: "社",
      to: String.fromCodePoint(0x793e + 1),
      minHits: 1,
    });
  });

  test("two characters or more need at least two thirds of their pairs", () => {
    expect(nameSearchPlan("社工")).toMatchObject({ grams: ["社工"], minHits: 1 });
    expect(nameSearchPlan("基金会")).toMatchObject({ grams: ["基金", "金会"], minHits: 2 });
    expect(nameSearchPlan("阳光社工")).toMatchObject({
      grams: ["阳光", "光社", "社工"],
      minHits: 2,
      chars: ["阳", "光", "社", "工"],
    });
    expect(nameSearchPlan("老年人协会")).toMatchObject({ minHits: 3 });
    expect(nameSearchPlan("  ")).toEqual({ kind: "none" });
  });
});

describe("matching and ranking", () => {
  test("阳光社工 finds 江宁区阳光社会工作服务中心 by two of its three pairs", () => {
    expect(matchName("江宁区阳光社会工作服务中心", "阳光社工")).toEqual({ tier: "pairs", hits: 2 });
    expect(matchName("江宁区老年协会", "阳光社工")).toBeNull();
    // One pair of three is not enough.
    expect(matchName("秣陵街道社工站", "阳光社工")).toBeNull();
    // Most pairs, but a typed character (益, 家) the name lacks.
    expect(matchName("江宁区阳光社会工作服务中心", "江宁区益家社会工作服务中心")).toBeNull();
  });

  test("exact, then prefix, then anywhere, then the most pairs", () => {
    const names = ["江宁区阳光社会工作服务中心", "阳光社工服务站", "城东阳光社工站", "阳光社工", "社工阳光互助社"];
    expect(rankNames(names, "阳光社工")).toEqual([
      "阳光社工",
      "阳光社工服务站",
      "城东阳光社工站",
      "江宁区阳光社会工作服务中心",
      "社工阳光互助社",
    ]);
    // Among pair matches, more pairs first.
    expect(rankNames(["阳光社会工站点", "阳光社区社工站点"], "阳光社工站点")).toEqual([
      "阳光社区社工站点",
      "阳光社会工站点",
    ]);
  });

  test("a one-character term lists every name holding it, wherever it is", () => {
    expect(rankNames(["江宁区老年协会", "书画会", "会计协会", "阳光社工"], "会")).toEqual([
      "会计协会",
      "江宁区老年协会",
      "书画会",
    ]);
  });
});

describe("bounded reads (decision 027)", () => {
  test("a prefix range ends after the last text starting with it", () => {
    expect(afterPrefix("阳光")).toBe("阳" + String.fromCodePoint("光".codePointAt(0)! + 1));
    expect("阳光社工" < afterPrefix("阳光")).toBe(true);
    expect("阳光" < afterPrefix("阳光")).toBe(true);
    // The next character (U+514A after 光 U+5149) is past the range.
    expect(`阳${String.fromCodePoint(0x514a)}社` >= afterPrefix("阳光")).toBe(true);
  });

  test("the shortest lists are read, as many as any match must touch", () => {
    const plan = nameSearchPlan("阳光社工");
    if (plan.kind !== "pairs") throw new Error("pairs expected");
    // 阳光 光社 社工, two of three needed: any two lists hold every match.
    expect(driverListCount(plan)).toBe(2);
    expect(driverGrams(plan, [900, 12, 1001])).toEqual([1, 0]);
    expect(driverListCount(nameSearchPlan("社"))).toBe(1);
    expect(driverListCount(nameSearchPlan("基金会"))).toBe(1);
    expect(gramReadsPerList(nameSearchPlan("社区"))).toBe(GRAM_READS_PER_LIST);
    // A long term reads more lists, each shorter, within the search's total.
    const long = nameSearchPlan("南京市江宁区秣陵街道阳光社会工作服务中心");
    expect(driverListCount(long) * gramReadsPerList(long)).toBeLessThanOrEqual(GRAM_READS_PER_SEARCH);
  });

  test("every name a term matches holds one of the grams read, whichever lists are shortest", () => {
    const names = [
      "江宁区阳光社会工作服务中心",
      "阳光社工服务站",
      "城东阳光社工站",
      "社工阳光互助社",
      "秣陵街道老年人协会",
      "南京市江宁区老年人体育协会",
      "江宁区邻里互助社区会",
    ];
    for (const term of ["阳光社工", "老年人协会", "江宁区老年协会", "邻里社区", "阳光社会工作服务中心"]) {
      const plan = nameSearchPlan(term);
      if (plan.kind !== "pairs") throw new Error("pairs expected");
      // Every order of list lengths picks another set of lists to read.
      for (let rotate = 0; rotate < plan.grams.length; rotate++) {
        const lengths = plan.grams.map((_, i) => (i + rotate) % plan.grams.length);
        const read = new Set(driverGrams(plan, lengths).map((i) => plan.grams[i]!));
        for (const name of names) {
          if (!matchName(name, term)) continue;
          expect(
            nameGrams(name).some((g) => read.has(g)),
            `${name} / ${term} / ${[...read]}`,
          ).toBe(true);
        }
      }
    }
  });
});
