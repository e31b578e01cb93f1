// Display helpers shared by the directory's pages. Pure.
import type { ConditionCheck, DirectoryRules } from "./conditions";

/** The priority markers an entry shows (tax-deductible status only once staff checked it). */
export function markerLabels(e: { markerGrade: boolean; markerProjects: boolean; taxCheckedAt: Date | string | null }) {
  return [
    ...(e.markerGrade ? ["3A 及以上"] : []),
    ...(e.markerProjects ? ["以往项目结项良好以上"] : []),
    ...(e.taxCheckedAt ? ["公益性捐赠税前扣除资格"] : []),
  ];
}

/** The conditions snapshot stored on an entry; empty when unreadable. */
export function parseConditions(json: string): ConditionCheck[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as ConditionCheck[]) : [];
  } catch {
    return [];
  }
}

/** The necessary conditions and listing rules in force, as staff read them beside an edition. */
export function conditionsInForce(rules: DirectoryRules) {
  const min = rules["directory.minGrade"];
  return [
    "依法登记，登记状态正常",
    "上一年度报告已报送且年检结论为合格或基本合格",
    "未被列入活动异常名录",
    `近 ${rules["directory.creditWindowYears"]} 年无严重失信记录（行政处罚、提供虚假材料）`,
    "无有效的公益创投禁入限制",
    `专职工作人员：行业协会商会不少于 ${rules["directory.minStaffTradeAssociation"]} 人，其他不少于 ${rules["directory.minStaffOther"]} 人`,
    ...(min > 0 ? [`评估等级不低于 ${min}A`] : []),
    `${rules["directory.autoListGrade"]}A 机构满足必要条件的自动列入；上年度目录内机构未触发移出情形的结转`,
    `优先标识：${rules["directory.priorityGrade"]}A 及以上、以往公益创投项目结项良好以上、公益性捐赠税前扣除资格（经核实）`,
  ];
}
