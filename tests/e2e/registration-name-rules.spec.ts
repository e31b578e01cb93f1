import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { fillCommonFields, startApplication, uploadAllDocuments } from "./registration-helpers";

test("a local association named 中华… is refused at the name field, in the browser and on the server", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER" });
  await startApplication(page, "社会团体（登记）");
  await expect(page.getByLabel("地域范围")).toHaveValue("LOCAL");
  const nameField = page.getByLabel("拟定名称");
  await nameField.fill("中华传统文化促进会");
  await page.getByRole("button", { name: "提交申请" }).click();

  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(nameField).toHaveAccessibleDescription("地方性社会组织名称不得含有「中华」字样");
  // Other gaps are reported at their own fields.
  await expect(page.getByLabel("住所", { exact: true })).toHaveAccessibleDescription("请填写住所");

  // Sent straight to the server (no browser checks), it is refused the same way.
  const application = await prisma.registrationApplication.findFirstOrThrow({
    where: { organizationId: member.organizationId! },
    select: { id: true },
  });
  const response = await page.request.post(`/org/registration/${application.id}`, {
    multipart: { intent: "submit", orgType: "SOCIAL_GROUP", level: "LOCAL", proposedName: "中华传统文化促进会" },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("地方性社会组织名称不得含有「中华」字样");
  const stored = await prisma.registrationApplication.findUniqueOrThrow({
    where: { id: application.id },
    select: { status: true },
  });
  expect(stored.status).toBe("DRAFT");

  // A local name without the word passes that check.
  await nameField.fill("江宁区传统文化促进会");
  await expect(nameField).not.toHaveAttribute("aria-invalid", "true");
});

test("a name already registered is refused at the name field; a complete association then goes through", async ({
  page,
  login,
}) => {
  const registered = await prisma.organization.findFirstOrThrow({
    where: { status: "REGISTERED", type: "SOCIAL_GROUP" },
    select: { name: true },
  });
  await login({ role: "ORG_MEMBER" });
  await startApplication(page, "社会团体（登记）");
  await page.getByLabel("拟定名称").fill(registered.name);
  await fillCommonFields(page);
  await page.getByLabel("活动资金（元）").fill("29999.99");
  await page.getByLabel("个人会员数").fill("40");
  await page.getByLabel("单位会员数").fill("5");
  await uploadAllDocuments(page);
  await page.getByRole("button", { name: "提交申请" }).click();

  // The browser's checks first: money and members, at their fields.
  await expect(page.getByLabel("活动资金（元）")).toHaveAccessibleDescription(
    "地方性社会团体的活动资金不得少于 30,000 元",
  );
  await expect(page.getByLabel("个人会员数")).toHaveAccessibleDescription(/会员数量不足.*合计 50 个以上/);
  await page.getByLabel("活动资金（元）").fill("30000");
  await page.getByLabel("单位会员数").fill("10");
  await page.getByRole("button", { name: "提交申请" }).click();

  // Then the server's register lookup. Files are chosen again after a refused submission.
  await expect(page.getByLabel("拟定名称")).toHaveAccessibleDescription(
    `「${registered.name}」与已登记的社会组织重名，请更换名称`,
  );
  await page.getByLabel("拟定名称").fill("江宁区邻里文化促进会");
  await uploadAllDocuments(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("status")).toContainText("申请已提交");
});
