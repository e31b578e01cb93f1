import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import fs from "node:fs";

test("utf debug", async ({ page, login }) => {
  const member = await login({ role: "ORG_MEMBER", organizationName: `年检测试DBG-${Date.now()}` });
  const orgId = member.organizationId!;
  await prisma.organization.update({ where: { id: orgId }, data: { type: "FOUNDATION", status: "REGISTERED", registeredAt: new Date("2016-05-01T00:00:00+08:00") } });
  const round = await prisma.inspectionRound.create({ data: { year: 2097, deadline: new Date(Date.now() + 20 * 86_400_000), foundationDeadline: new Date(Date.now() + 20 * 86_400_000) }, select: { id: true } });
  const report = await prisma.inspectionReport.create({ data: { roundId: round.id, organizationId: orgId, year: 2097, status: "PENDING" }, select: { id: true } });
  let n = 0;
  page.on("request", (r) => { if (r.method() === "POST") { const b = r.postDataBuffer(); fs.writeFileSync(`/tmp/utf-req-${n}.bin`, b ?? Buffer.alloc(0)); fs.writeFileSync(`/tmp/utf-req-${n++}.json`, JSON.stringify({ url: r.url(), headers: r.headers() })); } });
  page.on("response", async (r) => { if (r.request().method() === "POST") { try { fs.writeFileSync(`/tmp/utf-resp.bin`, await r.body()); } catch {} } });
  await page.goto(`/org/inspection/${report.id}`);
  await page.getByLabel("年度业务活动情况").fill("资助助学项目 6 个。");
  await page.getByLabel("是否按照章程规定的宗旨和业务范围开展活动").selectOption("是");
  await page.getByLabel("负责人、理事（会员）等人员变动情况").fill("无");
  await page.getByLabel("内设机构、分支（代表）机构变动情况").fill("无");
  await page.getByLabel("会员数（个人和单位会员合计）").fill("0");
  await page.getByLabel("专职工作人员数").fill("3");
  await page.getByLabel("党组织建立情况").selectOption("未建立党组织");
  await page.getByLabel("党员人数").fill("0");
  for (const label of ["捐赠收入", "会费收入", "提供服务收入", "政府补助收入", "投资收益", "其他收入", "收入合计"]) {
    await page.getByLabel(label, { exact: true }).fill(label === "捐赠收入" || label === "收入合计" ? "20000" : "0");
  }
  for (const label of ["业务活动成本", "管理费用", "筹资费用", "其他费用", "费用合计"]) {
    await page.getByLabel(label, { exact: true }).fill(label === "业务活动成本" || label === "费用合计" ? "15000" : "0");
  }
  await page.getByLabel("资产合计", { exact: true }).fill("300000");
  await page.getByLabel("负债合计", { exact: true }).fill("0");
  await page.getByLabel("净资产合计", { exact: true }).fill("300000");
  await page.getByRole("button", { name: "提交年度报告" }).click();
  await page.waitForTimeout(3000);
  fs.writeFileSync("/tmp/utf-page.txt", await page.locator("body").innerText());
});
