import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { GrantStatusBadge } from "~/modules/grants/applications/application-view";
import {
  listOpenCalls,
  listOrgGrantApplications,
  startGrantApplication,
} from "~/modules/grants/applications/applications.server";
import { loadEligibilityFacts } from "~/modules/grants/applications/eligibility.server";
import { describeEligibility } from "~/modules/grants/calls/display";
import { checkEligibility } from "~/modules/grants/calls/eligibility";
import { parseCallEligibility, parseCategories } from "~/modules/grants/calls/settings";
import { answerIntent, handler } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";

export const meta: MetaFunction = () => [{ title: "公益创投 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const url = new URL(request.url);
  const page = getPage(url);
  const now = new Date();
  // The eligibility below reads bans and final grades: settle results whose publicity ended first.
  await settleEndedPublicity({ organizationId: organization.id }, now);
  const [calls, { applications, total }] = await Promise.all([
    listOpenCalls(now),
    listOrgGrantApplications(organization.id, page),
  ]);
  const facts = (await loadEligibilityFacts(prisma, [organization.id], null, now)).get(organization.id)!;
  const existing = await prisma.grantApplication.findMany({
    where: { organizationId: organization.id, callId: { in: calls.map((c) => c.id) } },
    select: { id: true, callId: true },
  });
  // 在线申报 on a call's public page (?call=) opens this organization's application for it when there is one.
  const own = existing.find((e) => e.callId === url.searchParams.get("call"));
  if (own) throw redirect(`/org/grants/${own.id}`);
  return {
    calls: calls.map((c) => {
      const rules = parseCallEligibility(c.eligibility);
      // No project of a call still taking applications can have failed yet, so every failure counts.
      const result = checkEligibility(rules, facts, now);
      return {
        id: c.id,
        title: c.title,
        description: c.description,
        poolFen: String(c.poolFen),
        perProjectCapFen: c.perProjectCapFen,
        applyClosesAt: c.applyClosesAt,
        categories: parseCategories(c.categories),
        conditions: describeEligibility(rules),
        eligible: result.eligible,
        reasons: result.reasons,
        applicationId: existing.find((e) => e.callId === c.id)?.id ?? null,
      };
    }),
    applications,
    total,
    page,
    pageSize: PAGE_SIZE,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  return answerIntent(
    "start",
    await readForm(request),
    handler({
      schema: StartSchema,
      run: async ({ callId }) =>
        succeed({
          id: await startGrantApplication({ organizationId: organization.id, userId: user.id, callId, request }),
        }),
      done: ({ id }) => redirect(`/org/grants/${id}`),
    }),
  );
}

const StartSchema = z.object({
  callId: z.string({ required_error: "请选择公益创投活动" }).min(1, "请选择公益创投活动"),
});

export default function OrgGrants() {
  const { calls, applications, total, page, pageSize } = useLoaderData<typeof loader>();
  // One small form per call; a refusal is shown once, above the list.
  const [startForm] = useConformForm({ id: "start", schema: StartSchema, reply: useActionData<typeof action>() });
  const startErrors = Object.values(startForm.allErrors).flat();
  const pending = useIsPending();
  const [searchParams] = useSearchParams();
  const highlighted = searchParams.get("call");

  useEffect(() => {
    if (highlighted) document.getElementById(`call-${highlighted}`)?.scrollIntoView({ block: "start" });
  }, [highlighted]);

  return (
    <div className="space-y-6">
      <PageHeader title="公益创投" description="查看正在征集的公益创投活动，了解申报条件并在线申报项目。" />
      <FormErrors errors={startErrors.length ? startErrors : null} />

      <section aria-labelledby="open-calls" className="space-y-3">
        <h2 id="open-calls" className="font-medium">
          正在征集的活动
        </h2>
        {calls.length === 0 ? <p className="card text-sm text-gray-500">目前没有正在征集项目的公益创投活动。</p> : null}
        {calls.map((c) => (
          <article
            key={c.id}
            id={`call-${c.id}`}
            aria-label={c.title}
            data-highlighted={highlighted === c.id ? "true" : undefined}
            className={`card scroll-mt-4 ${highlighted === c.id ? "ring-2 ring-brand-500" : ""}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 className="text-lg font-semibold">{c.title}</h3>
                <p className="mt-1 text-sm text-gray-600">
                  申报截止：{formatDateTime(c.applyClosesAt)} · 单个项目最高资助 {formatFen(c.perProjectCapFen)} ·
                  类别：
                  {c.categories.join("、") || "不限"}
                </p>
              </div>
              {c.applicationId ? (
                <Link to={`/org/grants/${c.applicationId}`} className="btn-secondary">
                  查看本机构的申报
                </Link>
              ) : c.eligible ? (
                <Form method="post">
                  <input type="hidden" name="callId" value={c.id} />
                  <button type="submit" className="btn-primary" disabled={pending}>
                    开始申报
                  </button>
                </Form>
              ) : null}
            </div>
            <p className="mt-2 whitespace-pre-wrap text-sm text-gray-700">{c.description}</p>
            {c.conditions.length ? (
              <p className="mt-2 text-xs text-gray-500">申报条件：{c.conditions.join("；")}</p>
            ) : null}
            {c.eligible ? (
              <p className="mt-2 text-sm text-brand-700" data-testid="eligibility">
                ✓ 本机构符合申报条件
              </p>
            ) : (
              <div
                className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
                data-testid="eligibility"
              >
                <p className="font-medium">本机构暂不符合申报条件：</p>
                <ul className="mt-1 list-disc pl-5">
                  {c.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </div>
            )}
          </article>
        ))}
      </section>

      <section aria-labelledby="my-applications">
        <h2 id="my-applications" className="mb-3 font-medium">
          本机构的申报
        </h2>
        {applications.length === 0 ? (
          <p className="card text-sm text-gray-500">尚未申报公益创投项目。</p>
        ) : (
          <DataTable
            className="sm:card sm:p-0"
            label="本机构的申报"
            rows={applications}
            rowKey={(a) => a.id}
            columns={[
              {
                header: "项目名称",
                primary: true,
                cell: (a) => (
                  <Link to={`/org/grants/${a.id}`} className="link font-medium">
                    {a.title || "（未填写项目名称）"}
                  </Link>
                ),
              },
              { header: "活动", cell: (a) => a.call.title },
              { header: "类别", cell: (a) => a.category ?? "—" },
              { header: "申请资助", className: "whitespace-nowrap", cell: (a) => formatFen(a.requestedFen) },
              {
                header: "状态",
                cell: (a) => (
                  <>
                    <GrantStatusBadge status={a.status} />
                    {a.status === "CORRECTION" && a.correctionDueAt ? (
                      <span className="ml-1 text-xs text-amber-700">（{formatDate(a.correctionDueAt)}前补正）</span>
                    ) : null}
                  </>
                ),
              },
              { header: "提交时间", className: "whitespace-nowrap", cell: (a) => formatDateTime(a.submittedAt) },
            ]}
          />
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
