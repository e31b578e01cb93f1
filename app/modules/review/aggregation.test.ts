import { describe, expect, it } from "vitest";
import {
  aggregateScores,
  round2,
  weightedTotal,
  zScoreNormalise,
  type AggregationSettings,
  type ReviewerTotal,
} from "./aggregation";

const MEAN: AggregationSettings = { mode: "MEAN", zScore: false, disagreementThreshold: 20 };
const TRIMMED: AggregationSettings = { mode: "TRIMMED_MEAN", zScore: false, disagreementThreshold: 20 };

/** totals for one subject from a list of numbers, reviewers r1, r2, … */
const one = (subjectId: string, values: number[]): ReviewerTotal[] =>
  values.map((total, i) => ({ subjectId, reviewerId: `r${i + 1}`, total }));

describe("weightedTotal", () => {
  const criteria = [
    { id: "need", maxScore: 10, weightPct: 30 },
    { id: "plan", maxScore: 20, weightPct: 50 },
    { id: "team", maxScore: 5, weightPct: 20 },
  ];

  it("is Σ score/max × weight%", () => {
    // 8/10×30 + 15/20×50 + 4/5×20 = 24 + 37.5 + 16
    expect(weightedTotal(criteria, { need: 8, plan: 15, team: 4 })).toBe(77.5);
    expect(weightedTotal(criteria, { need: 10, plan: 20, team: 5 })).toBe(100);
    expect(weightedTotal(criteria, { need: 0, plan: 0, team: 0 })).toBe(0);
  });

  it("counts missing scores as 0 and ignores scores for unknown criteria", () => {
    expect(weightedTotal(criteria, { need: 8, other: 99 })).toBe(24);
    expect(weightedTotal(criteria, {})).toBe(0);
    expect(weightedTotal([], { need: 5 })).toBe(0);
  });

  it("never returns NaN for a criterion with maxScore 0", () => {
    expect(weightedTotal([{ id: "x", maxScore: 0, weightPct: 100 }], { x: 3 })).toBe(0);
  });

  it("keeps fractions to 6 decimals (no float noise)", () => {
    // 1/3 × 100
    expect(weightedTotal([{ id: "a", maxScore: 3, weightPct: 100 }], { a: 1 })).toBe(33.333333);
    // 0.1-step scores: 7.3/10 × 30 + 8.1/10 × 70 = 21.9 + 56.7
    expect(
      weightedTotal(
        [
          { id: "a", maxScore: 10, weightPct: 30 },
          { id: "b", maxScore: 10, weightPct: 70 },
        ],
        { a: 7.3, b: 8.1 },
      ),
    ).toBe(78.6);
  });
});

describe("aggregateScores — MEAN", () => {
  it("averages the reviewers and keeps the raw totals", () => {
    const [agg] = aggregateScores(one("s1", [80, 70, 90]), MEAN);
    expect(agg).toEqual({
      subjectId: "s1",
      finalScore: 80,
      reviewCount: 3,
      rawTotals: [80, 70, 90],
      spread: 20,
      flagged: false,
      trimmed: false,
    });
  });

  it("rounds to 2 decimals, half up", () => {
    expect(aggregateScores(one("s", [80, 70, 71]), MEAN)[0].finalScore).toBe(73.67); // 73.666…
    expect(aggregateScores(one("s", [1.005]), MEAN)[0].finalScore).toBe(1.01);
    expect(aggregateScores(one("s", [80.125, 80.125]), MEAN)[0].finalScore).toBe(80.13);
    expect(aggregateScores(one("s", [80.124, 80.124]), MEAN)[0].finalScore).toBe(80.12);
    expect(round2(2.675)).toBe(2.68);
  });

  it("groups by subject in order of first appearance", () => {
    const totals: ReviewerTotal[] = [
      { subjectId: "b", reviewerId: "r1", total: 60 },
      { subjectId: "a", reviewerId: "r1", total: 90 },
      { subjectId: "b", reviewerId: "r2", total: 70 },
    ];
    const out = aggregateScores(totals, MEAN);
    expect(out.map((o) => [o.subjectId, o.finalScore, o.reviewCount])).toEqual([
      ["b", 65, 2],
      ["a", 90, 1],
    ]);
  });

  it("has spread 0 with a single review, and no output for no input", () => {
    const [agg] = aggregateScores(one("s", [55]), MEAN);
    expect(agg.spread).toBe(0);
    expect(agg.flagged).toBe(false);
    expect(aggregateScores([], MEAN)).toEqual([]);
  });
});

describe("aggregateScores — TRIMMED_MEAN", () => {
  it("does not trim with 4 reviews", () => {
    const [agg] = aggregateScores(one("s", [90, 80, 70, 20]), TRIMMED);
    expect(agg.trimmed).toBe(false);
    expect(agg.finalScore).toBe(65); // 260 / 4
  });

  it("drops the single highest and single lowest with 5 reviews", () => {
    const [agg] = aggregateScores(one("s", [90, 80, 70, 20, 75]), TRIMMED);
    expect(agg.trimmed).toBe(true);
    expect(agg.finalScore).toBe(75); // (80 + 70 + 75) / 3
    expect(agg.reviewCount).toBe(5);
    expect(agg.rawTotals).toEqual([90, 80, 70, 20, 75]);
    expect(agg.spread).toBe(70); // spread is over all raw totals, trimmed or not
  });

  it("drops only one of equal highest / lowest values", () => {
    const [agg] = aggregateScores(one("s", [90, 90, 60, 60, 75, 66]), TRIMMED);
    // sorted 60 60 66 75 90 90 → keep 60 66 75 90 → 72.75
    expect(agg.finalScore).toBe(72.75);
  });

  it("MEAN never trims, even with many reviews", () => {
    const [agg] = aggregateScores(one("s", [90, 80, 70, 20, 75]), MEAN);
    expect(agg.trimmed).toBe(false);
    expect(agg.finalScore).toBe(67);
  });
});

describe("aggregateScores — disagreement", () => {
  it("flags only a spread strictly above the threshold", () => {
    const settings = { ...MEAN, disagreementThreshold: 10 };
    expect(aggregateScores(one("s", [80, 70]), settings)[0]).toMatchObject({ spread: 10, flagged: false });
    expect(aggregateScores(one("s", [80.01, 70]), settings)[0]).toMatchObject({ spread: 10.01, flagged: true });
    // 80.1 − 70.1 is 9.999999999999986 in floating point; still exactly the threshold
    expect(aggregateScores(one("s", [80.1, 70.1]), settings)[0]).toMatchObject({ spread: 10, flagged: false });
    expect(aggregateScores(one("s", [80.3, 70.3]), settings)[0]).toMatchObject({ spread: 10, flagged: false });
  });

  it("uses the raw totals for the spread even with z-scores", () => {
    const totals: ReviewerTotal[] = [
      { subjectId: "a", reviewerId: "r1", total: 90 },
      { subjectId: "a", reviewerId: "r2", total: 50 },
      { subjectId: "b", reviewerId: "r1", total: 80 },
      { subjectId: "b", reviewerId: "r2", total: 40 },
    ];
    const out = aggregateScores(totals, { mode: "MEAN", zScore: true, disagreementThreshold: 30 });
    expect(out.map((o) => [o.spread, o.flagged])).toEqual([
      [40, true],
      [40, true],
    ]);
  });
});

describe("aggregateScores — z-score", () => {
  // A harsh reviewer H scores subjects a1–a3, a lenient reviewer L scores b1–b3.
  // Both see the same relative quality (best, middle, worst, 10 points apart).
  const totals: ReviewerTotal[] = [
    { subjectId: "a1", reviewerId: "H", total: 60 },
    { subjectId: "a2", reviewerId: "H", total: 50 },
    { subjectId: "a3", reviewerId: "H", total: 40 },
    { subjectId: "b1", reviewerId: "L", total: 90 },
    { subjectId: "b2", reviewerId: "L", total: 80 },
    { subjectId: "b3", reviewerId: "L", total: 70 },
  ];
  const score = (out: ReturnType<typeof aggregateScores>, id: string) =>
    out.find((o) => o.subjectId === id)!.finalScore!;

  it("without normalisation, the harsh reviewer's best subject ranks below the lenient one's worst", () => {
    const out = aggregateScores(totals, MEAN);
    expect(score(out, "a1")).toBe(60);
    expect(score(out, "b3")).toBe(70);
  });

  it("with normalisation, both reviewers' subjects land on the round's scale (hand-computed)", () => {
    // Round: M = 65, population variance = (25+225+625+625+225+25)/6 = 291.67, S = 17.078.
    // Each reviewer: mean 50 / 80, population sd = sqrt(200/3) = 8.165.
    // Best: 65 + 17.078 × 10 / 8.165 = 65 + 10 × sqrt(4.375) = 85.9165…
    const out = aggregateScores(totals, { ...MEAN, zScore: true });
    expect(score(out, "a1")).toBe(85.92);
    expect(score(out, "a2")).toBe(65);
    expect(score(out, "a3")).toBe(44.08);
    expect(score(out, "b1")).toBe(85.92);
    expect(score(out, "b3")).toBe(44.08);
    // The harsh reviewer's subject is no longer penalised.
    expect(score(out, "a1")).toBeGreaterThan(score(out, "b3"));
    expect(score(out, "a1")).toBe(score(out, "b1"));
  });

  it("corrects a lenient reviewer on shared subjects", () => {
    // Subjects x and y each get two reviews. A (fair) scores across the range; L (lenient)
    // scores everything 20 higher, but only y. Without z, y gets a bonus from L.
    const shared: ReviewerTotal[] = [
      { subjectId: "x", reviewerId: "A", total: 70 },
      { subjectId: "x", reviewerId: "B", total: 70 },
      { subjectId: "y", reviewerId: "A", total: 60 },
      { subjectId: "y", reviewerId: "L", total: 90 },
      { subjectId: "z", reviewerId: "L", total: 100 },
      { subjectId: "z", reviewerId: "B", total: 80 },
    ];
    const raw = aggregateScores(shared, MEAN);
    expect(score(raw, "y")).toBeGreaterThan(score(raw, "x")); // 75 > 70, L's leniency wins
    const z = aggregateScores(shared, { ...MEAN, zScore: true });
    // A rates x above y; B rates z above x; L rates z above y: with z-scores y ranks last.
    expect(score(z, "y")).toBeLessThan(score(z, "x"));
    expect(score(z, "z")).toBeGreaterThan(score(z, "x"));
  });

  it("only shifts a reviewer with one score or with no spread", () => {
    const t: ReviewerTotal[] = [
      { subjectId: "a", reviewerId: "wide", total: 90 },
      { subjectId: "b", reviewerId: "wide", total: 50 },
      { subjectId: "c", reviewerId: "single", total: 40 },
      { subjectId: "d", reviewerId: "flat", total: 80 },
      { subjectId: "e", reviewerId: "flat", total: 80 },
    ];
    // M = (90+50+40+80+80)/5 = 68
    const norm = zScoreNormalise(t);
    expect(norm[2]).toBeCloseTo(68, 10); // 40 + (68 − 40)
    expect(norm[3]).toBeCloseTo(68, 10); // 80 + (68 − 80)
    expect(norm[4]).toBeCloseTo(68, 10);
    // S² = (22² + 18² + 28² + 12² + 12²)/5 = 1880/5 = 376; wide: m = 70, s = 20
    expect(norm[0]).toBeCloseTo(68 + Math.sqrt(376), 10);
    expect(norm[1]).toBeCloseTo(68 - Math.sqrt(376), 10);
  });

  it("works with the trimmed mean on normalised values", () => {
    // Five reviewers each scoring two subjects; reviewer r5 is wildly lenient on p only.
    const t: ReviewerTotal[] = [];
    const p = [70, 72, 68, 71, 100];
    const q = [60, 62, 58, 61, 60];
    p.forEach((total, i) => t.push({ subjectId: "p", reviewerId: `r${i}`, total }));
    q.forEach((total, i) => t.push({ subjectId: "q", reviewerId: `r${i}`, total }));
    const out = aggregateScores(t, { mode: "TRIMMED_MEAN", zScore: true, disagreementThreshold: 20 });
    expect(out.every((o) => o.trimmed)).toBe(true);
    // Normalisation keeps every reviewer's ordering p ≥ q, so p still wins, and the round mean is kept.
    expect(score(out, "p")).toBeGreaterThan(score(out, "q"));
    expect(out[0]).toMatchObject({ spread: 32, flagged: true }); // raw spread on p: 100 − 68
  });

  it("leaves totals unchanged when every total is the same", () => {
    const out = aggregateScores(one("s", [70, 70, 70]), { ...MEAN, zScore: true });
    expect(out[0].finalScore).toBe(70);
  });
});
