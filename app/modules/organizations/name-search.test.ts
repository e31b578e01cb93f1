import { describe, expect, test } from "vitest";
import { matchName, nameGrams, nameSearchPlan, normalizeSearchText, rankNames } from "./name-search";

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
