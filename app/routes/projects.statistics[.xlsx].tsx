import type { LoaderFunctionArgs } from "@remix-run/node";
import { statsWorkbook } from "~/modules/funding/public/stats-export.server";
import { parseStatsScope, publicFundingStats } from "~/modules/funding/public/stats.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";

/** The public statistics as Excel: open to everyone, like the page (no guard: public data only). */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = parseStatsScope(new URL(request.url));
  const stats = await publicFundingStats(scope, new Date());
  const label = scope.callId ? "所选活动" : scope.year ? `${scope.year} 年度` : "全部年度";
  const buffer = await statsWorkbook(stats, label).xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition("grant-statistics.xlsx", `公益创投统计（${label}）.xlsx`),
    },
  });
}
