import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { markCertificateReturned } from "~/modules/rating/certificate.server";
import { describeChange, GRADE_ACTION_CAUSE_LABELS, type GradeActionCause } from "~/modules/rating/downgrade";
import { loadGradeActionsPage } from "~/modules/rating/downgrade-list.server";
import { decideGradeAction, proposeForCause } from "~/modules/rating/downgrade.server";
import { gradeActionWorkflow } from "~/modules/rating/grade-workflow";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { CertificateReturns } from "./certificate-returns";
import { DecideForm, DecideSchema, ProposeForm, ProposeSchema, ReturnedSchema } from "./forms";

export const meta: MetaFunction = () => [{ title: "等级变更与证书 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const page = await loadGradeActionsPage();
  // Decided here so server and browser agree on what is overdue.
  return { ...page, now: new Date() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  return dispatchIntent(formData, {
    decide: handler({
      schema: DecideSchema,
      run: (v) => decideGradeAction({ ...v, actorId: user.id, request }),
      done: (_, v) => redirect(`/admin/rating/grades?done=${v.decision}`),
    }),
    propose: handler({
      schema: ProposeSchema,
      run: (v) => proposeForCause({ ...v, actorId: user.id, request }),
      done: () => redirect("/admin/rating/grades?done=PROPOSED"),
    }),
    returned: handler({
      schema: ReturnedSchema,
      run: (v) => markCertificateReturned({ ...v, actorId: user.id, request }),
      done: () => redirect("/admin/rating/grades?done=RETURNED"),
    }),
  });
}

const DONE: Record<string, string> = {
  CONFIRMED: "已确认，评估等级已变更，已通知该组织。",
  DISMISSED: "已决定不予处理。",
  PROPOSED: "已提出，请在下方确认或不予处理。",
  RETURNED: "已登记证书和牌匾退回。",
};

const TONES = { PROPOSED: "warning", CONFIRMED: "danger", DISMISSED: "neutral" } as const;

export default function AdminRatingGrades() {
  const { pending, decided, certificates, graded, now } = useLoaderData<typeof loader>();
  const done = useSearchParams()[0].get("done");
  return (
    <div className="space-y-4">
      <PageHeader
        title="等级变更与证书"
        description="年检结论触发的降级建议、按原因提出的降级或取消等级，以及证书和牌匾的退回。"
        actions={
          <Link to="/admin/rating/checks" className="btn-secondary">
            跟踪评估与核查评估
          </Link>
        }
      />
      {done && DONE[done] ? <Notice>{DONE[done]}</Notice> : null}

      <SectionCard id="pending" title="待确认">
        {pending.length === 0 ? (
          <EmptyState>没有待确认的降级或取消等级。</EmptyState>
        ) : (
          <ul className="space-y-4">
            {pending.map((a) => (
              <li key={a.id} className="rounded-md border border-gray-200 p-3 text-sm" data-testid="grade-action">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-medium">
                    {a.organization.name}：{describeChange(a.fromGrade, a.toGrade)}
                  </h3>
                  <StatusBadge workflow={gradeActionWorkflow} state={a.status} tones={TONES} />
                </div>
                <p className="mt-1 text-gray-700">
                  {GRADE_ACTION_CAUSE_LABELS[a.cause as GradeActionCause]}：{a.detail}
                  {a.sourceType === "InspectionReport" ? "（年检结论提出）" : ""}
                </p>
                <p className="text-xs text-gray-500">提出于 {formatDate(a.createdAt)}</p>
                <DecideForm actionId={a.id} />
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <SectionCard id="propose" title="按原因提出降级或取消等级">
        <ProposeForm organizations={graded} />
      </SectionCard>

      <SectionCard id="returns" title="证书和牌匾退回">
        <CertificateReturns certificates={certificates} now={now} />
      </SectionCard>

      <SectionCard id="decided" title="最近处理">
        {decided.length === 0 ? (
          <EmptyState>暂无。</EmptyState>
        ) : (
          <table className="table-basic w-full text-sm">
            <thead>
              <tr>
                <th>组织</th>
                <th>变更</th>
                <th>原因</th>
                <th>结果</th>
                <th>处理日期</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((a) => (
                <tr key={a.id}>
                  <td>{a.organization.name}</td>
                  <td className="whitespace-nowrap">{describeChange(a.fromGrade, a.toGrade)}</td>
                  <td>
                    {GRADE_ACTION_CAUSE_LABELS[a.cause as GradeActionCause]}：{a.decisionNote}
                  </td>
                  <td>
                    <StatusBadge workflow={gradeActionWorkflow} state={a.status} tones={TONES} />
                  </td>
                  <td className="whitespace-nowrap">{formatDate(a.decidedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
