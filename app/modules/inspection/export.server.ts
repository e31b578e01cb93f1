import ExcelJS from "exceljs";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { conclusionLabel, reportStatusLabel } from "./labels";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The year's results as an .xlsx workbook (every listed organization, one row each). */
export async function buildResultsWorkbook(year: number) {
  const round = await prisma.inspectionRound.findUnique({ where: { year }, select: { id: true } });
  if (!round) return null;
  const reports = await prisma.inspectionReport.findMany({
    where: { roundId: round.id },
    orderBy: [{ organization: { name: "asc" } }, { id: "asc" }],
    select: {
      status: true,
      exemptReason: true,
      simplified: true,
      submittedAt: true,
      supervisorOpinion: true,
      conclusion: true,
      conclusionReason: true,
      concludedAt: true,
      organization: { select: { name: true, uscc: true, type: true, supervisingUnit: true } },
    },
  });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(`${year}年度年检结果`);
  sheet.columns = [
    { header: "序号", key: "n", width: 6 },
    { header: "社会组织名称", key: "name", width: 36 },
    { header: "统一社会信用代码", key: "uscc", width: 22 },
    { header: "类型", key: "type", width: 16 },
    { header: "业务主管单位", key: "supervisor", width: 20 },
    { header: "状态", key: "status", width: 12 },
    { header: "简化年检", key: "simplified", width: 10 },
    { header: "提交日期", key: "submitted", width: 16 },
    { header: "业务主管单位初审意见", key: "opinion", width: 18 },
    { header: "年检结论", key: "conclusion", width: 12 },
    { header: "结论理由／免检原因", key: "reason", width: 40 },
    { header: "结论日期", key: "concluded", width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  reports.forEach((r, i) => {
    sheet.addRow({
      n: i + 1,
      name: r.organization.name,
      uscc: r.organization.uscc ?? "",
      type: orgTypeLabel(r.organization.type),
      supervisor: r.organization.supervisingUnit ?? "",
      status: reportStatusLabel(r.status),
      simplified: r.simplified ? "是" : "否",
      submitted: r.submittedAt ? formatDate(r.submittedAt) : "",
      opinion: r.supervisorOpinion ?? "",
      conclusion: r.conclusion ? conclusionLabel(r.conclusion) : "",
      reason: r.conclusionReason ?? r.exemptReason ?? "",
      concluded: r.concludedAt ? formatDate(r.concludedAt) : "",
    });
  });
  return workbook;
}

/** Content-Disposition for a download with a Chinese file name (ASCII fallback for old clients). */
export function downloadDisposition(asciiName: string, name: string) {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
