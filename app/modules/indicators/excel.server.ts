// The scheme sheet as an .xlsx file (sheet.ts decides the columns and checks the rows).
import ExcelJS from "exceljs";
import { type SchemeTree } from "./scheme";
import { type SheetCell, schemeToSheet, sheetToScheme } from "./sheet";

const WIDTHS = [10, 36, 8, 10, 48, 30, 8, 30, 16];

export async function schemeWorkbook(tree: Pick<SchemeTree, "title" | "roots" | "rules">) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("评分细则");
  sheet.addRows(schemeToSheet(tree));
  sheet.columns.forEach((col, i) => {
    col.width = WIDTHS[i] ?? 12;
    col.alignment = { vertical: "top", wrapText: true };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(cell: ExcelJS.Cell): SheetCell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "object" && "result" in value) {
    const result = value.result;
    return typeof result === "number" || typeof result === "string" ? result : null;
  }
  return cell.text;
}

/** Reads the first sheet of an uploaded workbook and checks it; a file that is not a workbook is an error too. */
export async function readSchemeWorkbook(data: ArrayBuffer, totalPoints: number) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch {
    return { ok: false as const, errors: ["无法读取该 Excel 文件，请另存为 .xlsx 后重试"] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false as const, errors: ["Excel 文件中没有工作表"] };
  const rows: Array<{ rowNumber: number; cells: SheetCell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    for (let i = 1; i <= Math.max(row.cellCount, 9); i++) cells.push(cellValue(row.getCell(i)));
    rows.push({ rowNumber, cells });
  });
  return sheetToScheme(rows, totalPoints);
}
