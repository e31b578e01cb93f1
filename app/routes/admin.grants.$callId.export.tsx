import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/permissions.server";
import { getCall } from "~/modules/grants/applications/staff-screening.server";
import { buildApplicationsWorkbook } from "~/modules/grants/screening/export.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { invariantResponse } from "~/utils/http";

/** The call's applications (not drafts) with their checks, as an Excel download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const call = await getCall(params.callId ?? "");
  invariantResponse(call, "未找到该公益创投活动", { status: 404 });
  const workbook = await buildApplicationsWorkbook(call.id, call.title);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition(`grant-applications-${call.year}.xlsx`, `${call.title}申报列表.xlsx`),
      "Cache-Control": "private, no-store",
    },
  });
}
