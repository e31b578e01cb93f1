// An objector's page for an objection to a directory's proposed list (#15): the shared status view.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { getDirectoryObjectionByToken } from "~/modules/directory/objections.server";
import { ObjectionStatusView } from "~/modules/publicity/objection-status";
import { appUrl } from "~/utils/app-origin.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "异议处理情况 · 益苗" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: the secret token in the address is the only key.
  const objection = await getDirectoryObjectionByToken(params.token ?? "");
  invariantResponse(objection, "未找到该异议，请核对链接是否完整", { status: 404 });
  return { objection, url: appUrl(new URL(request.url).pathname) };
}

export default function DirectoryObjectionStatusPage() {
  const { objection, url } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="异议处理情况"
        description={
          <Link to={`/directory/${objection.edition.id}/publicity`} className="link">
            {objection.edition.title} · 拟列入名单公示
          </Link>
        }
      />
      <ObjectionStatusView
        objection={objection}
        url={url}
        upheldText="该机构不予列入目录"
        entry={`异议机构：${objection.organizationName}`}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
