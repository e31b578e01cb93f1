// Excel export of a round (#12 item 12): the results (one row per application
// that reached staff) and the score sheets (one row per application per leaf:
// self, experts' mean, committee, final), as bureaus file them.
import ExcelJS from "exceljs";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { gradeLabel } from "~/modules/registry/grade";
import { prisma } from "~/utils/db.server";
import { ratingApplicationWorkflow } from "./application-workflow";
import { finalLeafScores } from "./committee";
import { finalSheetOf } from "./committee.server";

export const RESULTS_HEADER = [
  "序号",
  "社会组织名称",
  "统一社会信用代码",
  "类型",
  "状态",
  "自评分",
  "专家评分",
  "委员会评分",
  "最终得分",
  "评估等级",
  "等级说明",
];
export const SHEET_HEADER = [
  "社会组织名称",
  "指标编号",
  "指标名称",
  "分值",
  "自评分",
  "专家平均分",
  "委员会评分",
  "最终得分",
];

const blank = (n: number | null | undefined) => (n == null ? "" : n);

function header(sheet: ExcelJS.Worksheet, names: string[], widths: number[]) {
  sheet.columns = names.map((name, i) => ({ header: name, width: widths[i] ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** The round's results and score sheets as an .xlsx workbook, or null for an unknown round. */
export async function buildRoundWorkbook(roundId: string) {
  const round = await prisma.ratingRound.findUnique({ where: { id: roundId }, select: { title: true } });
  if (!round) return null;
  const applications = await prisma.ratingApplication.findMany({
    where: { roundId, status: { notIn: ["DRAFT", "WITHDRAWN"] } },
    orderBy: [{ finalScore: "desc" }, { organization: { name: "asc" } }],
    select: {
      id: true,
      status: true,
      selfTotal: true,
      expertTotal: true,
      committeeTotal: true,
      finalScore: true,
      finalGrade: true,
      gradeCapNote: true,
      selfScores: { select: { leafCode: true, score: true } },
      organization: { select: { name: true, uscc: true, type: true } },
    },
  });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  workbook.created = new Date();
  const results = workbook.addWorksheet("评估结果");
  header(results, RESULTS_HEADER, [6, 36, 22, 16, 12, 10, 10, 12, 10, 10, 30]);
  const sheets = workbook.addWorksheet("评分表");
  header(sheets, SHEET_HEADER, [36, 10, 40, 8, 10, 12, 12, 10]);
  for (const [i, a] of applications.entries()) {
    results.addRow([
      i + 1,
      a.organization.name,
      a.organization.uscc ?? "",
      orgTypeLabel(a.organization.type),
      ratingApplicationWorkflow.stateLabels[a.status as keyof typeof ratingApplicationWorkflow.stateLabels] ?? a.status,
      blank(a.selfTotal),
      blank(a.expertTotal),
      blank(a.committeeTotal),
      blank(a.finalScore),
      a.finalGrade != null ? gradeLabel(a.finalGrade) : "",
      a.gradeCapNote ?? "",
    ]);
    const { leaves, expert, committeeScores } = await finalSheetOf(prisma, a.id);
    const committee = new Map(committeeScores.map((c) => [c.leafCode, c.score]));
    const final = finalLeafScores(expert, committee);
    const self = new Map(a.selfScores.map((s) => [s.leafCode, s.score]));
    const mean = finalLeafScores(expert, new Map());
    for (const leaf of leaves) {
      sheets.addRow([
        a.organization.name,
        leaf.code,
        leaf.title,
        leaf.points,
        blank(self.get(leaf.code)),
        blank(mean.get(leaf.code)),
        blank(committee.get(leaf.code)),
        blank(final.get(leaf.code)),
      ]);
    }
  }
  return { title: round.title, workbook };
}
