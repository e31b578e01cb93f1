// The public objection form for a call's evaluation results (#14 item 4): the shared publicity
// form (modules/publicity) with the results in publicity as its entries.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { publicEvaluationResults } from "~/modules/evaluation/public.server";
import { fileEvaluationObjection } from "~/modules/evaluation/publicity.server";
import { signFormStamp } from "~/modules/publicity/form-stamp.server";
import { PublicObjectionPage, preselectedEntry } from "~/modules/publicity/objection-pages";
import { receivePublicObjection } from "~/modules/publicity/objection-post.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `对评估结果提出异议 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: no login.
  const publicity = await publicEvaluationResults(params.callId ?? "");
  invariantResponse(publicity, "未找到该活动", { status: 404 });
  const entries = publicity.results.map((r) => ({
    value: r.evaluationId,
    label: `${r.organizationName} — ${r.title}（${r.label}，${r.grade ?? "—"}）`,
  }));
  return {
    call: publicity.call,
    entries,
    preselected: preselectedEntry(entries, request.url, "evaluationId"),
    closed: entries.length === 0 ? "目前没有公示中的评估结果，不受理异议" : null,
    stamp: signFormStamp(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Public form: no login; the guards are the publicity period, the signed stamp, the honeypot and the IP limit.
  const callId = params.callId ?? "";
  return receivePublicObjection(request, {
    entryField: "evaluationId",
    entryMessage: "请选择异议的评估结果",
    droppedPath: `/grants/${callId}/evaluations`,
    statusPath: (token) => `/grants/evaluation-objections/${token}`,
    file: ({ entryId, ...objector }) => fileEvaluationObjection(callId, entryId, { ...objector, request }),
  });
}

export default function EvaluationObjectionPage() {
  const { call, entries, preselected, closed, stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <PublicObjectionPage
      title="对评估结果提出异议"
      publication={
        <Link to={`/grants/${call.id}/evaluations`} className="link">
          {call.title} · 项目评估结果公示
        </Link>
      }
      closed={closed}
      form={{
        entryField: "evaluationId",
        entryLabel: "异议的评估结果",
        entryMessage: "请选择异议的评估结果",
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
