import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/permissions.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { buildSalesReport, buildSalesWorkbook } from "~/modules/showroom/reports.server";
import { parseReportYear } from "./admin.sales";

/** The year's showroom sales as an Excel download. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const year = parseReportYear(new URL(request.url));
  const workbook = await buildSalesWorkbook(await buildSalesReport({ year }));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition(`showroom-sales-${year}.xlsx`, `${year}年公益产品销售报表.xlsx`),
      "Cache-Control": "private, no-store",
    },
  });
}
