// Issue #19 item 1: one refused file never costs the rest of a draft. The typed
// fields and the valid files are saved, and the refused file is named at its field.
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { pdf, startApplication } from "./registration-helpers";
import { listedProduct, PNG } from "./showroom-helpers";

test("a refused file on the registration form keeps the typed fields and the valid file", async ({ page, login }) => {
  await login({ role: "ORG_MEMBER" });
  await startApplication(page, "社会服务机构（登记）");

  await page.getByLabel("拟定名称").fill("江宁区晨光社会工作服务中心");
  await page.getByLabel("住所", { exact: true }).fill("南京市江宁区东山街道竹山路100号");
  await page.getByLabel("章程草案").setInputFiles(pdf("章程草案.pdf"));
  await page.getByLabel("住所证明").setInputFiles({
    name: "住所证明.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("not a document"),
  });
  await page.getByRole("button", { name: "保存草稿" }).click();

  // Said at the field, and that the rest was kept.
  await expect(page.getByText(/不支持文件「住所证明\.txt」的类型.*该文件未保存/)).toBeVisible();
  await expect(page.getByText("其余内容已保存为草稿；标出的文件未被接受，请重新选择后再保存。")).toBeVisible();

  // What was typed and the valid file are stored: a reload shows them.
  await page.reload();
  await expect(page.getByLabel("拟定名称")).toHaveValue("江宁区晨光社会工作服务中心");
  await expect(page.getByLabel("住所", { exact: true })).toHaveValue("南京市江宁区东山街道竹山路100号");
  await expect(page.getByRole("link", { name: "章程草案.pdf" })).toBeVisible();
  await expect(page.getByRole("link", { name: "住所证明.txt" })).toHaveCount(0);
});

test("a refused image on the product form keeps the other edits and the valid image", async ({ page }) => {
  const product = await listedProduct({ stock: 10 });
  await loginAs(page, product.memberId);
  await page.goto(`/org/products/${product.id}`);
  await expect(page.getByRole("heading", { name: product.name })).toBeVisible();

  await page.getByLabel("库存（件）").fill("30");
  await page.getByLabel("更换产品图片（不选择则保留原图）").setInputFiles([
    { name: "作品.png", mimeType: "image/png", buffer: PNG },
    { name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") },
  ]);
  await page.getByRole("button", { name: "保存" }).click();

  await expect(page.getByText(/不支持文件「说明\.txt」的类型.*该文件未保存/)).toBeVisible();
  await expect(page.getByText("其余内容已保存；标出的图片未被接受，请重新选择后再保存。")).toBeVisible();
  const saved = await prisma.product.findUniqueOrThrow({
    where: { id: product.id },
    select: { stock: true, images: { select: { attachmentId: true } } },
  });
  expect(saved.stock).toBe(30);
  const images = await prisma.attachment.findMany({
    where: { id: { in: saved.images.map((i) => i.attachmentId) } },
    select: { originalName: true },
  });
  expect(images.map((i) => i.originalName)).toEqual(["作品.png"]);
});
