import { describe, expect, test } from "vitest";
import { buildTree } from "~/modules/indicators/scheme";
import {
  isSheetStored,
  parseRecordSnapshots,
  storedRecordScores,
  storeSnapshot,
  takeSnapshot,
  type RecordSnapshots,
} from "./record-snapshot";
import { buildScoreSheet } from "./score-sheet";

const at = new Date("2026-12-03T02:00:00Z");
const oneProject = new Map([
  ["3.1.4", { points: 10, fact: "近 2 年结项合格及以上的资助项目 1 个", detail: "GY2025-001" }],
]);
const twoProjects = new Map([["3.1.4", { points: 20, fact: "近 2 年结项合格及以上的资助项目 2 个", detail: null }]]);

const stored = (json: string) => parseRecordSnapshots(json);
const withSelf = stored(storeSnapshot(parseRecordSnapshots(null), { kind: "self" }, takeSnapshot(oneProject, at)));

describe("which record a rating sheet shows", () => {
  test("a submitted self-assessment shows what was stored with its total, a draft the record now", () => {
    for (const status of ["SUBMITTED", "ACCEPTED", "SCORED", "DECIDED", "ANNOUNCED"])
      expect(storedRecordScores(withSelf, { kind: "self" }, { applicationStatus: status })).toEqual(oneProject);
    for (const status of ["DRAFT", "RETURNED", "WITHDRAWN"])
      expect(storedRecordScores(withSelf, { kind: "self" }, { applicationStatus: status })).toBeNull();
  });

  test("each expert's sheet keeps its own snapshot once submitted; while scoring it shows the record now", () => {
    const snapshots = stored(
      storeSnapshot(withSelf, { kind: "expert", assignmentId: "a1" }, takeSnapshot(twoProjects, at)),
    );
    const state = { applicationStatus: "SCORED", assignmentStatus: "SUBMITTED" };
    expect(storedRecordScores(snapshots, { kind: "expert", assignmentId: "a1" }, state)).toEqual(twoProjects);
    expect(storedRecordScores(snapshots, { kind: "self" }, state)).toEqual(oneProject);
    expect(
      storedRecordScores(snapshots, { kind: "expert", assignmentId: "a1" }, { ...state, assignmentStatus: "DRAFTED" }),
    ).toBeNull();
    // Another expert has none stored yet.
    expect(storedRecordScores(snapshots, { kind: "expert", assignmentId: "a2" }, state)).toBeNull();
  });

  test("the final sheet is fixed by the committee's vote and stays fixed through 复核 and the announcement", () => {
    const snapshots = stored(storeSnapshot(withSelf, { kind: "final" }, takeSnapshot(twoProjects, at)));
    expect(isSheetStored({ kind: "final" }, { applicationStatus: "SCORED" })).toBe(false);
    for (const status of ["DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"])
      expect(storedRecordScores(snapshots, { kind: "final" }, { applicationStatus: status })).toEqual(twoProjects);
    expect(storedRecordScores(snapshots, { kind: "final" }, { applicationStatus: "SCORED" })).toBeNull();
  });

  test("a later submission of the same sheet replaces its snapshot and keeps the others", () => {
    const again = stored(storeSnapshot(withSelf, { kind: "self" }, takeSnapshot(twoProjects, at)));
    expect(again.self?.leaves["3.1.4"].points).toBe(20);
    expect(again.self?.takenAt).toBe(at.toISOString());
    const both = stored(storeSnapshot(again, { kind: "expert", assignmentId: "a1" }, takeSnapshot(oneProject, at)));
    expect(both.self?.leaves["3.1.4"].points).toBe(20);
    expect(both.experts.a1.leaves["3.1.4"].points).toBe(10);
  });

  test("a total stored before snapshots were kept, or a column that does not parse, falls back to the record now", () => {
    const none: RecordSnapshots = { self: null, experts: {}, final: null };
    expect(parseRecordSnapshots(null)).toEqual(none);
    expect(parseRecordSnapshots("not json")).toEqual(none);
    expect(parseRecordSnapshots(JSON.stringify({ self: { leaves: { x: { points: "10" } } } }))).toEqual(none);
    expect(storedRecordScores(none, { kind: "self" }, { applicationStatus: "SUBMITTED" })).toBeNull();
  });
});

describe("the score sheet's record leaf", () => {
  const roots = buildTree([
    { code: "1", title: "工作绩效", points: 20, method: null, items: [], evidence: null, bonus: false, source: null },
    {
      code: "1.1",
      title: "近两年资助项目结项情况",
      points: 20,
      method: "TIERS",
      items: [
        { label: "2个及以上", points: 20 },
        { label: "1个", points: 10 },
        { label: "无", points: 0 },
      ],
      evidence: null,
      bonus: false,
      source: "org.passedProjects.2y",
    },
  ]);
  const experts = [
    { label: "专家一", scores: new Map() },
    { label: "专家二", scores: new Map() },
  ];
  const score = (points: number) => new Map([["1.1", { points, fact: `${points / 10} 个`, detail: null }]]);

  test("shows the points once when every column was computed with the same record", () => {
    const sheet = buildScoreSheet({
      roots,
      self: new Map(),
      experts,
      committee: new Map(),
      record: { self: score(10), experts: [score(10), score(10)] },
    });
    expect(sheet.blocks[0].leaves[0]).toMatchObject({ self: 10, expertMean: 10, record: { points: 10 } });
    expect(sheet.blocks[0].leaves[0].recordByColumn).toBeNull();
    expect(sheet.blocks[0]).toMatchObject({ self: 10, experts: [10, 10], expertMean: 10 });
  });

  test("keeps each column's own points when the record changed between the submissions", () => {
    const sheet = buildScoreSheet({
      roots,
      self: new Map(),
      experts,
      committee: new Map(),
      record: { self: score(10), experts: [score(10), score(20)] },
    });
    const leaf = sheet.blocks[0].leaves[0];
    expect(leaf).toMatchObject({ self: 10, experts: [{ score: 10 }, { score: 20 }], expertMean: 15 });
    expect(leaf.recordByColumn?.map((c) => [c.label, c.points])).toEqual([
      ["自评", 10],
      ["专家一", 10],
      ["专家二", 20],
    ]);
  });
});
