// The recommended directory's conditions and thresholds (#15), part of RULES (rules.ts):
// staff change them on /admin/rules with an effective date, and a check reads the values
// in force on the day it is made.
import type { RuleDefinition } from "./rules";

export const DIRECTORY_RULES = {
  "directory.minStaffTradeAssociation": {
    group: "推荐性目录",
    label: "行业协会商会专职工作人员最少人数",
    kind: "int",
    unit: "人",
    defaultValue: 3,
  },
  "directory.minStaffOther": {
    group: "推荐性目录",
    label: "其他社会组织专职工作人员最少人数",
    kind: "int",
    unit: "人",
    defaultValue: 2,
  },
  "directory.creditWindowYears": {
    group: "推荐性目录",
    label: "无严重失信记录的年限",
    kind: "int",
    unit: "年",
    defaultValue: 3,
  },
  "directory.minGrade": {
    group: "推荐性目录",
    label: "最低评估等级（0 为不要求；低于此等级即移出目录）",
    kind: "int",
    unit: "A",
    defaultValue: 0,
  },
  "directory.priorityGrade": {
    group: "推荐性目录",
    label: "优先标识的评估等级下限",
    kind: "int",
    unit: "A",
    defaultValue: 3,
  },
  "directory.autoListGrade": {
    group: "推荐性目录",
    label: "自动列入的评估等级",
    kind: "int",
    unit: "A",
    defaultValue: 5,
  },
  "directory.serviceAreas": {
    group: "推荐性目录",
    label: "可申报的服务领域",
    kind: "stringList",
    defaultValue: ["为老", "助残", "青少年", "社区治理", "社会工作", "其他"],
  },
  "directory.publicityDays": {
    group: "推荐性目录",
    label: "拟列入名单公示天数",
    kind: "int",
    unit: "天",
    defaultValue: 7,
  },
} as const satisfies Record<string, RuleDefinition>;
