import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { useIsPending } from "~/components/use-form";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { orgRatingOverview } from "~/modules/rating/application-queries.server";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { startApplication } from "~/modules/rating/application.server";
import { APPLICATION_TONES } from "~/modules/rating/labels";
import { RULES_VERSION_LABELS, type RulesVersion } from "~/modules/rating/rules-version";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "等级评估 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return orgRatingOverview(organization);
}

const StartSchema = z.object({ intent: z.literal("start"), roundId: z.string().min(1) });

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  return answerIntent(
    "start",
    await readForm(request),
    handler({
      schema: StartSchema,
      run: (v) => startApplication({ roundId: v.roundId, organization, actor: user, request }),
      done: ({ applicationId }) => redirect(`/org/rating/${applicationId}`),
    }),
  );
}

export default function OrgRatingPage() {
  const { open, applications } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useIsPending({ intent: "start" });
  return (
    <div className="space-y-4">
      <PageHeader
        title="等级评估"
        description="社会组织评估等级（1A–5A）。申请前系统按本轮适用的评估办法核对申请条件。"
      />
      <SectionCard id="open-rounds" title="可申请的评估">
        {open.length === 0 ? (
          <EmptyState>目前没有面向本组织类型开放申报的等级评估。</EmptyState>
        ) : (
          <ul className="space-y-4">
            {open.map((round) => (
              <li key={round.id} className="rounded-md border border-gray-200 p-3" data-testid="rating-round">
                <p className="font-medium text-gray-900">{round.title}</p>
                <p className="text-sm text-gray-600">
                  申报期 {formatDate(round.applyOpensAt)} – {formatDate(round.applyClosesAt)} · 适用
                  {RULES_VERSION_LABELS[round.rulesVersion as RulesVersion] ?? round.rulesVersion}
                </p>
                {round.eligibility.eligible ? (
                  round.windowOpen ? (
                    <Form method="post" className="mt-2">
                      <input type="hidden" name="intent" value="start" />
                      <input type="hidden" name="roundId" value={round.id} />
                      <button type="submit" className="btn-primary" disabled={busy}>
                        开始自评
                      </button>
                    </Form>
                  ) : (
                    <p className="mt-2 text-sm text-gray-600">尚未到申报时间。</p>
                  )
                ) : (
                  <Notice tone="warning" className="mt-2" testId="ineligible">
                    <p className="font-medium">本组织暂不符合申请条件：</p>
                    <ul className="list-disc pl-5">
                      {round.eligibility.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </Notice>
                )}
              </li>
            ))}
          </ul>
        )}
        <FormErrors errors={reply?.result?.error?.[""]} />
      </SectionCard>
      <SectionCard id="my-applications" title="本组织的评估申请">
        {applications.length === 0 ? (
          <EmptyState>还没有评估申请。</EmptyState>
        ) : (
          <DataTable
            label="本组织的评估申请"
            rows={applications}
            rowKey={(a) => a.id}
            columns={[
              {
                header: "评估",
                primary: true,
                cell: (a) => (
                  <Link to={`/org/rating/${a.id}`} className="link">
                    {a.round.title}
                  </Link>
                ),
              },
              { header: "提交日期", cell: (a) => formatDate(a.submittedAt) },
              {
                header: "状态",
                cell: (a) => (
                  <StatusBadge workflow={ratingApplicationWorkflow} state={a.status} tones={APPLICATION_TONES} />
                ),
              },
            ]}
          />
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
