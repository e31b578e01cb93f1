import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getGrantObjectionByToken } from "~/modules/grants/publicity/public.server";
import { UPHELD_ACTIONS, type UpheldAction } from "~/modules/grants/publicity/publicity";
import { ObjectionStatusPage } from "~/modules/publicity/objection-pages";
import { appUrl } from "~/utils/app-origin.server";
import { formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "异议处理情况 · 益苗" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: the secret token in the address is the only key.
  const objection = await getGrantObjectionByToken(params.token ?? "");
  invariantResponse(objection, "未找到该异议，请核对链接是否完整", { status: 404 });
  return { objection, url: appUrl(new URL(request.url).pathname) };
}

export default function GrantObjectionStatusPage() {
  const { objection, url } = useLoaderData<typeof loader>();
  const action = objection.upheldAction as UpheldAction | null;
  const upheldText = action
    ? `${UPHELD_ACTIONS[action] ?? action}${action === "CHANGE_AMOUNT" ? `（调整为 ${formatFen(objection.changedAmountFen)}）` : ""}`
    : null;
  return (
    <ObjectionStatusPage
      publication={
        <Link to={`/grants/${objection.call.id}/publicity`} className="link">
          {objection.call.title} · 拟入围项目公示
        </Link>
      }
      objection={objection}
      url={url}
      upheldText={upheldText}
      entry={`异议项目：${objection.application.organization.name} — ${objection.application.title}`}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
