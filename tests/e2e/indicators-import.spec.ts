import ExcelJS from "exceljs";
import { expect, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";

const HEADER = ["编码", "名称", "分值", "评分方式", "评分细则/选项", "准备材料", "加分项"];

async function xlsx(rows: Array<Array<string | number>>) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("评分细则").addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const file = async (name: string, rows: Array<Array<string | number>>) => ({
  name,
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  buffer: await xlsx(rows),
});

test("staff import a scheme from Excel and see its tree; a wrong sum names the row", async ({ page, login }) => {
  const title = `导入测试指标体系${Date.now()}`;
  await login({ role: "ADMIN" });
  await page.goto("/admin");
  await page.getByRole("navigation").getByRole("link", { name: "评估指标体系" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "评估指标体系" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // A sheet whose 1.1 children add up to 28 instead of 30.
  await page.getByLabel("名称").fill(title);
  await page.getByLabel("总分").fill("100");
  await page.getByLabel("加分上限").fill("10");
  await page
    .getByLabel("从 Excel 导入（可选）")
    .setInputFiles(
      await file("wrong.xlsx", [
        HEADER,
        ["1", "基础条件", 40, "", "", "", ""],
        ["1.1", "法人资格", 30, "", "", "", ""],
        ["1.1.1", "法定代表人按章程选举产生", 20, "是否判定", "", "选举会议纪要", ""],
        ["1.1.2", "办公场所", 8, "分档计分", "面积≥80㎡ 得 8 分\n不足80㎡ 得 4 分", "租赁合同", ""],
        ["1.2", "章程", 10, "据实评分", "", "章程", ""],
        ["2", "工作绩效", 60, "逐项计分", "□ 开展培训 得 30 分\n□ 承接政府购买服务 得 30 分", "活动记录", ""],
      ]),
    );
  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page.getByText("第 3 行：1.1 的下级分值合计 28，应为 30")).toBeVisible();

  // The corrected sheet imports, 4 levels deep, with a bonus item.
  await page
    .getByLabel("从 Excel 导入（可选）")
    .setInputFiles(
      await file("right.xlsx", [
        HEADER,
        ["1", "基础条件", 40, "", "", "", ""],
        ["1.1", "法人资格", 30, "", "", "", ""],
        ["1.1.1", "法定代表人", 22, "", "", "", ""],
        ["1.1.1.1", "按章程规定程序选举产生", 22, "是否判定", "", "选举会议纪要", ""],
        ["1.1.2", "办公场所", 8, "分档计分", "面积≥80㎡ 得 8 分\n不足80㎡ 得 4 分", "租赁合同", ""],
        ["1.2", "章程", 10, "据实评分", "", "章程", ""],
        ["2", "工作绩效", 60, "逐项计分", "□ 开展培训 得 30 分\n□ 承接政府购买服务 得 30 分", "活动记录", ""],
        ["3", "加分项", 10, "据实评分", "", "表彰文件", "是"],
      ]),
    );
  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("各级指标分值合计正确，可用于评估。")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const tree = page.getByRole("table", { name: "指标" });
  await expect(tree.getByTestId("node-1.1.1.1")).toContainText("按章程规定程序选举产生");
  await expect(tree.getByTestId("node-1.1.2")).toContainText("分档计分");
  await expect(tree.getByTestId("node-1.1.2")).toContainText("面积≥80㎡ 得 8 分");
  await expect(tree.getByTestId("node-2")).toContainText("□ 开展培训 得 30 分");
  await expect(tree.getByTestId("node-3")).toContainText("加分项");

  // Staff add an indicator in the browser; a checklist that does not add up is refused at the field.
  await tree.getByRole("link", { name: "添加下级 1", exact: true }).click();
  await expect(page.getByRole("heading", { name: "在 1 下添加指标" })).toBeVisible();
  await expect(page.getByLabel("编码")).toHaveValue("1.3");
  await page.getByLabel("名称", { exact: true }).fill("印章管理");
  await page.getByLabel("分值").fill("5");
  await page.getByLabel("评分方式").selectOption({ label: "逐项计分" });
  await page.getByLabel("评分细则/选项").fill("□ 印章备案 得 2 分\n□ 使用登记 得 2 分");
  await page.getByRole("button", { name: "保存指标" }).click();
  await expect(page.getByText("各项合计 4 分，应等于分值 5 分")).toBeVisible();
  await page.getByLabel("评分细则/选项").fill("□ 印章备案 得 2.5 分\n□ 使用登记 得 2.5 分");
  await page.getByRole("button", { name: "保存指标" }).click();
  await expect(page.getByText("指标已保存。")).toBeVisible();
  await expect(tree.getByTestId("node-1.3")).toContainText("印章管理");
  // 1 now has 45 under 40 points: the page says so.
  await expect(page.getByTestId("scheme-issues")).toContainText("1 的下级分值合计 45，应为 40");
});
