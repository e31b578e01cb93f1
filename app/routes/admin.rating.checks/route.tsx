import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { gradedOrganizations } from "~/modules/rating/downgrade-list.server";
import { CHECK_KIND_LABELS, type CheckKind } from "~/modules/rating/follow-up";
import { decideCheck, drawFollowUpSample, listChecks, openVerification } from "~/modules/rating/follow-up.server";
import { checkWorkflow } from "~/modules/rating/grade-workflow";
import { gradeLabel } from "~/modules/registry/grade";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { DecideCheckForm, DecideCheckSchema, SampleForm, SampleSchema, VerifyForm, VerifySchema } from "./forms";

export const meta: MetaFunction = () => [{ title: "跟踪评估与核查评估 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [{ checks, samples }, organizations] = await Promise.all([listChecks(), gradedOrganizations()]);
  return { checks, samples, organizations };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  return dispatchIntent(formData, {
    sample: handler({
      schema: SampleSchema,
      run: (v) => drawFollowUpSample({ ...v, actorId: user.id, request }),
      done: (r) => redirect(`/admin/rating/checks?drawn=${r.drawn}`),
    }),
    verify: handler({
      schema: VerifySchema,
      run: (v) => openVerification({ ...v, actorId: user.id, request }),
      done: () => redirect("/admin/rating/checks?opened=1"),
    }),
    decideCheck: handler({
      schema: DecideCheckSchema,
      run: (v) =>
        decideCheck({
          ...v,
          toGrade: v.toGrade && v.toGrade !== "NONE" ? Number(v.toGrade) : null,
          actorId: user.id,
          request,
        }),
      done: () => redirect("/admin/rating/checks?decided=1"),
    }),
  });
}

const TONES = { OPEN: "warning", KEPT: "success", CHANGED: "danger" } as const;

export default function AdminRatingChecks() {
  const { checks, samples, organizations } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const drawn = params.get("drawn");
  return (
    <div className="space-y-4">
      <PageHeader
        title="跟踪评估与核查评估"
        description="对 4A 及以上组织随机抽取跟踪评估；对发生特定事件的组织启动核查评估。二者均可调整评估等级。"
        actions={
          <Link to="/admin/rating/grades" className="btn-secondary">
            等级变更与证书
          </Link>
        }
      />
      {drawn ? <Notice>已抽取 {drawn} 家组织进行跟踪评估。</Notice> : null}
      {params.get("opened") ? <Notice>已启动核查评估。</Notice> : null}
      {params.get("decided") ? <Notice>评估结论已记录，已通知该组织。</Notice> : null}

      <SectionCard id="sample" title="抽取跟踪评估对象">
        <SampleForm />
        {samples.length > 0 ? (
          <ul className="mt-3 text-sm text-gray-600">
            {samples.map((s) => (
              <li key={s.id} data-testid="check-sample">
                {formatDate(s.drawnAt)}：从 {s.population} 家 {gradeLabel(s.minGrade)} 及以上组织中抽取 {s.size}{" "}
                家，种子 <span className="font-mono">{s.seed}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </SectionCard>

      <SectionCard id="verify" title="启动核查评估">
        <VerifyForm organizations={organizations} />
      </SectionCard>

      <SectionCard id="checks" title="评估记录">
        {checks.length === 0 ? (
          <EmptyState>暂无跟踪评估或核查评估。</EmptyState>
        ) : (
          <ul className="space-y-3">
            {checks.map((c) => (
              <li key={c.id} className="rounded-md border border-gray-200 p-3 text-sm" data-testid="rating-check">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-medium">
                    {CHECK_KIND_LABELS[c.kind as CheckKind]} · {c.organization.name}（{gradeLabel(c.gradeBefore)}）
                  </h3>
                  <StatusBadge workflow={checkWorkflow} state={c.status} tones={TONES} />
                </div>
                {c.trigger ? <p className="text-gray-700">触发事件：{c.trigger}</p> : null}
                <p className="text-xs text-gray-500">启动于 {formatDate(c.createdAt)}</p>
                {c.status === "OPEN" ? (
                  <DecideCheckForm checkId={c.id} />
                ) : (
                  <p className="mt-1 text-gray-700">
                    {formatDate(c.decidedAt)}：
                    {c.status === "CHANGED" ? `调整为${gradeLabel(c.gradeAfter)}` : "维持等级"}。{c.outcomeNote}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
