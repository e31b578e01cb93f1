import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataPackage } from "~/modules/funding/public/open-data";
import { callOpenData } from "~/modules/funding/public/open-data.server";
import { invariantResponse } from "~/utils/http";

/** A call's funded projects as 360Giving-shaped JSON (docs/OPEN-DATA.md); public data only, no guard. */
export async function loader({ params }: LoaderFunctionArgs) {
  const data = await callOpenData(params.callId ?? "");
  invariantResponse(data, "该活动没有公开的资助项目", { status: 404 });
  return new Response(JSON.stringify(openDataPackage(data.records), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `inline; filename="grants-${data.call.year}-${data.call.id}.json"`,
    },
  });
}
