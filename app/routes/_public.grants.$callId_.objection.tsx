import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { createObjection } from "~/modules/grants/publicity/create-objection.server";
import { getPublicity } from "~/modules/grants/publicity/public.server";
import { objectionWindowProblem } from "~/modules/grants/publicity/publicity";
import { signFormStamp } from "~/modules/publicity/form-stamp.server";
import { PublicObjectionPage, preselectedEntry } from "~/modules/publicity/objection-pages";
import { receivePublicObjection } from "~/modules/publicity/objection-post.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

// File name ends in `$callId_` so the form is not nested inside the call page's layout.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `提出异议 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: no login.
  const publicity = await getPublicity(params.callId ?? "");
  invariantResponse(publicity, "未找到该公示", { status: 404 });
  const entries = publicity.entries.map((e) => ({
    value: e.applicationId,
    label: `${e.organizationName} — ${e.title}`,
  }));
  return {
    call: publicity.call,
    entries,
    preselected: preselectedEntry(entries, request.url, "applicationId"),
    closed: objectionWindowProblem(publicity.call, new Date()),
    stamp: signFormStamp(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Public form: no login; the guards are the publicity window, the signed stamp, the honeypot and the IP limit.
  const callId = params.callId ?? "";
  return receivePublicObjection(request, {
    entryField: "applicationId",
    entryMessage: "请选择异议项目",
    droppedPath: `/grants/${callId}/publicity?submitted=1`,
    statusPath: (token) => `/grants/objections/${token}`,
    file: ({ entryId, ...objector }) => createObjection({ callId, applicationId: entryId, ...objector, request }),
  });
}

export default function ObjectionPage() {
  const { call, entries, preselected, closed, stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <PublicObjectionPage
      title="提出异议"
      publication={
        <>
          <Link to={`/grants/${call.id}/publicity`} className="link">
            {call.title} · 拟入围项目公示
          </Link>
          ，公示截止 {formatDateTime(call.publicityEndsAt)}
        </>
      }
      closed={closed}
      form={{
        entryField: "applicationId",
        entryLabel: "异议项目",
        entryMessage: "请选择异议项目",
        entries,
        preselected,
        stamp,
        answer,
      }}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
