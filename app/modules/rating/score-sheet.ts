// The score sheet of a rating application (#12 item 7): per leaf the organization's self-score,
// each expert's score and their mean, and the committee's score, side by side, with the gaps
// worth a look highlighted, and subtotals per first-level block. A leaf computed from the
// organization's record (record-sources.ts) carries in each column the points stored with that
// column's total (decision 031); they differ only when the record changed between submissions. Pure.
import type { RecordScore } from "~/modules/indicators/record-sources";
import { leavesOf, type IndicatorTreeNode } from "~/modules/indicators/scheme";
import { isRatingRecordLeaf } from "./record-sources";

/** A gap is highlighted when the experts' mean is below the self-score by more than this share of the leaf's points. */
export const GAP_SHARE = 0.2;

const tenths = (x: number) => Math.round(x * 10) / 10;

/** True when the experts took off more than GAP_SHARE of the leaf's points from what the organization claimed. */
export function isNotableGap(self: number | null, expert: number | null, points: number) {
  return self !== null && expert !== null && self - expert > GAP_SHARE * points + 1e-9;
}

type Expert = { label: string; scores: Map<string, { score: number; note: string | null }> };

export function buildScoreSheet(input: {
  roots: IndicatorTreeNode[];
  self: Map<string, number>;
  experts: Expert[];
  committee: Map<string, { score: number; reason: string | null }>;
  /** leaves computed from the organization's record: what the self column and each expert's held */
  record?: { self: Map<string, RecordScore>; experts: Map<string, RecordScore>[] };
}) {
  const columnsOf = (code: string) =>
    [
      { label: "自评", score: input.record?.self.get(code) },
      ...input.experts.map((e, i) => ({ label: e.label, score: input.record?.experts[i]?.get(code) })),
    ].flatMap(({ label, score }) => (score ? [{ label, ...score }] : []));
  const sum = (values: (number | null)[]) =>
    values.some((v) => v !== null) ? tenths(values.reduce<number>((s, v) => s + (v ?? 0), 0)) : null;
  const blocks = input.roots.map((root) => {
    const leaves = leavesOf([root]).map((leaf) => {
      const columns = isRatingRecordLeaf(leaf) ? columnsOf(leaf.code) : [];
      if (columns.length > 0) {
        const self = input.record?.self.get(leaf.code)?.points ?? null;
        const experts = input.experts.map((_, i) => {
          const score = input.record?.experts[i]?.get(leaf.code);
          return score ? { score: score.points, note: null } : null;
        });
        const given = experts.flatMap((e) => (e ? [e.score] : []));
        const { points, fact, detail } = columns[0];
        const same = columns.every((c) => c.points === points && c.fact === fact && c.detail === detail);
        return {
          code: leaf.code,
          title: leaf.title,
          points: leaf.points,
          bonus: leaf.bonus,
          self,
          experts,
          expertMean: given.length ? tenths(given.reduce((s, e) => s + e, 0) / given.length) : null,
          committee: null,
          gap: false,
          record: { points, fact, detail },
          /** each column's points and fact, when the record changed between the submissions */
          recordByColumn: same ? null : columns,
        };
      }
      const self = input.self.get(leaf.code) ?? null;
      const experts = input.experts.map((e) => e.scores.get(leaf.code) ?? null);
      const given = experts.filter((e): e is { score: number; note: string | null } => e !== null);
      const expertMean = given.length ? tenths(given.reduce((s, e) => s + e.score, 0) / given.length) : null;
      const committee = input.committee.get(leaf.code) ?? null;
      return {
        code: leaf.code,
        title: leaf.title,
        points: leaf.points,
        bonus: leaf.bonus,
        self,
        experts,
        expertMean,
        committee,
        gap: isNotableGap(self, expertMean, leaf.points),
        record: null,
        recordByColumn: null,
      };
    });
    return {
      code: root.code,
      title: root.title,
      points: root.points,
      leaves,
      self: sum(leaves.map((l) => l.self)),
      experts: input.experts.map((_, i) => sum(leaves.map((l) => l.experts[i]?.score ?? null))),
      expertMean: sum(leaves.map((l) => l.expertMean)),
      committee: sum(leaves.map((l) => l.committee?.score ?? null)),
    };
  });
  return { expertLabels: input.experts.map((e) => e.label), blocks };
}

export type ScoreSheetView = ReturnType<typeof buildScoreSheet>;
