// The screening list of a call as an .xlsx workbook.
import ExcelJS from "exceljs";
import { formatDateTime } from "~/utils/format";
import { grantStateLabel } from "../applications/application-workflow";
import { listApplicationsForExport } from "../applications/staff-screening.server";
import { autoCheckReasons, parseAutoChecks } from "./screening";

export async function buildApplicationsWorkbook(callId: string, callTitle: string) {
  const rows = await listApplicationsForExport(callId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  const sheet = workbook.addWorksheet("申报列表");
  sheet.columns = [
    { header: "序号", key: "no", width: 6 },
    { header: "申报机构", key: "org", width: 30 },
    { header: "统一社会信用代码", key: "uscc", width: 22 },
    { header: "项目名称", key: "title", width: 32 },
    { header: "类别", key: "category", width: 10 },
    { header: "申请资助金额（元）", key: "requested", width: 16 },
    { header: "项目总预算（元）", key: "total", width: 16 },
    { header: "状态", key: "status", width: 12 },
    { header: "自动检查", key: "checks", width: 10 },
    { header: "检查未通过原因", key: "reasons", width: 50 },
    { header: "审查意见", key: "note", width: 40 },
    { header: "提交时间", key: "submitted", width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  rows.forEach((r, i) => {
    const checks = parseAutoChecks(r.autoChecks);
    sheet.addRow({
      no: i + 1,
      org: r.organization.name,
      uscc: r.organization.uscc ?? "",
      title: r.title,
      category: r.category ?? "",
      requested: r.requestedFen / 100,
      total: r.totalBudgetFen / 100,
      status: grantStateLabel(r.status),
      checks: checks ? (checks.passed ? "通过" : "未通过") : "未检查",
      reasons: checks ? autoCheckReasons(checks).join("；") : "",
      note: r.status === "CORRECTION" ? (r.correctionNotes ?? "") : (r.screeningNote ?? ""),
      submitted: r.submittedAt ? formatDateTime(r.submittedAt) : "",
    });
  });
  for (const key of ["requested", "total"]) sheet.getColumn(key).numFmt = "#,##0.00";
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  workbook.title = `${callTitle} 申报列表`;
  return workbook;
}
