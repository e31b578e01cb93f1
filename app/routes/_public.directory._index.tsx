import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import {
  currentPublishedEdition,
  getPublicEdition,
  listPublicEditions,
  loadPublicDirectory,
} from "~/modules/directory/public.server";
import { formatDate } from "~/utils/format";
import { DirectoryPage } from "./_public.directory.$editionId/directory-page";

export const meta: MetaFunction = () => [{ title: "政府购买服务推荐性目录 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page: no login. The directory in force is the latest published edition.
  const current = await currentPublishedEdition();
  const edition = current ? await getPublicEdition(current.id) : null;
  if (edition) return { directory: await loadPublicDirectory(edition, new URL(request.url)), editions: [] };
  return { directory: null, editions: await listPublicEditions() };
}

export default function DirectoryIndexPage() {
  const { directory, editions } = useLoaderData<typeof loader>();
  if (directory) return <DirectoryPage data={directory} />;
  return (
    <div className="space-y-6">
      <PageHeader
        title="政府购买服务推荐性目录"
        description="区民政局每年发布，政府部门可向目录内的社会组织购买服务。"
      />
      {editions.length === 0 ? (
        <EmptyState>尚未发布推荐性目录。</EmptyState>
      ) : (
        <ul className="card space-y-1 text-sm">
          {editions.map((e) => (
            <li key={e.id}>
              <Link to={`/directory/${e.id}/publicity`} className="link">
                {e.title}
              </Link>
              {e.status === "PUBLICITY" ? `（拟列入名单公示中，至${formatDate(e.publicityEndsAt)}）` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
