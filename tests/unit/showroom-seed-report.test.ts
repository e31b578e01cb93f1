import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { sniffFileKind } from "~/modules/attachments/file-types";
import { UPLOAD_ROOT } from "~/modules/attachments/uploads.server";
import { buildSalesReport, buildSalesWorkbook } from "~/modules/showroom/reports.server";
import { prisma } from "~/utils/db.server";
import { seedShowroom } from "../../prisma/seed-parts/showroom";
import { createShowroomOrg } from "../support/showroom-fixtures";

test("the showroom demo data and the sales report built from it", async () => {
  await createShowroomOrg(prisma, "阳光助残服务中心");
  await createShowroomOrg(prisma, "社区妈妈手工坊");
  await seedShowroom(prisma);
  await seedShowroom(prisma); // runs once only

  expect(await prisma.product.count({ where: { status: "LISTED" } })).toBe(12);
  expect(await prisma.product.count({ where: { status: "PENDING" } })).toBe(2);
  const images = await prisma.attachment.findMany({
    where: { purpose: "showroom.product-image" },
    select: { isPublic: true, storageKey: true },
  });
  expect(images).toHaveLength(28);
  for (const img of images.slice(0, 3)) {
    expect(img.isPublic).toBe(true);
    expect(sniffFileKind(fs.readFileSync(path.join(UPLOAD_ROOT, img.storageKey)))).toBe("png");
  }
  expect(await prisma.order.count({ where: { status: "PENDING_PAYMENT", paymentMethod: "COUNTER" } })).toBe(1);

  // Sales count paid, shipped and completed orders; the pending one is left out.
  const lines = await prisma.orderLine.findMany({
    where: { order: { status: { in: ["PAID", "SHIPPED", "PICKED_UP", "COMPLETED"] } } },
    select: { unitPriceFen: true, quantity: true },
  });
  const expectedTotal = lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0);
  const report = await buildSalesReport();
  expect(report.totals.totalFen).toBe(expectedTotal);
  expect(report.totals.makerFen + report.totals.fundFen).toBe(expectedTotal);
  for (const rows of [report.byOrganization, report.byProduct, report.byMonth]) {
    expect(rows.reduce((s, r) => s + r.totalFen, 0)).toBe(expectedTotal);
    expect(rows.reduce((s, r) => s + r.makerFen, 0)).toBe(report.totals.makerFen);
  }
  const cookies = report.byProduct.find((r) => r.label === "助残烘焙曲奇礼盒")!;
  // 2 × ¥68.00 at 70/30
  expect(cookies).toMatchObject({ quantity: 2, totalFen: 13600, makerFen: 9520, fundFen: 4080 });

  const workbook = await buildSalesWorkbook(report);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["按社会组织", "按产品", "按月份"]);
  const sheet = workbook.getWorksheet("按产品")!;
  expect(sheet.getRow(1).getCell(1).value).toBe("产品");
  expect(sheet.getRow(sheet.rowCount).getCell(3).value).toBe(expectedTotal / 100);
});
