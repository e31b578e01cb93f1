import { createUser, expect, loginAs, test } from "../playwright-utils";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("a forbidden file type is refused with a message and the form keeps its values", async ({
  page,
  login,
  browser,
}) => {
  await login({ role: "ORG_MEMBER" });
  await page.goto("/org/documents");

  await page.getByLabel("文件类别").selectOption({ label: "章程" });
  await page.getByLabel("说明").fill("2025年修订版章程");
  // A Windows program renamed to look like a PDF: refused by its content.
  await page.getByLabel("文件", { exact: true }).setInputFiles({
    name: "章程.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]),
  });
  await page.getByRole("button", { name: "上传" }).click();

  await expect(page.getByText("不支持文件「章程.pdf」的类型，仅可上传 PDF、JPG、PNG、DOCX、XLSX 文件")).toBeVisible();
  await expect(page.getByLabel("文件类别")).toHaveValue("org.charter");
  await expect(page.getByLabel("说明")).toHaveValue("2025年修订版章程");
  await expect(page.getByText("还没有上传任何文件。")).toBeVisible();

  // A real PDF goes through and is listed.
  await page
    .getByLabel("文件", { exact: true })
    .setInputFiles({ name: "章程.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传" }).click();
  await expect(page.getByText("文件已上传。")).toBeVisible();
  const link = page.getByRole("link", { name: "章程.pdf" });
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");

  const own = await page.request.get(href!);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");

  // A member of another organization may not open it.
  const other = await createUser({ role: "ORG_MEMBER" });
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await loginAs(otherPage, other.id);
  const response = await otherPage.goto(href!);
  expect(response?.status()).toBe(403);
  await expect(otherPage.getByText("您没有权限查看该文件")).toBeVisible();
  await otherContext.close();
});
