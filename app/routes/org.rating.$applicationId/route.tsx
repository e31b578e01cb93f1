import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { StatusBadge } from "~/components/status-badge";
import { useIsPending } from "~/components/use-form";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { isOwnRatingApplication, loadRatingApplication } from "~/modules/rating/application-queries.server";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { submitApplication, withdrawApplication } from "~/modules/rating/application.server";
import { APPLICATION_TONES } from "~/modules/rating/labels";
import { RecordLeavesCard } from "~/modules/rating/record-leaves-view";
import { dispatchIntent, handler } from "~/utils/action.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { BlockProgress } from "./block-progress";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.round.title ?? "等级评估"} · 自评 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const app = await loadRatingApplication(params.applicationId ?? "");
  invariantResponse(app && app.organizationId === organization.id, "未找到该评估申请", { status: 404 });
  const { tree: _tree, ...application } = app;
  return { application };
}

const MoveSchema = z.object({ intent: z.string() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  // Another organization's application is not found, before its body is read.
  invariantResponse(await isOwnRatingApplication(params.applicationId ?? "", organization.id), "未找到该评估申请", {
    status: 404,
  });
  const input = { applicationId: params.applicationId ?? "", organizationId: organization.id, actor: user, request };
  return dispatchIntent(await readForm(request), {
    submit: handler({
      schema: MoveSchema,
      run: () => submitApplication(input),
      done: () => redirect(`/org/rating/${input.applicationId}?submitted=1`),
    }),
    withdraw: handler({
      schema: MoveSchema,
      run: () => withdrawApplication(input),
      done: () => redirect("/org/rating"),
    }),
  });
}

export default function OrgRatingApplicationPage() {
  const { application: app } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const submitting = useIsPending({ intent: "submit" });
  const editable = app.status === "DRAFT" || app.status === "RETURNED";
  const errors = reply && "result" in reply ? reply.result?.error?.[""] : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title={app.round.title}
        description={
          <>
            {app.organization.name} ·{" "}
            <StatusBadge workflow={ratingApplicationWorkflow} state={app.status} tones={APPLICATION_TONES} />
          </>
        }
        actions={
          <Link to="/org/rating" className="btn-secondary">
            返回等级评估
          </Link>
        }
      />
      {params.has("submitted") ? <Notice>评估申请已提交，请等待审核。</Notice> : null}
      {params.has("saved") ? <Notice>自评已保存。</Notice> : null}
      {app.status === "RETURNED" && app.returnNote ? (
        <Notice tone="warning">退回补正意见：{app.returnNote}</Notice>
      ) : null}
      {app.status === "REJECTED" && app.rejectReason ? (
        <Notice tone="error">未予受理：{app.rejectReason}</Notice>
      ) : null}
      {app.status === "ANNOUNCED" ? (
        <p className="text-sm">
          <Link to={`/org/rating/${app.id}/sheet`} className="link">
            查看评分表
          </Link>
        </p>
      ) : null}
      <BlockProgress application={app} editable={editable} />
      <RecordLeavesCard leaves={app.recordLeaves} who="自评时" />
      {editable ? (
        <section className="card space-y-3" aria-label="提交">
          <p className="text-sm text-gray-700">
            自评合计 <strong data-testid="self-total">{app.sheet.total}</strong>{" "}
            分。全部指标自评后方可提交；提交时将再次核对申请条件。
          </p>
          <FormErrors errors={errors} />
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="submit" />
              <button type="submit" className="btn-primary" disabled={submitting}>
                {app.status === "RETURNED" ? "补正后重新提交" : "提交评估申请"}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="btn-secondary">
                撤回申请
              </button>
            </Form>
          </div>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
