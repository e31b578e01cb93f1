import { startGrantApplication } from "~/modules/grants/applications/applications.server";
import { createUser, expect, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { createCall, registerOrganization } from "./grants-apply-helpers";
import { addToCartFromProductPage, listedProduct } from "./showroom-helpers";

test("the cart offers 继续选购 and the header counts what the cart holds", async ({ page }) => {
  const product = await listedProduct();
  await page.goto("/products");
  await expect(page.getByTestId("header-cart")).toHaveAccessibleName("购物车");

  await addToCartFromProductPage(page, product.id, product.name, 2);
  await expect(page.getByTestId("header-cart")).toHaveAccessibleName("购物车，2 件");
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("link", { name: "继续选购" }).click();
  await expect(page).toHaveURL("/products");
  // The count survives a new page load: it is read from this browser's cart.
  await expect(page.getByTestId("header-cart")).toHaveAccessibleName("购物车，2 件");
});

test("在线申报 opens the organization's own application for the call when it has one", async ({ page, login }) => {
  const member = await login({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id });
  const applicationId = await startGrantApplication({
    organizationId: member.organizationId!,
    userId: member.id,
    callId: call.id,
    request: new Request("http://localhost/org/grants"),
  });

  await page.goto(`/grants/${call.id}`);
  await page.getByRole("link", { name: "在线申报" }).click();
  await expect(page).toHaveURL(`/org/grants/${applicationId}`);
  await expect(page.getByRole("button", { name: "保存草稿" })).toBeVisible();
  // What 提交 will demand is marked before anything is typed (item 11); a draft saves without it.
  await expect(page.getByLabel("项目名称")).toHaveAttribute("required", "");
  await expect(page.getByLabel("里程碑1名称")).toHaveAttribute("required", "");
  await expect(page.getByLabel("里程碑1日期")).not.toHaveAttribute("required", "");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();
});

test("an organization's home leads to its registration while preparing and to its certificate once registered", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER" });
  await page.goto("/org");
  const nav = page.getByRole("navigation").filter({ hasText: "工作台" }).first();
  await expect(nav.getByRole("link", { name: "年检" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "公益产品" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "登记完成后开放的事项" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: "填写登记申请" }).first().click();
  await expect(page).toHaveURL(/\/org\/registration/);

  await registerOrganization(member.organizationId!);
  await page.goto("/org");
  await expect(nav.getByRole("link", { name: "年检" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "登记完成后开放的事项" })).toHaveCount(0);
  await page.getByRole("link", { name: "查看登记证书" }).click();
  await expect(page).toHaveURL("/org/certificate");
});
