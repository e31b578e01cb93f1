// The review scores, ranking and allocation of a call as an .xlsx workbook (#6).
// Before the shortlist is generated it shows the preview the rule would propose;
// afterwards the stored GrantAward rows (with staff overrides).
import ExcelJS from "exceljs";
import { RECOMMENDATIONS, type Recommendation } from "~/modules/review/assignment-workflow";
import { formatDateTime } from "~/utils/format";
import { allocationRulesOf, candidatesOf, computeCallRanking, listSubmittedReviews } from "../review/results.server";
import { allocate } from "./allocation";
import { listAwards } from "./allocation.server";

export const RANKING_SHEETS = ["评分明细", "排名", "资金分配"] as const;

type AllocationLine = {
  rank: number;
  title: string;
  organizationName: string;
  requestedFen: number;
  proposedFen: number;
  selected: boolean;
  amountFen: number;
  overrideReason: string | null;
};

export async function buildRankingWorkbook(callId: string) {
  const ranking = await computeCallRanking(callId);
  if (!ranking) return null;
  const { call, rows } = ranking;
  const reviews = await listSubmittedReviews(call);
  const rules = allocationRulesOf(call);

  let lines: AllocationLine[];
  if (call.reviewStage === "OPEN") {
    const result = allocate(candidatesOf(rows), rules, []);
    const byId = new Map(result.rows.map((r) => [r.applicationId, r]));
    lines = rows.map((r) => {
      const a = byId.get(r.applicationId);
      return {
        rank: r.rank,
        title: r.title,
        organizationName: r.organizationName,
        requestedFen: r.requestedFen,
        proposedFen: a?.recommendedFen ?? 0,
        selected: a?.selected ?? false,
        amountFen: a?.selected ? a.amountFen : 0,
        overrideReason: null,
      };
    });
  } else {
    lines = (await listAwards(callId)).map((a) => ({
      rank: a.rank,
      title: a.application.title,
      organizationName: a.application.organization.name,
      requestedFen: a.application.requestedFen,
      proposedFen: a.recommendedFen,
      selected: a.selected,
      amountFen: a.selected ? a.amountFen : 0,
      overrideReason: a.overrideReason,
    }));
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  workbook.title = `${call.title} 评分与分配`;
  const titles = new Map(rows.map((r) => [r.applicationId, r.title]));
  const rankOf = new Map(rows.map((r) => [r.applicationId, r.rank]));

  // 评分明细: one line per submitted review.
  const detail = workbook.addWorksheet(RANKING_SHEETS[0]);
  detail.columns = [
    { header: "项目名称", key: "title", width: 32 },
    { header: "评审专家", key: "reviewer", width: 14 },
    ...call.criteria.map((c) => ({ header: `${c.name}（满分 ${c.maxScore}）`, key: `c_${c.id}`, width: 14 })),
    { header: "加权总分", key: "total", width: 10 },
    { header: "评审建议", key: "recommendation", width: 12 },
    { header: "评审意见", key: "comment", width: 50 },
    { header: "提交时间", key: "submitted", width: 20 },
  ];
  const sortedReviews = [...reviews].sort(
    (a, b) =>
      (rankOf.get(a.applicationId) ?? 1e9) - (rankOf.get(b.applicationId) ?? 1e9) ||
      a.reviewerName.localeCompare(b.reviewerName, "zh-CN"),
  );
  for (const r of sortedReviews) {
    detail.addRow({
      title: titles.get(r.applicationId) ?? "",
      reviewer: r.reviewerName,
      ...Object.fromEntries(call.criteria.map((c) => [`c_${c.id}`, r.scores[c.id] ?? null])),
      total: round2(r.weightedTotal),
      recommendation: r.recommendation ? (RECOMMENDATIONS[r.recommendation as Recommendation] ?? r.recommendation) : "",
      comment: r.comment ?? "",
      submitted: r.submittedAt ? formatDateTime(r.submittedAt) : "",
    });
  }
  detail.getColumn("total").numFmt = "0.00";

  // 排名
  const rankSheet = workbook.addWorksheet(RANKING_SHEETS[1]);
  rankSheet.columns = [
    { header: "排名", key: "rank", width: 6 },
    { header: "项目名称", key: "title", width: 32 },
    { header: "申报机构", key: "org", width: 30 },
    { header: "评审数", key: "reviews", width: 8 },
    { header: "最终得分", key: "score", width: 10 },
    { header: "评分极差", key: "spread", width: 10 },
    { header: "分歧较大", key: "flagged", width: 10 },
  ];
  for (const r of rows) {
    rankSheet.addRow({
      rank: r.rank,
      title: r.title,
      org: r.organizationName,
      reviews: r.reviewCount,
      score: r.finalScore,
      spread: round2(r.spread),
      flagged: r.flagged ? "是" : "否",
    });
  }
  rankSheet.getColumn("score").numFmt = "0.00";
  rankSheet.getColumn("spread").numFmt = "0.00";

  // 资金分配 with a totals row.
  const money = workbook.addWorksheet(RANKING_SHEETS[2]);
  money.columns = [
    { header: "排名", key: "rank", width: 6 },
    { header: "项目名称", key: "title", width: 32 },
    { header: "申报机构", key: "org", width: 30 },
    { header: "申请金额（元）", key: "requested", width: 16 },
    { header: "规则建议金额（元）", key: "proposed", width: 18 },
    { header: "是否入围", key: "selected", width: 10 },
    { header: "拟资助金额（元）", key: "amount", width: 16 },
    { header: "调整理由", key: "reason", width: 40 },
  ];
  for (const l of lines) {
    money.addRow({
      rank: l.rank,
      title: l.title,
      org: l.organizationName,
      requested: l.requestedFen / 100,
      proposed: l.proposedFen / 100,
      selected: l.selected ? "是" : "否",
      amount: l.amountFen / 100,
      reason: l.overrideReason ?? "",
    });
  }
  const allocatedFen = lines.reduce((s, l) => s + (l.selected ? l.amountFen : 0), 0);
  money.addRow({});
  for (const [label, fen] of [
    ["资金池", rules.poolFen],
    ["拟分配合计", allocatedFen],
    ["余额", rules.poolFen - allocatedFen],
  ] as const) {
    const row = money.addRow({ title: label, amount: fen / 100 });
    row.font = { bold: true };
  }
  for (const key of ["requested", "proposed", "amount"]) money.getColumn(key).numFmt = "#,##0.00";

  for (const sheet of [detail, rankSheet, money]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return { workbook, call };
}

function round2(n: number) {
  return Math.round(n * 100) / 100;
}
