// Shared steps of the registration specs: starting an application and filling
// the common part of the form the way an applicant does.
import { expect, type Page } from "@playwright/test";

export const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");

export function pdf(name: string) {
  return { name, mimeType: "application/pdf", buffer: PDF };
}

/** From /org/registration: picks the type, presses 开始申请 and waits for the form. */
export async function startApplication(page: Page, typeLabel: string) {
  await page.goto("/org/registration");
  await expect(page.getByRole("heading", { level: 1, name: "登记申请" })).toBeVisible();
  await page.getByLabel("申请类型").selectOption({ label: typeLabel });
  await page.getByRole("button", { name: "开始申请" }).click();
  await expect(page).toHaveURL(/\/org\/registration\/[^/?]+$/);
  await expect(page.getByRole("button", { name: "保存草稿" })).toBeVisible();
}

/** Everything but the name and the type-specific fields. */
export async function fillCommonFields(page: Page) {
  await page.getByLabel("住所", { exact: true }).fill("南京市江宁区东山街道竹山路100号");
  await page.getByLabel("活动地域").fill("南京市江宁区");
  await page.getByLabel("业务类别").selectOption("公益慈善类");
  await page.getByLabel("宗旨").fill("为社区居民特别是困境家庭提供专业社会工作服务。");
  await page.getByLabel("业务范围").fill("困境家庭个案服务；社区志愿者培训。");
  await page.getByLabel("法定代表人姓名").fill("陈晓");
  await page.getByLabel("负责人1姓名").fill("陈晓");
  await page.getByLabel("负责人1职务").fill("主任");
  await page.getByLabel("负责人1联系电话").fill("13800000003");
}

export async function uploadAllDocuments(page: Page) {
  await page.getByLabel("章程草案").setInputFiles(pdf("章程草案.pdf"));
  await page.getByLabel("住所证明").setInputFiles(pdf("住所证明.pdf"));
  await page.getByLabel("验资证明").setInputFiles(pdf("验资证明.pdf"));
  await page.getByLabel("负责人身份证明及简历").setInputFiles(pdf("负责人身份证明及简历.pdf"));
}
