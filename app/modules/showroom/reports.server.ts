import ExcelJS from "exceljs";
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { splitLine } from "./pricing";

/** Orders that count as sales: paid and not refunded or cancelled. */
export const SOLD_STATES = ["PAID", "SHIPPED", "PICKED_UP", "COMPLETED"];

export type SalesRow = {
  key: string;
  label: string;
  quantity: number;
  totalFen: number;
  makerFen: number;
  fundFen: number;
};

export type SalesReport = {
  byOrganization: SalesRow[];
  byProduct: SalesRow[];
  byMonth: SalesRow[];
  totals: SalesRow;
};

function add(
  map: Map<string, SalesRow>,
  key: string,
  label: string,
  quantity: number,
  s: { totalFen: number; makerFen: number; fundFen: number },
) {
  const row = map.get(key) ?? { key, label, quantity: 0, totalFen: 0, makerFen: 0, fundFen: 0 };
  row.quantity += quantity;
  row.totalFen += s.totalFen;
  row.makerFen += s.makerFen;
  row.fundFen += s.fundFen;
  map.set(key, row);
}

/** Sales by organization, product and month (Shanghai, by payment date), with the split totals. */
export async function buildSalesReport(filter: { organizationId?: string; year?: number } = {}): Promise<SalesReport> {
  const from = filter.year ? new Date(Date.UTC(filter.year - 1, 11, 31, 16)) : undefined;
  const to = filter.year ? new Date(Date.UTC(filter.year, 11, 31, 16)) : undefined;
  const lines = await prisma.orderLine.findMany({
    where: {
      ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      order: { status: { in: SOLD_STATES }, ...(from && to ? { paidAt: { gte: from, lt: to } } : {}) },
    },
    select: {
      productId: true,
      productName: true,
      organizationId: true,
      unitPriceFen: true,
      quantity: true,
      makerSharePct: true,
      order: { select: { paidAt: true, createdAt: true } },
    },
  });
  const orgIds = [...new Set(lines.map((l) => l.organizationId))];
  const orgs = await prisma.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const byOrg = new Map<string, SalesRow>();
  const byProduct = new Map<string, SalesRow>();
  const byMonth = new Map<string, SalesRow>();
  const totals: SalesRow = { key: "total", label: "合计", quantity: 0, totalFen: 0, makerFen: 0, fundFen: 0 };
  for (const line of lines) {
    const s = splitLine(line);
    const at = shanghaiParts(line.order.paidAt ?? line.order.createdAt);
    const month = `${at.year}-${String(at.month).padStart(2, "0")}`;
    add(byOrg, line.organizationId, orgName.get(line.organizationId) ?? "—", line.quantity, s);
    add(byProduct, line.productId, line.productName, line.quantity, s);
    add(byMonth, month, `${at.year}年${at.month}月`, line.quantity, s);
    totals.quantity += line.quantity;
    totals.totalFen += s.totalFen;
    totals.makerFen += s.makerFen;
    totals.fundFen += s.fundFen;
  }
  const byTotal = (a: SalesRow, b: SalesRow) => b.totalFen - a.totalFen || a.label.localeCompare(b.label);
  return {
    byOrganization: [...byOrg.values()].sort(byTotal),
    byProduct: [...byProduct.values()].sort(byTotal),
    byMonth: [...byMonth.values()].sort((a, b) => a.key.localeCompare(b.key)),
    totals,
  };
}

const yuan = (fen: number) => fen / 100;

export async function buildSalesWorkbook(report: SalesReport) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "益苗";
  workbook.created = new Date();
  const sections: [string, string, SalesRow[]][] = [
    ["按社会组织", "社会组织", report.byOrganization],
    ["按产品", "产品", report.byProduct],
    ["按月份", "月份", report.byMonth],
  ];
  for (const [title, keyHeader, rows] of sections) {
    const sheet = workbook.addWorksheet(title);
    sheet.columns = [
      { header: keyHeader, key: "label", width: 34 },
      { header: "售出件数", key: "quantity", width: 10 },
      { header: "销售额（元）", key: "total", width: 14, style: { numFmt: "#,##0.00" } },
      { header: "制作者所得（元）", key: "maker", width: 16, style: { numFmt: "#,##0.00" } },
      { header: "社区微基金（元）", key: "fund", width: 16, style: { numFmt: "#,##0.00" } },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const row of [...rows, report.totals]) {
      sheet.addRow({
        label: row.label,
        quantity: row.quantity,
        total: yuan(row.totalFen),
        maker: yuan(row.makerFen),
        fund: yuan(row.fundFen),
      });
    }
  }
  return workbook;
}
