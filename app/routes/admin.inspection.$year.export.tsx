import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/permissions.server";
import { buildResultsWorkbook, downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { invariantResponse } from "~/utils/http";

/** The year's results as an Excel download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const year = Number(params.year);
  invariantResponse(Number.isInteger(year) && year >= 2000 && year <= 2100, "年度不正确", { status: 404 });
  const workbook = await buildResultsWorkbook(year);
  invariantResponse(workbook, "该年度尚未开启年检", { status: 404 });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition(`inspection-${year}.xlsx`, `${year}年度年检结果.xlsx`),
      "Cache-Control": "private, no-store",
    },
  });
}
