import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { CallLedgerSection } from "~/modules/funding/ledger-view";
import { loadCallLedger } from "~/modules/funding/ledger.server";
import { callPhase } from "~/modules/grants/calls/phase";
import { getCall, publishCall } from "~/modules/grants/calls/store.server";
import {
  CallEligibilityList,
  CallMoneyRules,
  CallRubric,
  CallTimeline,
  CallTranches,
  PhaseBadge,
} from "~/modules/grants/calls/view";
import { callWorkflow, type CallState } from "~/modules/grants/calls/workflow";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";
import { failFields } from "~/utils/write-result";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.call.title ?? "公益创投活动"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const call = await getCall(params.callId!);
  invariantResponse(call, "活动不存在", { status: 404 });
  const money = call.status === "DRAFT" ? null : await loadCallLedger(call.id);
  return { call, money, phase: call.status === "DRAFT" ? null : callPhase(call, new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  invariantResponse(formData.get("intent") === "publish", "未知操作");
  return answerIntent(
    "publish",
    formData,
    handler({
      schema: PublishCallSchema,
      run: async () => {
        const result = await publishCall(params.callId!, admin, request);
        // The editor's field messages, listed together above the publish button.
        return result.ok ? result : failFields({}, Object.values(result.fieldErrors ?? {}).flat());
      },
      done: () => data({ intent: "publish", published: true }),
    }),
  );
}

const PublishCallSchema = z.object({ intent: z.literal("publish") });

export default function AdminGrantCallPage() {
  const { call, money, phase } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const pending = useIsPending();
  const [publishForm] = useConformForm({
    id: "publish",
    schema: PublishCallSchema,
    reply: answer && "result" in answer ? answer : undefined,
  });
  const publishErrors = publishForm.errors?.length ? publishForm.errors : null;
  const [searchParams] = useSearchParams();
  const isDraft = call.status === "DRAFT";
  const message =
    (answer && "published" in answer) || searchParams.get("published") === "1"
      ? "活动已发布。"
      : searchParams.get("saved") === "1"
        ? "草稿已保存。"
        : null;

  return (
    <div className="space-y-4">
      <PageHeader
        title={call.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="call-status">{callWorkflow.stateLabels[call.status as CallState] ?? call.status}</span>
            {phase ? <PhaseBadge phase={phase} /> : null}
            <span>{call.year} 年度</span>
            {call.publishedAt ? <span>发布于 {formatDateTime(call.publishedAt)}</span> : null}
          </span>
        }
        actions={
          <Link to={`/admin/grants/${call.id}/edit`} className="btn-secondary">
            {isDraft ? "编辑" : "修改活动说明"}
          </Link>
        }
      />
      {message && !publishErrors ? <Notice>{message}</Notice> : null}

      {isDraft ? (
        <section className="card space-y-3" aria-label="发布">
          <p className="text-sm text-gray-700">
            草稿仅管理人员可见。发布前会检查权重与拨付比例合计、日期先后和金额上限；发布后在门户网站公开，资金规则和评分细则不能再修改。
          </p>
          {publishErrors ? (
            <div className="space-y-2">
              <FormErrors id={publishForm.errorId} errors={publishErrors} />
              <Link to={`/admin/grants/${call.id}/edit`} className="link text-sm">
                去修改
              </Link>
            </div>
          ) : null}
          <Form method="post" {...getFormProps(publishForm)}>
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="btn-primary" disabled={pending}>
              发布
            </button>
          </Form>
        </section>
      ) : (
        <section className="card flex flex-wrap gap-3" aria-label="申报办理">
          <Link to={`/admin/grants/${call.id}/applications`} className="btn-primary">
            申报与初审
          </Link>
          <Link to={`/admin/grants/${call.id}/review`} className="btn-secondary">
            专家评审
          </Link>
          <Link to={`/admin/grants/${call.id}/ranking`} className="btn-secondary">
            排名与分配
          </Link>
          <Link to={`/admin/grants/${call.id}/publicity`} className="btn-secondary">
            公示与异议
          </Link>
          <Link to={`/admin/grants/${call.id}/export`} className="btn-secondary" reloadDocument>
            导出 Excel
          </Link>
          <span className="self-center text-sm text-gray-600">已收到申报 {call.receivedCount} 份</span>
          <Link to={`/grants/${call.id}`} className="link self-center text-sm">
            查看公开页面
          </Link>
        </section>
      )}

      {money && money.ledger.projects + money.ledger.withdrawn > 0 ? (
        <CallLedgerSection
          callId={call.id}
          lines={money.lines}
          problems={money.problems}
          projects={money.ledger.projects}
        />
      ) : null}

      <SectionCard id="desc" title="活动说明">
        <p className="whitespace-pre-line text-sm text-gray-800">{call.description || "—"}</p>
      </SectionCard>
      <SectionCard id="timeline" title="时间安排">
        <CallTimeline call={call} phase={phase} />
      </SectionCard>
      <SectionCard id="money" title="资金规则">
        <CallMoneyRules call={call} />
      </SectionCard>
      <SectionCard id="eligibility" title="申报资格">
        <CallEligibilityList eligibility={call.eligibility} />
      </SectionCard>
      <SectionCard id="rubric" title="评分细则">
        <CallRubric criteria={call.criteria} />
      </SectionCard>
      <SectionCard id="tranche" title="拨付计划">
        <CallTranches tranches={call.tranches} />
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
