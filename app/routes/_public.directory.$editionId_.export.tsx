import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildDirectoryWorkbook } from "~/modules/directory/export.server";
import { getPublicEdition, parseDirectoryQuery } from "~/modules/directory/public.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";
import { invariantResponse } from "~/utils/http";

/** A published edition's entries (with the page's filters) as an Excel download. Public: no login. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = await getPublicEdition(params.editionId ?? "");
  invariantResponse(edition && edition.status !== "PUBLICITY", "未找到该目录", { status: 404 });
  const workbook = await buildDirectoryWorkbook(edition, parseDirectoryQuery(new URL(request.url)));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition(`directory-${edition.year}.xlsx`, `${edition.title}.xlsx`),
      "Cache-Control": "no-store",
    },
  });
}
