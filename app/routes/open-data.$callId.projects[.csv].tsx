import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataCsv } from "~/modules/funding/public/open-data";
import { callOpenData } from "~/modules/funding/public/open-data.server";
import { invariantResponse } from "~/utils/http";

/** A call's funded projects as 360Giving-titled CSV (docs/OPEN-DATA.md); public data only, no guard. */
export async function loader({ params }: LoaderFunctionArgs) {
  const data = await callOpenData(params.callId ?? "");
  invariantResponse(data, "该活动没有公开的资助项目", { status: 404 });
  // The byte-order mark lets Excel read the UTF-8 Chinese text.
  return new Response(`\uFEFF${openDataCsv(data.records)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="grants-${data.call.year}-${data.call.id}.csv"`,
    },
  });
}
