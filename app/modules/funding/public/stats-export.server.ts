// The public statistics as an .xlsx workbook (#14 item 11): the same figures as the page for
// the same scope, in total, by category, by the organization's street and by the area served,
// one sheet each.
import ExcelJS from "exceljs";
import { EVALUATION_GRADES } from "~/modules/evaluation/grades";
import { onTimePct, type FundingStats, type StatsTotals } from "./stats";

const COLUMNS = [
  { header: "名称", key: "name", width: 24 },
  { header: "资助项目数", key: "projects", width: 12 },
  { header: "资助金额（元）", key: "awarded", width: 16 },
  { header: "已拨付（元）", key: "paid", width: 16 },
  { header: "已退回（元）", key: "returned", width: 16 },
  { header: "计划受益人数", key: "planned", width: 14 },
  { header: "已服务人次", key: "served", width: 12 },
  ...EVALUATION_GRADES.map((g) => ({ header: `终期${g}`, key: `grade-${g}`, width: 10 })),
  { header: "尚未评定", key: "ungraded", width: 10 },
  { header: "应交报告", key: "due", width: 10 },
  { header: "按时提交", key: "onTime", width: 10 },
  { header: "按时率（%）", key: "onTimePct", width: 12 },
];

function row(name: string, t: StatsTotals) {
  return {
    name,
    projects: t.projects,
    awarded: t.awardedFen / 100,
    paid: t.paidFen / 100,
    returned: t.returnedFen / 100,
    planned: t.peoplePlanned,
    served: t.peopleServed,
    ...Object.fromEntries(EVALUATION_GRADES.map((g) => [`grade-${g}`, t.grades[g] ?? 0])),
    ungraded: t.ungraded,
    due: t.reportsDue,
    onTime: t.reportsOnTime,
    onTimePct: onTimePct(t) ?? "",
  };
}

export function statsWorkbook(stats: FundingStats, scopeLabel: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  workbook.title = `公益创投统计 ${scopeLabel}`;
  const sheets: [string, { name: string; t: StatsTotals }[]][] = [
    ["总体", [{ name: scopeLabel, t: stats.totals }]],
    ["按服务领域", stats.byCategory.map((g) => ({ name: g.name, t: g }))],
    ["按机构所在街道", stats.byStreet.map((g) => ({ name: g.name, t: g }))],
    ["按服务区域", stats.byServiceArea.map((g) => ({ name: g.name, t: g }))],
  ];
  for (const [title, rows] of sheets) {
    const sheet = workbook.addWorksheet(title);
    sheet.columns = COLUMNS;
    for (const r of rows) sheet.addRow(row(r.name, r.t));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const key of ["awarded", "paid", "returned"]) sheet.getColumn(key).numFmt = "#,##0.00";
  }
  return workbook;
}
