import type { LoaderFunctionArgs } from "@remix-run/node";
import { statsWorkbook } from "~/modules/funding/public/stats-export.server";
import { parseStatsScope, statsScopeLabel } from "~/modules/funding/public/stats-scope";
import { publicFundingStats, statsChoices } from "~/modules/funding/public/stats.server";
import { downloadDisposition, XLSX_CONTENT_TYPE } from "~/modules/inspection/export.server";

/** The public statistics as Excel, for the scope the page shows: open to everyone, like the page (no guard: public data only). */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = parseStatsScope(new URL(request.url).searchParams);
  const [choices, stats] = await Promise.all([statsChoices(), publicFundingStats(scope, new Date())]);
  const call = scope.callId ? (choices.calls.find((c) => c.id === scope.callId) ?? null) : null;
  const label = statsScopeLabel(scope, call);
  const buffer = await statsWorkbook(stats, label).xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": downloadDisposition("grant-statistics.xlsx", `公益创投统计（${label}）.xlsx`),
    },
  });
}
