import crypto from "node:crypto";
import { isValidUscc } from "~/modules/organizations/uscc";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { fillCommonFields, pdf, startApplication, uploadAllDocuments } from "./registration-helpers";

test("an organization applies, corrects after 补正, is registered with a valid code and found in the directory", async ({
  page,
  login,
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await login({ role: "ORG_MEMBER" });
  // Staff exist before the submission, so they are told about it.
  const admin = await createUser({ role: "ADMIN", name: "审查员王敏" });
  const name = `江宁区益邻社会工作服务中心${crypto.randomInt(1000, 9999)}号`;

  // ── The organization starts, saves a draft and comes back to it ──
  await startApplication(page, "社会服务机构（登记）");
  const applicationUrl = page.url();
  await page.getByLabel("拟定名称").fill(name);
  await expect(page.getByLabel("行政区划代码")).toHaveValue("320115");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toHaveText("草稿已保存，可随时回来继续填写。");
  await page.reload();
  await expect(page.getByLabel("拟定名称")).toHaveValue(name);

  // ── …fills in the rest, uploads the documents and submits ──
  await fillCommonFields(page);
  await page.getByLabel("开办资金（元）").fill("50000");
  await uploadAllDocuments(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("status")).toContainText("申请已提交，区民政局将在");
  const main = page.getByRole("main");
  await expect(main.getByTestId("application-status").first()).toHaveText("已提交");
  await expect(main.getByRole("link", { name: "住所证明.pdf" })).toBeVisible();

  // ── Staff return it for correction ──
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginAs(staff, admin.id);
  await staff.goto("/notifications");
  await expect(staff.getByText(`新的登记申请：${name}`)).toBeVisible();
  await staff.goto("/admin/registrations");
  await expect(staff.getByRole("heading", { level: 1, name: "登记审查" })).toBeVisible();
  const row = staff.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("已提交");
  await row.getByRole("link", { name }).click();
  await expect(staff.getByRole("heading", { level: 1, name })).toBeVisible();
  // 补正 needs the points to correct.
  await staff.getByRole("button", { name: "退回补正" }).click();
  await expect(staff.getByText("请填写需要补正的内容")).toBeVisible();
  await staff.getByLabel("补正内容").fill("住所证明扫描件不清晰，请重新上传清晰的租赁合同。");
  await staff.getByRole("button", { name: "退回补正" }).click();
  await expect(staff.getByRole("status")).toHaveText("已退回补正，申请人将收到补正要求。");

  // ── The organization sees the note, corrects and resubmits ──
  await page.goto(applicationUrl);
  await expect(page.getByRole("heading", { name: "区民政局要求补正" })).toBeVisible();
  await expect(page.getByTestId("correction-notes")).toHaveText("住所证明扫描件不清晰，请重新上传清晰的租赁合同。");
  // What was uploaded before is still there; only the 住所证明 is replaced.
  await expect(main.getByRole("link", { name: "章程草案.pdf" })).toBeVisible();
  await page.getByLabel("住所", { exact: true }).fill("南京市江宁区东山街道竹山路100号2楼");
  await page.getByLabel("住所证明").setInputFiles(pdf("住所证明-清晰版.pdf"));
  await page.getByRole("button", { name: "补正后重新提交" }).click();
  await expect(page.getByRole("status")).toContainText("申请已提交");
  await expect(page.getByTestId("submission-count")).toHaveText("2");
  await expect(main.getByRole("link", { name: "住所证明-清晰版.pdf" })).toBeVisible();
  await expect(main.getByRole("link", { name: "住所证明.pdf", exact: true })).toHaveCount(0);

  // ── Staff accept and approve ──
  await staff.reload();
  await staff.getByRole("button", { name: "受理" }).click();
  await expect(staff.getByRole("status")).toHaveText("已受理。");
  await staff.getByRole("button", { name: "准予登记" }).click();
  await staff.getByRole("dialog").getByRole("button", { name: "确认准予登记" }).click();
  await expect(staff.getByRole("status")).toHaveText("已准予登记并赋予统一社会信用代码。");
  const staffCode = (await staff.getByTestId("approved-uscc").textContent())!.trim();

  // ── The organization sees its code and opens the certificate ──
  await page.reload();
  await expect(main.getByTestId("application-status").first()).toHaveText("准予登记");
  const code = (await page.getByTestId("approved-uscc").textContent())!.trim();
  expect(code).toBe(staffCode);
  expect(isValidUscc(code)).toBe(true);
  expect(code.slice(0, 8)).toBe("52320115");
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: member.organizationId! },
    select: { name: true, uscc: true, status: true, address: true },
  });
  expect(org).toEqual({ name, uscc: code, status: "REGISTERED", address: "南京市江宁区东山街道竹山路100号2楼" });

  await page.getByRole("link", { name: "查看登记证书" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "登记证书" })).toBeVisible();
  const certificate = page.getByRole("article", { name: "社会组织登记证书" });
  await expect(certificate.getByTestId("certificate-uscc")).toHaveText(code);
  await expect(certificate.getByTestId("certificate-name")).toHaveText(name);
  await expect(certificate).toContainText("南京市江宁区东山街道竹山路100号2楼");
  await expect(certificate).toContainText("陈晓");
  await expect(certificate).toContainText("困境家庭个案服务；社区志愿者培训。");
  await expect(certificate).toContainText("区民政局");
  // Printed, only the certificate shows.
  await page.emulateMedia({ media: "print" });
  await expect(certificate).toBeVisible();
  await expect(page.getByRole("navigation", { name: "社会组织工作台导航" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印证书" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // ── The public finds it by name and by code ──
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  await visitor.goto(`/orgs?${new URLSearchParams({ q: name })}`);
  const list = visitor.getByRole("list", { name: "社会组织列表" });
  await expect(list.getByRole("link", { name })).toBeVisible();
  await visitor.goto(`/orgs?${new URLSearchParams({ q: code })}`);
  await expect(visitor.getByTestId("directory-count")).toHaveText("共找到 1 家社会组织");
  await expect(list.getByRole("link", { name })).toBeVisible();

  await staffContext.close();
  await publicContext.close();
});
