import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/permissions.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { buildRoundWorkbook } from "~/modules/rating/stats-export.server";
import { invariantResponse } from "~/utils/http";

/** A round's results and score sheets as an Excel download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const built = await buildRoundWorkbook(params.roundId ?? "");
  invariantResponse(built, "未找到该评估轮次", { status: 404 });
  const buffer = await built.workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition("rating-results.xlsx", `${built.title}评估结果.xlsx`),
      "Cache-Control": "private, no-store",
    },
  });
}
