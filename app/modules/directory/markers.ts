// The priority markers (#15 item 3) with the fact behind each, as staff see them
// beside an application. Pure; the booleans stored on an entry come from
// priorityMarkers (conditions.ts), this explains them.
import { formatDate } from "~/utils/format";
import { GOOD_FINAL_GRADES, priorityMarkers, type DirectoryFacts, type DirectoryRules } from "./conditions";

export type MarkerCheck = { key: "grade" | "projects" | "tax"; label: string; met: boolean; fact: string };

type TaxDeclaration = { taxDeclared: boolean; taxNote: string | null; taxCheckedAt: Date | string | null };

export function markerChecks(facts: DirectoryFacts, rules: DirectoryRules, tax: TaxDeclaration): MarkerCheck[] {
  const found = priorityMarkers(facts, rules);
  const closed = facts.projects.filter((p) => p.status === "CLOSED" && p.finalGrade != null);
  return [
    {
      key: "grade",
      label: `评估等级 ${rules["directory.priorityGrade"]}A 及以上`,
      met: found.grade,
      fact: facts.grade
        ? `现为 ${facts.grade.grade}A，有效期至${formatDate(facts.grade.validTo)}`
        : "尚未评估或评估等级已失效",
    },
    {
      key: "projects",
      label: `以往公益创投项目结项${GOOD_FINAL_GRADES.at(-1)}以上`,
      met: found.projects,
      fact: closed.length
        ? closed.map((p) => `「${p.title}」结项评估：${p.finalGrade}`).join("；")
        : "暂无已结项的公益创投项目",
    },
    {
      key: "tax",
      label: "公益性捐赠税前扣除资格",
      met: tax.taxDeclared && tax.taxCheckedAt != null,
      fact: !tax.taxDeclared
        ? "未申报"
        : `申报：${tax.taxNote ?? "（未填写文号）"}，${tax.taxCheckedAt ? `${formatDate(tax.taxCheckedAt)}核实属实` : "待核实"}`,
    },
  ];
}
