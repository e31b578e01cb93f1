import { getCollectionProps, getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { ScrollBox } from "~/components/scroll-box";
import { StatusBadge } from "~/components/status-badge";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { applyForIncubation, listOrgIncubations } from "~/modules/incubation/apply.server";
import { getIncubationEligibility } from "~/modules/incubation/eligibility.server";
import { ApplySchema } from "~/modules/incubation/forms";
import { exitResultLabel, INCUBATION_NEEDS, INCUBATION_STATUS_TONES, needLabel } from "~/modules/incubation/labels";
import { isFirstCheckOverdue } from "~/modules/incubation/schedule";
import { incubationWorkflow } from "~/modules/incubation/workflow";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "孵化基地 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const page = getPage(new URL(request.url));
  const now = new Date();
  const [eligibility, history, rules] = await Promise.all([
    getIncubationEligibility(organization.id, { today: now }),
    listOrgIncubations(organization.id, page),
    getRules(now),
  ]);
  return {
    eligibility,
    page,
    pageSize: PAGE_SIZE,
    total: history.total,
    // Overdue is decided here so server and browser render the same thing.
    incubations: history.incubations.map((i) => ({ ...i, firstCheckOverdue: isFirstCheckOverdue(i, now) })),
    firstCheckWorkingDays: rules["incubation.firstCheckWorkingDays"],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  return answerIntent(
    "apply",
    await readForm(request),
    handler({
      schema: ApplySchema,
      run: async (v) => {
        const result = await applyForIncubation({
          organizationId: organization.id,
          actorId: user.id,
          plan: v.plan,
          needs: v.needs,
          request,
        });
        // The exclusion reasons are listed under one heading at the form.
        if (result.ok || !result.formErrors) return result;
        return { ...result, formErrors: ["本机构暂不能申请入驻：", ...result.formErrors] };
      },
      done: () => redirect("/org/incubation?applied=1"),
    }),
  );
}

export default function OrgIncubationPage() {
  const { eligibility, incubations, page, pageSize, total, firstCheckWorkingDays } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const justApplied = searchParams.get("applied") === "1";

  return (
    <div className="space-y-6">
      <PageHeader
        title="孵化基地"
        description="已登记或正在筹备登记的社会组织可申请入驻孵化基地，获得办公场地、活动场地、培训、督导陪伴和种子资金等支持。"
      />
      {justApplied ? <Notice>入驻申请已提交，区民政局将在 {firstCheckWorkingDays} 个工作日内完成初审。</Notice> : null}

      <section className="card" aria-labelledby="apply-heading">
        <h2 id="apply-heading" className="text-base font-semibold text-gray-900">
          申请入驻
        </h2>
        {eligibility.eligible ? (
          <>
            <p
              className="mt-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800"
              data-testid="eligibility"
            >
              经系统核验登记状态、近年年检结果和信用记录，本机构符合申请入驻条件。
            </p>
            <ApplyForm />
          </>
        ) : (
          <div
            className="mt-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
            data-testid="eligibility"
          >
            <p className="font-medium">本机构暂不能申请入驻孵化基地：</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {eligibility.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-amber-800">
              以上情形由系统根据本机构的登记、年检和信用记录自动核验。如有疑问，请联系区民政局。
            </p>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-base font-semibold text-gray-900">
          入驻记录
        </h2>
        {incubations.length === 0 ? (
          <div className="mt-3">
            <EmptyState>暂无入驻申请。</EmptyState>
          </div>
        ) : (
          <ol className="mt-3 space-y-4">
            {incubations.map((i) => (
              <li key={i.id} className="rounded-md border border-gray-200 p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm text-gray-600">{formatDate(i.appliedAt)} 申请</p>
                  <StatusBadge workflow={incubationWorkflow} state={i.status} tones={INCUBATION_STATUS_TONES} />
                </div>
                <DescriptionList layout="rows" className="mt-3">
                  <DescriptionItem inline label="需要的支持">
                    {i.needs.map(needLabel).join("、")}
                  </DescriptionItem>
                  <DescriptionItem inline label="入驻计划">
                    <span className="whitespace-pre-line">{i.plan}</span>
                  </DescriptionItem>
                  {i.status === "APPLIED" ? (
                    <DescriptionItem inline label="初审截止">
                      {formatDate(i.firstCheckDueAt)}
                      {i.firstCheckOverdue ? (
                        <span className="ml-2 text-xs text-red-700">已超期，请联系区民政局</span>
                      ) : null}
                    </DescriptionItem>
                  ) : null}
                  {i.firstCheckAt ? (
                    <DescriptionItem inline label="初审">
                      {formatDate(i.firstCheckAt)}
                      {i.firstCheckNote ? `：${i.firstCheckNote}` : ""}
                    </DescriptionItem>
                  ) : null}
                  {i.reviewAt ? (
                    <DescriptionItem inline label="评审">
                      {formatDate(i.reviewAt)}
                      {i.reviewNote ? `：${i.reviewNote}` : ""}
                    </DescriptionItem>
                  ) : null}
                  {i.agreementNo ? (
                    <DescriptionItem inline label="入驻协议">
                      {i.agreementNo}
                    </DescriptionItem>
                  ) : null}
                  {i.termStart ? (
                    <DescriptionItem inline label="孵化期">
                      {formatDate(i.termStart)} 至 {formatDate(i.termEnd)}
                    </DescriptionItem>
                  ) : null}
                  {i.exitResult ? (
                    <DescriptionItem inline label="期满评审">
                      {exitResultLabel(i.exitResult)}
                      {i.exitAt ? `（${formatDate(i.exitAt)}）` : ""}
                      {i.exitNote ? `：${i.exitNote}` : ""}
                    </DescriptionItem>
                  ) : null}
                  {i.handoverDueAt ? (
                    <DescriptionItem inline label="交还场地">
                      <span className="font-medium text-amber-800">须于 {formatDate(i.handoverDueAt)} 前交还场地</span>
                    </DescriptionItem>
                  ) : null}
                </DescriptionList>
                {i.services.length > 0 ? (
                  <ScrollBox label="已获得的服务" className="mt-3">
                    <table className="table-basic">
                      <caption className="mb-1 text-left text-sm font-medium text-gray-700">已获得的服务</caption>
                      <thead>
                        <tr>
                          <th>日期</th>
                          <th>类型</th>
                          <th>内容</th>
                          <th>金额</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-gray-100">
                        {i.services.map((s) => (
                          <tr key={s.id}>
                            <td className="whitespace-nowrap">{formatDate(s.providedAt)}</td>
                            <td className="whitespace-nowrap">{needLabel(s.kind)}</td>
                            <td>{s.description}</td>
                            <td className="whitespace-nowrap">{s.amountFen != null ? formatFen(s.amountFen) : "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <p className="mt-2 text-sm text-gray-700">
                      共 {i.services.length} 次服务，种子资金合计{" "}
                      <span className="font-medium">{formatFen(i.seedFundingFen)}</span>
                    </p>
                  </ScrollBox>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}

function ApplyForm() {
  const [form, fields] = useConformForm({
    id: "incubation-apply",
    intent: "apply",
    schema: ApplySchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending();
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
      <TextareaField
        meta={fields.plan}
        label="入驻计划"
        rows={5}
        hint="入驻期间准备开展的服务、团队建设和发展目标，20 至 2000 字。"
      />
      <fieldset aria-describedby={fields.needs.errors?.length ? fields.needs.errorId : undefined}>
        <legend className="mb-1 block text-sm font-medium text-gray-700 after:ml-0.5 after:text-red-600 after:content-['*']">
          需要的支持
        </legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {getCollectionProps(fields.needs, { type: "checkbox", options: [...INCUBATION_NEEDS] }).map(
            ({ key, ...props }) => (
              <label key={key} className="inline-flex items-center gap-2 text-sm text-gray-800">
                <input {...props} className="h-4 w-4 rounded border-gray-300 text-brand-600" />
                {needLabel(props.value)}
              </label>
            ),
          )}
        </div>
        <ErrorList id={fields.needs.errorId} errors={fields.needs.errors} />
      </fieldset>
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={pending}>
        提交入驻申请
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
