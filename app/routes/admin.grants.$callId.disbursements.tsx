import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/permissions.server";
import { disbursementRegister } from "~/modules/funding/disbursement-register.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { invariantResponse } from "~/utils/http";

/** The call's disbursement register (ledger, every tranche and its payment, refunds) as Excel. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const register = await disbursementRegister(params.callId ?? "");
  invariantResponse(register, "未找到该公益创投活动", { status: 404 });
  const buffer = await register.workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition(
        `grant-disbursements-${register.year}.xlsx`,
        `${register.title}拨付登记簿.xlsx`,
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
