// Closing (结项, #14 item 8). Pure: the four things a project needs before staff
// may close it, each with what is missing in Chinese. Closing freezes the records
// (frozen.ts) and the organization gets its 结项证书.
import { formatFen } from "~/utils/format";
import { outstandingFen, type RefundFacts } from "./refunds";

/** Final grades that allow closing (合格 or better). */
export const PASSING_GRADES = ["优秀", "良好", "合格"] as const;
export const GRADES = [...PASSING_GRADES, "不合格"] as const;

export function isPassingGrade(grade: string | null | undefined) {
  return grade != null && (PASSING_GRADES as readonly string[]).includes(grade);
}

/** Tranches no longer waiting for anything: paid, or stopped with a reason. */
export const SETTLED_TRANCHE_STATES = ["PAID", "STOPPED"];

export type ClosingFacts = {
  /** the final evaluation's grade once final (publicity ended), else null */
  finalGrade: string | null;
  /** the final report's status (kind FINAL, or the last scheduled report), null when there is none */
  finalReportStatus: string | null;
  tranches: Array<{ position: number; status: string }>;
  /** paid to the project, in 分 */
  paidFen: number;
  /** expenses RECORDED against its budget lines, in 分 */
  spentFen: number;
  /** its LEFTOVER refunds */
  leftoverRefunds: RefundFacts[];
  /** staff's note on why leftover funds stay with the organization */
  leftoverNote: string | null;
};

/** Leftover funds: what was paid and not spent (never below 0). */
export function leftoverFenOf(paidFen: number, spentFen: number) {
  return Math.max(0, paidFen - spentFen);
}

export type ChecklistItem = { key: string; label: string; ok: boolean; detail: string };

export function closingChecklist(f: ClosingFacts): { items: ChecklistItem[]; ready: boolean } {
  const leftover = leftoverFenOf(f.paidFen, f.spentFen);
  const owed = f.leftoverRefunds.reduce((sum, r) => sum + outstandingFen(r), 0);
  const returned = f.leftoverRefunds.reduce((sum, r) => sum + r.receivedFen, 0);
  const open = f.tranches.filter((t) => !SETTLED_TRANCHE_STATES.includes(t.status));
  const items: ChecklistItem[] = [
    {
      key: "grade",
      label: "终期评估合格及以上",
      ok: isPassingGrade(f.finalGrade),
      detail: f.finalGrade ? `终期评估结果：${f.finalGrade}` : "终期评估结果尚未确定",
    },
    {
      key: "report",
      label: "终期财务报告已通过审核",
      ok: f.finalReportStatus === "ACCEPTED",
      detail: f.finalReportStatus === "ACCEPTED" ? "终期报告已通过" : "终期报告尚未提交或尚未通过审核",
    },
    {
      key: "tranches",
      label: "各期资金均已拨付或停止拨付",
      ok: open.length === 0,
      detail: open.length === 0 ? "各期资金已结清" : `第 ${open.map((t) => t.position).join("、")} 期尚未结清`,
    },
    {
      key: "leftover",
      label: "结余资金已退回或已说明",
      ok: leftover === 0 || (f.leftoverRefunds.length > 0 && owed === 0) || Boolean(f.leftoverNote?.trim()),
      detail:
        leftover === 0
          ? "无结余资金"
          : f.leftoverNote?.trim()
            ? `结余 ${formatFen(leftover)}，已说明：${f.leftoverNote.trim()}`
            : f.leftoverRefunds.length === 0
              ? `结余 ${formatFen(leftover)}，尚未退回或说明`
              : owed > 0
                ? `结余已退回 ${formatFen(returned)}，尚欠 ${formatFen(owed)}`
                : `结余 ${formatFen(returned)} 已退回`,
    },
  ];
  return { items, ready: items.every((i) => i.ok) };
}
