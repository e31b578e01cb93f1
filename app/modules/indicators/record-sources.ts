// The records an indicator leaf may name as its `source` (decision 025): one catalogue for every
// scheme purpose, so the scheme editor offers only sources its purpose can read, the Excel import
// and the editor refuse an unknown one, and each area's reader (evaluation/record-items.ts,
// rating/record-sources.ts) knows exactly which keys it must answer. Pure.
import type { LeafMethod, SchemePurpose, ScoreItem } from "./tree";

export type RecordSourceInfo = {
  purpose: SchemePurpose;
  /** what the editor's select and the score sheets call it */
  label: string;
  /** the leaf methods the reader can turn into points */
  methods: readonly LeafMethod[];
  /** for TIERS: how many tiers the reader expects (null: any number from 2) */
  tiers: number | null;
  /** how the record becomes points, shown under the select */
  rule: string;
};

/** The window choices of "funded projects closed 合格 or better in the last N years". */
export const PASSED_PROJECT_YEARS = [1, 2, 3, 5] as const;

const passedProjects = Object.fromEntries(
  PASSED_PROJECT_YEARS.map((years) => [
    `org.passedProjects.${years}y`,
    {
      purpose: "RATING",
      label: `近 ${years} 年结项且终期评估合格及以上的资助项目`,
      methods: ["TIERS", "YES_NO"],
      tiers: null,
      rule: "是否判定：有 1 个即得满分。分档计分：最后一档为“无”，向上每一档多 1 个，第一档为“N 个及以上”。",
    } satisfies RecordSourceInfo,
  ]),
);

export const RECORD_SOURCE_CATALOGUE: Record<string, RecordSourceInfo> = {
  "grant.outputRate": {
    purpose: "GRANT_EVALUATION",
    label: "绩效指标完成率",
    methods: ["TIERS"],
    tiers: 4,
    rule: "分 4 档：达到 100%、80%–100%、60%–80%、不足 60%。供专家参考。",
  },
  "grant.budgetDeviation": {
    purpose: "GRANT_EVALUATION",
    label: "预算执行偏差与擅自调整",
    methods: ["TIERS"],
    tiers: 4,
    rule: "分 4 档：偏差 5% 以内、5%–10%、超过 10%、擅自调整预算。供专家参考。",
  },
  ...passedProjects,
  "org.inspectionPassed": {
    purpose: "RATING",
    label: "上一年度年检结论为合格",
    methods: ["YES_NO"],
    tiers: null,
    rule: "是否判定：上一年度年检结论为合格得满分，否则 0 分。",
  },
};

export function isRecordSource(key: string | null | undefined): key is string {
  return typeof key === "string" && Object.hasOwn(RECORD_SOURCE_CATALOGUE, key);
}

/** The select's options for a scheme of this purpose. */
export function recordSourceOptions(purpose: SchemePurpose) {
  return Object.entries(RECORD_SOURCE_CATALOGUE)
    .filter(([, info]) => info.purpose === purpose)
    .map(([value, info]) => ({ value, label: info.label, rule: info.rule }));
}

/**
 * Why a leaf cannot read this source, in Chinese, or null when it can: the key must be known,
 * belong to the scheme's purpose (when given) and fit the leaf's method and tiers.
 */
export function recordSourceProblem(
  leaf: { source: string | null; method: LeafMethod | null; items: ScoreItem[] },
  purpose?: SchemePurpose,
): string | null {
  if (!leaf.source) return null;
  if (!isRecordSource(leaf.source)) return `没有“${leaf.source}”这一数据来源`;
  const info = RECORD_SOURCE_CATALOGUE[leaf.source]!;
  if (purpose && info.purpose !== purpose) return `“${info.label}”不能用于本类指标体系`;
  if (!leaf.method || !info.methods.includes(leaf.method)) {
    const names = info.methods.map((m) => ({ TIERS: "分档计分", YES_NO: "是否判定" })[m as "TIERS" | "YES_NO"] ?? m);
    return `“${info.label}”只能用于${names.join("或")}的末级指标`;
  }
  if (leaf.method === "TIERS") {
    const count = leaf.items.length;
    if (info.tiers !== null && count !== info.tiers) return `“${info.label}”需要正好 ${info.tiers} 档`;
    if (count < 2) return `“${info.label}”至少需要 2 档`;
  }
  return null;
}

/**
 * What the record gives a leaf: its points and the fact they come from, shown as 根据记录计算;
 * `detail` names the records (project numbers and titles), left out where the scorer is blind.
 */
export type RecordScore = { points: number; fact: string; detail: string | null };
