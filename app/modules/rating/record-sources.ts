// Rating leaves computed from the organization's own record (#14 item 9, decision 025): a leaf
// whose `source` is a rating record source is never typed by the organization, the experts or
// the committee; its points come from the record when each total is stored and enter it (self,
// each expert, committee) through `withRecordScores`, kept with it (record-snapshot.ts, decision
// 031). Pure: the reader (record-sources.server.ts) hands in the facts.
import { isPassingGrade } from "~/modules/evaluation/grades";
import { RECORD_SOURCE_CATALOGUE, type RecordScore } from "~/modules/indicators/record-sources";
import { leavesOf, type IndicatorTreeNode } from "~/modules/indicators/scheme";
import { addMonths, shanghaiParts } from "~/utils/dates";
import { formatDate } from "~/utils/format";

export type ProjectFact = {
  projectNo: string;
  title: string;
  status: string;
  finalGrade: string | null;
  closedAt: Date | null;
};
export type InspectionFact = { year: number; conclusion: string | null };
export type OrgRecordFacts = {
  projects: ProjectFact[];
  /** last year's annual inspection (year = this year − 1 in Shanghai), or null when none was filed */
  inspection: InspectionFact | null;
};

type RecordLeaf = Pick<IndicatorTreeNode, "code" | "points" | "method" | "items" | "source">;

const PASSED_PROJECTS = /^org\.passedProjects\.(\d+)y$/;

/** True when the leaf's score comes from the organization's record, not from a scorer. */
export function isRatingRecordLeaf(leaf: { source: string | null }) {
  const info = leaf.source ? RECORD_SOURCE_CATALOGUE[leaf.source] : undefined;
  return info?.purpose === "RATING";
}

/**
 * Funded projects that count: closed (结项, so not terminated or withdrawn) with a final grade of
 * 合格 or better, within the last `years` years up to `now` (from the same calendar day).
 */
export function passedProjectsInWindow(projects: ProjectFact[], years: number, now: Date) {
  const from = addMonths(now, -12 * years);
  return projects
    .filter(
      (p) =>
        p.status === "CLOSED" &&
        isPassingGrade(p.finalGrade) &&
        p.closedAt !== null &&
        p.closedAt.getTime() >= from.getTime() &&
        p.closedAt.getTime() <= now.getTime(),
    )
    .sort((a, b) => b.closedAt!.getTime() - a.closedAt!.getTime());
}

/** A count as points: yes/no full points from 1; tiers from the last ("none") up, one more each. */
export function countPoints(leaf: Pick<RecordLeaf, "points" | "method" | "items">, count: number) {
  if (leaf.method === "YES_NO") return count > 0 ? leaf.points : 0;
  if (leaf.method !== "TIERS" || leaf.items.length === 0) return 0;
  const tier = Math.max(0, leaf.items.length - 1 - count);
  return leaf.items[tier]?.points ?? 0;
}

function passedProjectsScore(leaf: RecordLeaf, years: number, facts: OrgRecordFacts, now: Date): RecordScore {
  const counted = passedProjectsInWindow(facts.projects, years, now);
  const listed = counted.map((p) => `${p.projectNo}「${p.title}」${p.finalGrade}，${formatDate(p.closedAt)}结项`);
  return {
    points: countPoints(leaf, counted.length),
    fact: counted.length
      ? `近 ${years} 年结项合格及以上的资助项目 ${counted.length} 个`
      : `近 ${years} 年没有结项合格及以上的资助项目`,
    detail: counted.length ? listed.join("；") : null,
  };
}

const INSPECTION_LABELS: Record<string, string> = {
  QUALIFIED: "合格",
  BASIC: "基本合格",
  UNQUALIFIED: "不合格",
  MISSED: "未参检",
};

function inspectionScore(leaf: RecordLeaf, facts: OrgRecordFacts, now: Date): RecordScore {
  const year = facts.inspection?.year ?? shanghaiParts(now).year - 1;
  const conclusion = facts.inspection?.conclusion ?? null;
  return {
    points: leaf.method === "YES_NO" && conclusion === "QUALIFIED" ? leaf.points : 0,
    fact: conclusion
      ? `${year} 年度年检结论：${INSPECTION_LABELS[conclusion] ?? conclusion}`
      : `${year} 年度年检尚无结论`,
    detail: null,
  };
}

/** The points and fact of one leaf from the record, or null when the leaf reads no rating record. */
export function recordLeafScore(leaf: RecordLeaf, facts: OrgRecordFacts, now: Date): RecordScore | null {
  if (!isRatingRecordLeaf(leaf)) return null;
  const window = PASSED_PROJECTS.exec(leaf.source!);
  if (window) return passedProjectsScore(leaf, Number(window[1]), facts, now);
  if (leaf.source === "org.inspectionPassed") return inspectionScore(leaf, facts, now);
  return null;
}

/** Every record leaf of a tree with its points and fact. */
export function recordLeafScores(roots: IndicatorTreeNode[], facts: OrgRecordFacts, now: Date) {
  const scores = new Map<string, RecordScore>();
  for (const leaf of leavesOf(roots)) {
    const score = recordLeafScore(leaf, facts, now);
    if (score) scores.set(leaf.code, score);
  }
  return scores;
}

/** A scorer's leaf scores with the record's points in place of anything typed for a record leaf. */
export function withRecordScores(scores: Map<string, number>, record: Map<string, RecordScore>) {
  const merged = new Map(scores);
  for (const [code, { points }] of record) merged.set(code, points);
  return merged;
}

/** The record leaves of a tree with what the record gives them, in tree order, for the pages. */
export function recordLeavesOf(roots: IndicatorTreeNode[], record: Map<string, RecordScore>) {
  return leavesOf(roots).flatMap((leaf) => {
    const score = record.get(leaf.code);
    if (!score) return [];
    const { points: earned, fact, detail } = score;
    return [{ code: leaf.code, title: leaf.title, points: leaf.points, score: earned, fact, detail }];
  });
}

export type RecordLeafView = ReturnType<typeof recordLeavesOf>[number];
