// The public objection form for a call's evaluation results (#14 item 4): the shared publicity
// form (modules/publicity) with the results in publicity as its entries.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { publicEvaluationResults } from "~/modules/evaluation/public.server";
import { fileEvaluationObjection } from "~/modules/evaluation/publicity.server";
import { signFormStamp } from "~/modules/publicity/form-stamp.server";
import { PublicObjectionForm } from "~/modules/publicity/objection-form";
import { receivePublicObjection } from "~/modules/publicity/objection-post.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `对评估结果提出异议 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public page: no login.
  const publicity = await publicEvaluationResults(params.callId ?? "");
  invariantResponse(publicity, "未找到该活动", { status: 404 });
  const wanted = new URL(request.url).searchParams.get("evaluationId");
  const entries = publicity.results.map((r) => ({
    value: r.evaluationId,
    label: `${r.organizationName} — ${r.title}（${r.label}，${r.grade ?? "—"}）`,
  }));
  return {
    call: publicity.call,
    entries,
    preselected: entries.some((e) => e.value === wanted) ? wanted : null,
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
  const { call, entries, preselected, stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="对评估结果提出异议"
        description={
          <Link to={`/grants/${call.id}/evaluations`} className="link">
            {call.title} · 项目评估结果公示
          </Link>
        }
      />
      {entries.length === 0 ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          目前没有公示中的评估结果，不受理异议。
        </p>
      ) : (
        <PublicObjectionForm
          entryField="evaluationId"
          entryLabel="异议的评估结果"
          entryMessage="请选择异议的评估结果"
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
