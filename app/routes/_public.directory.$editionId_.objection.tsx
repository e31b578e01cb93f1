import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { directoryObjectionTarget } from "~/modules/directory/objections.server";
import { getPublicEdition, publicityEntries } from "~/modules/directory/public.server";
import { DIRECTORY_OBJECTION_FIELD } from "~/modules/directory/publication";
import { fileObjection } from "~/modules/publicity/file-objection.server";
import { signFormStamp } from "~/modules/publicity/form-stamp.server";
import { PublicObjectionForm } from "~/modules/publicity/objection-form";
import { receivePublicObjection } from "~/modules/publicity/objection-post.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

// File name ends in `$editionId_` so the form is not nested inside the edition page.

const ENTRY_MESSAGE = "请选择异议机构";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `提出异议 · ${data?.edition.title ?? "推荐性目录"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: no login. Only an edition in publicity takes objections.
  const edition = await getPublicEdition(params.editionId ?? "");
  invariantResponse(edition, "未找到该公示", { status: 404 });
  const now = new Date();
  const open = edition.status === "PUBLICITY" && edition.publicityEndsAt != null && edition.publicityEndsAt > now;
  const entries = open ? await publicityEntries(edition.id) : [];
  const wanted = new URL(request.url).searchParams.get("entryId");
  return {
    edition,
    entries: entries.map((e) => ({ value: e.id, label: e.organization.name })),
    preselected: entries.some((e) => e.id === wanted) ? wanted : null,
    closed: open ? null : "该目录当前未在公示期，不受理异议",
    stamp: signFormStamp(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Public form: no login; the guards are the publicity window, the signed stamp, the honeypot and the IP limit.
  const editionId = params.editionId ?? "";
  return receivePublicObjection(request, {
    entryField: DIRECTORY_OBJECTION_FIELD,
    entryMessage: ENTRY_MESSAGE,
    droppedPath: `/directory/${editionId}/publicity?submitted=1`,
    statusPath: (token) => `/directory/objections/${token}`,
    file: ({ entryId, ...objector }) =>
      fileObjection(directoryObjectionTarget(editionId, entryId), { ...objector, request }),
  });
}

export default function DirectoryObjectionPage() {
  const { edition, entries, preselected, closed, stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="提出异议"
        description={
          <>
            <Link to={`/directory/${edition.id}/publicity`} className="link">
              {edition.title} · 拟列入名单公示
            </Link>
            {edition.publicityEndsAt ? `，公示截止 ${formatDateTime(edition.publicityEndsAt)}` : ""}
          </>
        }
      />
      {closed ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          {closed}。
        </p>
      ) : (
        <PublicObjectionForm
          entryField={DIRECTORY_OBJECTION_FIELD}
          entryLabel="异议机构"
          entryMessage={ENTRY_MESSAGE}
          entries={entries}
          preselected={preselected}
          stamp={stamp}
          answer={answer}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
