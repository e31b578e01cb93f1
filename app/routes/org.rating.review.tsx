import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { StatusBadge } from "~/components/status-badge";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { listOwnResults } from "~/modules/rating/public.server";
import { reviewRequestWorkflow } from "~/modules/rating/publicity-workflow";
import { fileReviewRequest } from "~/modules/rating/publicity.server";
import { gradeLabel } from "~/modules/registry/grade";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "评估结果与复核 · 益苗" }];

const ReviewSchema = z.object({
  applicationId: z.string(),
  reasons: z.string({ required_error: "请填写复核理由" }).trim().min(1, "请填写复核理由").max(2000, "最多 2000 个字"),
  evidence: z.string().trim().max(2000, "最多 2000 个字").optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return { applications: await listOwnResults(organization.id), now: new Date() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  return answerIntent(
    "review",
    await readForm(request),
    handler({
      schema: ReviewSchema,
      run: (v) => fileReviewRequest({ ...v, organizationId: organization.id, actorId: user.id, request }),
      done: () => redirect("/org/rating/review?filed=1"),
    }),
  );
}

function ReviewForm({ applicationId }: { applicationId: string }) {
  const [form, fields] = useConformForm({ id: "review", schema: ReviewSchema, reply: useActionData<typeof action>() });
  const pending = useIsPending();
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextareaField meta={fields.reasons} label="复核理由" rows={3} />
      <TextareaField meta={fields.evidence} label="证明材料说明" rows={2} hint="列明可证明理由的材料。" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          申请复核
        </button>
      </div>
    </Form>
  );
}

const TONES = { DECIDED: "info", REVIEW_REQUESTED: "warning", ANNOUNCED: "success" } as const;

export default function OrgRatingReview() {
  const { applications, now } = useLoaderData<typeof loader>();
  const filed = useSearchParams()[0].get("filed");
  return (
    <div>
      <PageHeader title="评估结果与复核" description="对公示的评估结果有异议的，可在公示期内申请复核。" />
      {filed ? <Notice className="mb-4">复核申请已提交，民政局将在 15 日内作出决定。</Notice> : null}
      {applications.length === 0 ? (
        <EmptyState>暂无已公示的评估结果。</EmptyState>
      ) : (
        <ul className="space-y-4">
          {applications.map((a) => {
            const open =
              a.status === "DECIDED" &&
              a.reviews.length === 0 &&
              a.round.status === "PUBLICITY" &&
              a.round.publicityEndsAt != null &&
              new Date(a.round.publicityEndsAt) >= new Date(now);
            return (
              <li key={a.id} className="card text-sm" data-testid="own-result">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-medium">{a.round.title}</h2>
                  <StatusBadge workflow={ratingApplicationWorkflow} state={a.status} tones={TONES} />
                </div>
                <p className="mt-1">
                  评估总分 {a.finalScore ?? "—"} 分，等级 <strong>{gradeLabel(a.finalGrade)}</strong>
                  {a.gradeCapNote ? `（${a.gradeCapNote}）` : ""}
                  {a.round.publicityEndsAt ? `；公示期至${formatDate(a.round.publicityEndsAt)}` : ""}
                </p>
                {a.reviews.map((r) => (
                  <p key={r.id} className="mt-1 text-gray-700">
                    复核申请（答复期限 {formatDate(r.dueAt)}）：
                    {reviewRequestWorkflow.stateLabels[r.status as "FILED"]}
                    {r.status !== "FILED" ? `，${gradeLabel(r.gradeAfter)}。${r.decisionNote ?? ""}` : ""}
                  </p>
                ))}
                {open ? <ReviewForm applicationId={a.id} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
