// An objector's page for an objection to an evaluation result (#14 item 4): the shared status view.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getEvaluationObjectionByToken } from "~/modules/evaluation/public.server";
import { ObjectionStatusPage } from "~/modules/publicity/objection-pages";
import { appUrl } from "~/utils/app-origin.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "异议处理情况 · 益苗" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: the secret token in the address is the only key.
  const objection = await getEvaluationObjectionByToken(params.token ?? "");
  invariantResponse(objection, "未找到该异议，请核对链接是否完整", { status: 404 });
  return { objection, url: appUrl(new URL(request.url).pathname) };
}

export default function EvaluationObjectionStatusPage() {
  const { objection, url } = useLoaderData<typeof loader>();
  return (
    <ObjectionStatusPage
      publication={
        <Link to={`/grants/${objection.call.id}/evaluations`} className="link">
          {objection.call.title} · 项目评估结果公示
        </Link>
      }
      objection={objection}
      url={url}
      upheldText="撤回公示，重新评定"
      entry={`异议的评估结果：${objection.entry}`}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
