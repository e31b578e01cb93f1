import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/permissions.server";
import { buildRankingWorkbook } from "~/modules/grants/ranking/export.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { invariantResponse } from "~/utils/http";

/** The call's review scores, ranking and allocation as an Excel download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const built = await buildRankingWorkbook(params.callId ?? "");
  invariantResponse(built, "未找到该公益创投活动", { status: 404 });
  const buffer = await built.workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition(
        `grant-ranking-${built.call.year}.xlsx`,
        `${built.call.title}评分与分配.xlsx`,
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
