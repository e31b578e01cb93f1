// Downgrade and cancellation of a grade for cause (docs: ../shared/DOMAIN.md "Rating"):
// which causes lower a grade by one step and which cancel it, when the inspection
// module proposes one, and the table of a grade action's states. Pure.
import { gradeLabel } from "~/modules/registry/grade";

export const GRADE_ACTION_CAUSES = [
  "BASIC_TWICE",
  "BAD_LAST_YEAR",
  "PENALTY",
  "FALSE_MATERIALS",
  "FOLLOW_UP",
  "VERIFICATION",
] as const;
export type GradeActionCause = (typeof GRADE_ACTION_CAUSES)[number];

export const GRADE_ACTION_CAUSE_LABELS: Record<GradeActionCause, string> = {
  BASIC_TWICE: "连续两年年检基本合格",
  BAD_LAST_YEAR: "上一年度年检不合格或未参检",
  PENALTY: "受到行政处罚",
  FALSE_MATERIALS: "评估中提供虚假材料",
  FOLLOW_UP: "跟踪评估",
  VERIFICATION: "核查评估",
};

/** The causes staff may raise by hand (the inspection ones come from the conclusion). */
export const MANUAL_CAUSES = ["PENALTY", "FALSE_MATERIALS"] as const satisfies readonly GradeActionCause[];

export const GRADE_ACTION_KIND_LABELS = { DOWNGRADE: "降级", CANCEL: "取消等级", CHANGE: "调整等级" } as const;
export type GradeActionKind = keyof typeof GRADE_ACTION_KIND_LABELS;

/**
 * What a cause does to a grade: one step down (a 1A loses its grade), except
 * false materials, which cancel it.
 */
export function changeForCause(cause: GradeActionCause, fromGrade: number) {
  if (cause === "FALSE_MATERIALS" || fromGrade <= 1) return { kind: "CANCEL" as const, toGrade: null };
  return { kind: "DOWNGRADE" as const, toGrade: fromGrade - 1 };
}

/** The kind of an explicit change (跟踪评估 / 核查评估): lower, cancelled, or another grade. */
export function kindOfChange(fromGrade: number, toGrade: number | null): GradeActionKind {
  if (toGrade == null) return "CANCEL";
  return toGrade < fromGrade ? "DOWNGRADE" : "CHANGE";
}

/**
 * Whether a recorded inspection conclusion calls for a downgrade of a graded
 * organization: 不合格 or 未参检 that year, or 基本合格 in that year and the
 * year before. Null when nothing is proposed.
 */
export function inspectionDowngradeCause(
  year: number,
  conclusion: string | null,
  previousConclusion: string | null | undefined,
): { cause: GradeActionCause; detail: string } | null {
  if (conclusion === "UNQUALIFIED") return { cause: "BAD_LAST_YEAR", detail: `${year}年度年检不合格` };
  if (conclusion === "MISSED") return { cause: "BAD_LAST_YEAR", detail: `${year}年度未参加年检` };
  if (conclusion === "BASIC" && previousConclusion === "BASIC") {
    return { cause: "BASIC_TWICE", detail: `${year - 1}年度、${year}年度连续两年年检基本合格` };
  }
  return null;
}

export function describeChange(fromGrade: number, toGrade: number | null) {
  return toGrade == null ? `${gradeLabel(fromGrade)} → 取消等级` : `${gradeLabel(fromGrade)} → ${gradeLabel(toGrade)}`;
}
