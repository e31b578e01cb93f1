import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/permissions.server";
import { schemeWorkbook } from "~/modules/indicators/excel.server";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";

/** The scheme as the Excel sheet its import reads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const tree = await loadSchemeTree(prisma, params.schemeId ?? "");
  invariantResponse(tree, "未找到该指标体系", { status: 404 });
  const buffer = await schemeWorkbook(tree);
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition(
        `indicators-${tree.key}-v${tree.version}.xlsx`,
        `${tree.title}（第${tree.version}版）.xlsx`,
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
