import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { SectionCard } from "~/components/section-card";
import { requireRole } from "~/modules/auth/permissions.server";
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
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.call.title ?? "公益创投活动"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const call = await getCall(params.callId!);
  invariantResponse(call, "活动不存在", { status: 404 });
  return { call, phase: call.status === "DRAFT" ? null : callPhase(call, new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const formData = await request.formData();
  invariantResponse(formData.get("intent") === "publish", "未知操作");
  try {
    const result = await publishCall(params.callId!, admin, request);
    if (!result.ok) {
      return Response.json({ publishErrors: Object.values(result.fieldErrors).flat() }, { status: 400 });
    }
    return { published: true as const };
  } catch (error) {
    const response = workflowErrorResponse(error);
    if (response) return Response.json({ publishErrors: [await response.text()] }, { status: response.status });
    throw error;
  }
}

export default function AdminGrantCallPage() {
  const { call, phase } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { publishErrors?: string[]; published?: true } | undefined;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const isDraft = call.status === "DRAFT";
  const message =
    actionData?.published || searchParams.get("published") === "1"
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
      {message && !actionData?.publishErrors ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          {message}
        </p>
      ) : null}

      {isDraft ? (
        <section className="card space-y-3" aria-label="发布">
          <p className="text-sm text-gray-700">
            草稿仅管理人员可见。发布前会检查权重与拨付比例合计、日期先后和金额上限；发布后在门户网站公开，资金规则和评分细则不能再修改。
          </p>
          {actionData?.publishErrors ? (
            <div className="space-y-2">
              <FormErrors errors={actionData.publishErrors} />
              <Link to={`/admin/grants/${call.id}/edit`} className="link text-sm">
                去修改
              </Link>
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
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
