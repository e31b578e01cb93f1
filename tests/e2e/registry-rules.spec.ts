import { prisma } from "~/utils/db.server";
import { seedRules } from "../../prisma/seed-parts/rules";
import { expect, test } from "../playwright-utils";

// A national body's minimum is used for the journey because this district
// registers local bodies only, so other journeys running at the same time are
// not affected by the value set here.
const KEY = "registration.socialGroup.minCapitalNationalFen";
const LABEL = "全国性社会团体活动资金下限";

test("staff set a rule value effective today; it is in force and the history keeps the old one", async ({
  page,
  login,
}) => {
  await seedRules(prisma); // the seeded initial values (no-op when already there)
  // A first attempt that died before its cleanup leaves its value behind; a retry starts from the seeded one.
  await prisma.ruleParameter.deleteMany({ where: { key: KEY, note: { not: "系统初始值" } } });
  await login({ role: "ADMIN" });
  const before = await prisma.ruleParameter.findMany({ where: { key: KEY }, select: { id: true } });

  try {
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "民政局管理后台导航" }).getByRole("link", { name: "规则参数" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "规则参数" })).toBeVisible();
    const row = page.getByTestId(`rule-${KEY}`);
    await expect(row.getByTestId("rule-current")).toHaveText("¥100,000.00");

    const form = page.getByRole("region", { name: "设置新的值" });
    await form.getByLabel("规则").selectOption({ label: LABEL });
    // Money is typed in 元; something else is refused at the field.
    await form.getByLabel("新的值").fill("十五万");
    await expect(async () => {
      await form.getByRole("button", { name: "保存" }).click();
      await expect(form.getByText("请输入金额（元）")).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await form.getByLabel("新的值").fill("150,000");
    await form.getByLabel("说明（可选）").fill("按新规定调整");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toContainText(`已设置「${LABEL}」为 ¥150,000.00`);

    await expect(row.getByTestId("rule-current")).toHaveText("¥150,000.00");
    await row.getByText("2 条记录").click();
    const history = row.getByTestId("rule-history");
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByRole("listitem").first()).toContainText("¥150,000.00");
    await expect(history.getByRole("listitem").first()).toContainText("现行");
    await expect(history.getByRole("listitem").first()).toContainText("按新规定调整");
    await expect(history.getByRole("listitem").nth(1)).toContainText("¥100,000.00");
    await expect(history.getByRole("listitem").nth(1)).toContainText("2020年1月1日 起");
    await expect(history.getByRole("listitem").nth(1)).toContainText("系统初始值");
  } finally {
    // Put the rule back as it was for whatever runs next against this database.
    await prisma.ruleParameter.deleteMany({ where: { key: KEY, id: { notIn: before.map((r) => r.id) } } });
  }
});
