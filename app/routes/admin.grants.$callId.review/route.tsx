import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { AutoAssignSchema, RemindSchema, ReviewSettingsSchema } from "~/modules/grants/review/panel";
import { autoAssign, loadPanel, remindLate, updateReviewSettings } from "~/modules/grants/review/panel.server";
import { reviewRoundWorkflow, type ReviewRoundState } from "~/modules/grants/review/round-workflow";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { getPage, invariantResponse } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";
import { ApplicationsTable } from "./applications-table";
import { AutoAssignCard } from "./auto-assign-card";
import { ProgressCard } from "./progress-card";
import { SettingsCard } from "./settings-card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `专家评审 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const panel = await loadPanel(params.callId ?? "", getPage(new URL(request.url)));
  invariantResponse(panel, "未找到该公益创投活动", { status: 404 });
  return panel;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const callId = params.callId ?? "";
  const formData = await readForm(request);
  const ctx = { actor: admin, request };

  // Each card stays on the page and shows what happened beside its form.
  return dispatchIntent(formData, {
    settings: handler({
      schema: ReviewSettingsSchema,
      run: ({ intent: _, ...settings }) => updateReviewSettings(callId, settings, ctx),
      done: () => data({ intent: "settings" as const, message: "评审设置已保存。" }),
    }),
    "auto-assign": handler({
      schema: AutoAssignSchema,
      run: ({ intent: _, ...input }) => autoAssign(callId, input, ctx),
      done: ({ ok: _, ...outcome }) => data({ intent: "auto-assign" as const, outcome }),
    }),
    remind: handler({
      schema: RemindSchema,
      run: () => remindLate(callId, ctx),
      done: ({ count }) =>
        data({
          intent: "remind" as const,
          message: count
            ? `已催办 ${count} 位评审专家（站内通知和邮件）。`
            : "没有需要催办的评审专家（逾期或两天内到期、且 24 小时内未催办过）。",
        }),
    }),
  });
}

export default function ReviewPanel() {
  const { call } = useLoaderData<typeof loader>();
  const open = call.reviewStage === "OPEN";
  // The cards start again from the stored settings once they change.
  const settingsKey = `${call.reviewersPerApplication}-${call.blindReview}-${call.aggregation}-${call.zScoreNormalize}-${call.disagreementThreshold}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title="专家评审"
        description={
          <>
            {call.title} · 评审截止 {formatDate(call.reviewEndsAt)} · 当前环节：
            {reviewRoundWorkflow.stateLabels[call.reviewStage as ReviewRoundState] ?? call.reviewStage}
          </>
        }
        actions={
          <Link to={`/admin/grants/${call.id}`} className="btn-secondary">
            返回活动
          </Link>
        }
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <SettingsCard key={settingsKey} />
        <ProgressCard />
      </div>

      {open ? <AutoAssignCard key={settingsKey} /> : null}

      <ApplicationsTable />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
