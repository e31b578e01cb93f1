import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { GRANT_MIDTERM_SCHEME, RATING_SCHEMES } from "../../../prisma/seed-parts/indicator-schemes";
import { defineRows } from "./define";
import { readSchemeWorkbook, schemeWorkbook } from "./excel.server";
import { buildTree } from "./scheme";

async function workbookOf(rows: Array<Array<string | number | null>>) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet1").addRows(rows);
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

const HEADER = ["编码", "名称", "分值", "评分方式", "评分细则/选项", "准备材料", "加分项"];

describe("scheme Excel sheet", () => {
  test("export then import gives the same tree and rules, for every demo scheme", async () => {
    for (const scheme of [...RATING_SCHEMES, GRANT_MIDTERM_SCHEME]) {
      const { rows, rules, totalPoints } = defineRows(scheme.defs);
      const file = await schemeWorkbook({ title: scheme.title, roots: buildTree(rows), rules });
      const read = await readSchemeWorkbook(new Uint8Array(file).buffer, totalPoints);
      expect(read).toEqual({ ok: true, nodes: rows, rules });
    }
  });

  test("reads a bureau's sheet: a title row above the header, method names as written, decimals", async () => {
    const file = await workbookOf([
      ["江宁区社会组织评估评分细则"],
      HEADER,
      ["1", "基础条件", 10.5, "", "", "", ""],
      ["1.1", "法定代表人按章程选举产生", 4, "是否", "", "会议纪要", ""],
      ["1.2", "办公场所", 5, "分档", "面积≥80㎡ 得 5 分\n50–80㎡ 得 3.5 分", "租赁合同", ""],
      ["1.3", "党组织活动", 1.5, "逐项", "□ 按期换届 得 1 分\n□ 主题党日 得 0.5 分", "", ""],
      ["2", "加分项", 5, "据实得分", "", "表彰文件", "是"],
    ]);
    const read = await readSchemeWorkbook(file, 10.5);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.nodes.map((n) => [n.code, n.points, n.method, n.bonus])).toEqual([
      ["1", 10.5, null, false],
      ["1.1", 4, "YES_NO", false],
      ["1.2", 5, "TIERS", false],
      ["1.3", 1.5, "CHECKLIST", false],
      ["2", 5, "MANUAL", true],
    ]);
    expect(read.nodes[2].items).toEqual([
      { label: "面积≥80㎡", points: 5 },
      { label: "50–80㎡", points: 3.5 },
    ]);
  });

  test("names the row whose children do not add up", async () => {
    const file = await workbookOf([
      HEADER,
      ["1", "基础条件", 30, "", "", "", ""],
      ["1.2", "法人资格", 30, "", "", "", ""],
      ["1.2.1", "法定代表人", 20, "据实评分", "", "", ""],
      ["1.2.2", "章程", 8, "据实评分", "", "", ""],
    ]);
    expect(await readSchemeWorkbook(file, 30)).toEqual({
      ok: false,
      errors: ["第 3 行：1.2 的下级分值合计 28，应为 30"],
    });
  });

  test("names the rows with a bad value, an unknown method or items that do not add up", async () => {
    const file = await workbookOf([
      HEADER,
      ["1", "基础条件", "三十", "", "", "", ""],
      ["2", "章程", 10, "打分", "", "", ""],
      ["3", "党建", 10, "逐项计分", "□ 按期换届 得 4 分\n□ 主题党日 得 3 分", "", ""],
    ]);
    expect(await readSchemeWorkbook(file, 30)).toEqual({
      ok: false,
      errors: [
        "第 2 行：分值应为数字",
        "第 3 行：评分方式“打分”无法识别，应为逐项计分、分档计分、是否判定、据实评分之一",
        "第 4 行：各项合计 7 分，应等于分值 10 分",
      ],
    });
  });

  test("a file without the header, or not a workbook at all, is refused with a message", async () => {
    expect(await readSchemeWorkbook(await workbookOf([["名称", "分值"]]), 10)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining("找不到表头")],
    });
    expect(await readSchemeWorkbook(new TextEncoder().encode("not a zip").buffer as ArrayBuffer, 10)).toEqual({
      ok: false,
      errors: ["无法读取该 Excel 文件，请另存为 .xlsx 后重试"],
    });
  });
});
