// The published directory as an Excel download (same helpers as the inspection export).
import ExcelJS from "exceljs";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { gradeLabel } from "~/modules/registry/grade";
import { formatDate } from "~/utils/format";
import { ENTRY_ROUTES, type EntryRoute } from "./entry-workflow";
import { allListedEntries, type DirectoryQuery } from "./public.server";
import { markerLabels } from "./view";

export async function buildDirectoryWorkbook(edition: { id: string; title: string }, q: DirectoryQuery) {
  const entries = await allListedEntries(edition.id, q);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet("推荐性目录");
  sheet.columns = [
    { header: "序号", key: "n", width: 6 },
    { header: "社会组织名称", key: "name", width: 36 },
    { header: "统一社会信用代码", key: "uscc", width: 22 },
    { header: "类型", key: "type", width: 14 },
    { header: "评估等级", key: "grade", width: 10 },
    { header: "街道", key: "street", width: 12 },
    { header: "服务领域", key: "areas", width: 24 },
    { header: "优先标识", key: "markers", width: 30 },
    { header: "列入方式", key: "route", width: 12 },
    { header: "列入日期", key: "listed", width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  entries.forEach((e, i) =>
    sheet.addRow({
      n: i + 1,
      name: e.organization.name,
      uscc: e.organization.uscc ?? "",
      type: orgTypeLabel(e.organization.type),
      grade: e.organization.currentGrade ? gradeLabel(e.organization.currentGrade) : "",
      street: e.street,
      areas: e.areas.map((a) => a.area).join("、"),
      markers: markerLabels(e).join("、"),
      route: ENTRY_ROUTES[e.route as EntryRoute] ?? e.route,
      listed: e.listedAt ? formatDate(e.listedAt) : "",
    }),
  );
  return workbook;
}
