import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getPublicEdition, loadPublicDirectory } from "~/modules/directory/public.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { DirectoryPage } from "./directory-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.edition.title ?? "政府购买服务推荐性目录"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: no login. Only editions put in publicity or published exist here.
  const edition = await getPublicEdition(params.editionId ?? "");
  invariantResponse(edition, "未找到该目录", { status: 404 });
  // During publicity the proposed list is read on its own page, with the objection links.
  if (edition.status === "PUBLICITY") return redirect(`/directory/${edition.id}/publicity`);
  return loadPublicDirectory(edition, new URL(request.url));
}

export default function PublicDirectoryEditionPage() {
  return <DirectoryPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
