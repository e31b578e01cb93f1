import ExcelJS from "exceljs";
import { Prisma } from "~/generated/prisma/client";
import { SHANGHAI_OFFSET_MS } from "~/utils/dates";
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

export type SalesFilter = { organizationId?: string; year?: number };

/** Identical sold lines of one product in one month (Shanghai, by payment date), counted. */
type SalesGroup = {
  organizationId: string;
  productId: string;
  productName: string;
  unitPriceFen: number;
  quantity: number;
  makerSharePct: number;
  /** YYYY-MM */
  month: string;
  lines: number | bigint;
};

/**
 * The sold lines as one statement, identical lines (same product, price, quantity and share in
 * the same month) grouped and counted: an organization with thousands of sales reads a few
 * hundred rows, and the split of each group is still splitLine's, times its count. Prisma read
 * every line and then their orders in chunks of IN lists, about 100 ms of CPU for 3,000 lines.
 */
export function salesGroupsSql(filter: SalesFilter) {
  const conditions = [Prisma.sql`o."status" IN (${Prisma.join(SOLD_STATES)})`];
  if (filter.organizationId) conditions.push(Prisma.sql`l."organizationId" = ${filter.organizationId}`);
  if (filter.year) {
    const from = new Date(Date.UTC(filter.year, 0, 1) - SHANGHAI_OFFSET_MS);
    const to = new Date(Date.UTC(filter.year + 1, 0, 1) - SHANGHAI_OFFSET_MS);
    conditions.push(Prisma.sql`o."paidAt" >= ${from} AND o."paidAt" < ${to}`);
  }
  const shanghai = Prisma.raw(`'+${SHANGHAI_OFFSET_MS / 3_600_000} hours'`);
  // productId names one product of one organization; its name is the one on any of its lines.
  return Prisma.sql`SELECT l."organizationId", l."productId", l."productName", l."unitPriceFen", l."quantity",
      l."makerSharePct", strftime('%Y-%m', COALESCE(o."paidAt", o."createdAt"), ${shanghai}) AS "month",
      COUNT(*) AS "lines"
    FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY l."productId", l."unitPriceFen", l."quantity", l."makerSharePct", "month"`;
}

/** Sales by organization, product and month (Shanghai, by payment date), with the split totals. */
export async function buildSalesReport(filter: SalesFilter = {}): Promise<SalesReport> {
  const groups = await prisma.$queryRaw<SalesGroup[]>(salesGroupsSql(filter));
  const orgIds = [...new Set(groups.map((g) => g.organizationId))];
  const orgs = await prisma.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const byOrg = new Map<string, SalesRow>();
  const byProduct = new Map<string, SalesRow>();
  const byMonth = new Map<string, SalesRow>();
  const totals: SalesRow = { key: "total", label: "合计", quantity: 0, totalFen: 0, makerFen: 0, fundFen: 0 };
  for (const group of groups) {
    const count = Number(group.lines);
    const line = splitLine(group);
    const s = { totalFen: line.totalFen * count, makerFen: line.makerFen * count, fundFen: line.fundFen * count };
    const quantity = group.quantity * count;
    const [year, month] = group.month.split("-").map(Number);
    add(byOrg, group.organizationId, orgName.get(group.organizationId) ?? "—", quantity, s);
    add(byProduct, group.productId, group.productName, quantity, s);
    add(byMonth, group.month, `${year}年${month}月`, quantity, s);
    totals.quantity += quantity;
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
