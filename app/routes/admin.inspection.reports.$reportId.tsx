import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import {
  conclusionLabel,
  rectificationStatusLabel,
  reportStatusLabel,
  SUPERVISOR_OPINIONS,
} from "~/modules/inspection/labels";
import { parseReportData } from "~/modules/inspection/report-form";
import { ReportView } from "~/modules/inspection/report-view";
import {
  concludeReport,
  getReportForReview,
  recordSupervisorOpinion,
  returnReport,
} from "~/modules/inspection/review.server";
import { CONCLUSION_LABELS, CONCLUSIONS } from "~/modules/inspection/workflow";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const OpinionSchema = z.object({
  opinion: z.enum(SUPERVISOR_OPINIONS, { required_error: "请选择初审意见", invalid_type_error: "请选择初审意见" }),
  note: z.string().trim().max(1000, "说明最多 1000 个字").optional(),
});

const ReturnSchema = z.object({
  note: z
    .string({ required_error: "请填写退回理由" })
    .trim()
    .min(1, "请填写退回理由")
    .max(1000, "退回理由最多 1000 个字"),
});

const ConcludeSchema = z
  .object({
    conclusion: z.enum(CONCLUSIONS, { required_error: "请选择年检结论", invalid_type_error: "请选择年检结论" }),
    reason: z.string().trim().max(2000, "理由最多 2000 个字").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.conclusion !== "QUALIFIED" && !v.reason) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["reason"],
        message: `结论为「${CONCLUSION_LABELS[v.conclusion]}」时必须填写理由和整改要求`,
      });
    }
  });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.organization.name ?? ""} ${data?.report.year ?? ""}年度报告 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const found = await getReportForReview(params.reportId!);
  invariantResponse(found, "未找到该年度报告", { status: 404 });
  return { ...found, report: { ...found.report, data: parseReportData(found.report.data) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const reportId = params.reportId!;
  const done = (intent: string) => () => redirect(`/admin/inspection/reports/${reportId}?done=${intent}`);
  return dispatchIntent(await readForm(request), {
    opinion: handler({
      schema: OpinionSchema,
      run: (v) => recordSupervisorOpinion({ reportId, opinion: v.opinion, note: v.note, actorId: user.id, request }),
      done: done("opinion"),
    }),
    return: handler({
      schema: ReturnSchema,
      run: (v) => returnReport({ reportId, note: v.note, actorId: user.id, request }),
      done: done("return"),
    }),
    conclude: handler({
      schema: ConcludeSchema,
      run: (v) => concludeReport({ reportId, conclusion: v.conclusion, reason: v.reason, actorId: user.id, request }),
      done: done("conclude"),
    }),
  });
}

const DONE_MESSAGES: Record<string, string> = {
  opinion: "已登记业务主管单位初审意见。",
  return: "已退回该组织修改，并通知了该组织。",
  conclude: "已作出年检结论，并通知了该组织。",
};

export default function AdminInspectionReport() {
  const { report, auditReports, deadline } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useIsPending();

  const [opinionForm, opinionFields] = useConformForm({
    id: "supervisor-opinion",
    intent: "opinion",
    schema: OpinionSchema,
    reply: actionData,
    defaultValue: { opinion: report.supervisorOpinion ?? "", note: report.supervisorNote ?? "" },
  });
  const [returnForm, returnFields] = useConformForm({
    id: "return-report",
    intent: "return",
    schema: ReturnSchema,
    reply: actionData,
  });
  const [concludeForm, concludeFields] = useConformForm({
    id: "conclude-report",
    intent: "conclude",
    schema: ConcludeSchema,
    reply: actionData,
  });
  const done = searchParams.get("done");
  const reviewable = report.status === "SUBMITTED";

  return (
    <div>
      <PageHeader
        title={`${report.organization.name} · ${report.year}年度报告`}
        description={`${orgTypeLabel(report.organization.type)} · ${reportStatusLabel(report.status)}${report.simplified ? " · 简化年检" : ""} · 截止 ${formatDate(deadline)} · 提交于 ${formatDateTime(report.submittedAt)}`}
        actions={
          <Link to={`/admin/inspection/${report.year}`} className="btn-secondary">
            返回{report.year}年度列表
          </Link>
        }
      />
      {done && DONE_MESSAGES[done] && !actionData ? <Notice className="mb-4">{DONE_MESSAGES[done]}</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <section className="card text-sm">
            <DescriptionList>
              <DescriptionItem label="统一社会信用代码">{report.organization.uscc}</DescriptionItem>
              <DescriptionItem label="业务主管单位">{report.organization.supervisingUnit ?? "无"}</DescriptionItem>
              <DescriptionItem label="评估等级">
                {report.organization.currentGrade ? `${report.organization.currentGrade}A` : "未评估"}
              </DescriptionItem>
              <DescriptionItem label="审计报告">
                {auditReports.length === 0
                  ? "未上传"
                  : auditReports.map((a) => (
                      <a key={a.id} href={`/files/${a.id}`} className="link mr-2" target="_blank" rel="noreferrer">
                        {a.originalName}
                      </a>
                    ))}
              </DescriptionItem>
              {report.supervisorOpinion ? (
                <DescriptionItem label="业务主管单位初审意见" wide>
                  {report.supervisorOpinion}
                  {report.supervisorNote ? `（${report.supervisorNote}）` : ""}
                </DescriptionItem>
              ) : null}
              {report.conclusion ? (
                <DescriptionItem label="年检结论" wide>
                  <strong>{conclusionLabel(report.conclusion)}</strong>
                  {report.conclusionReason ? `：${report.conclusionReason}` : ""}（{formatDate(report.concludedAt)}）
                </DescriptionItem>
              ) : null}
              {report.returnNote && report.status === "RETURNED" ? (
                <DescriptionItem label="退回理由" wide>
                  {report.returnNote}
                </DescriptionItem>
              ) : null}
            </DescriptionList>
            {report.rectifications.length > 0 ? (
              <div className="mt-4">
                <h2 className="font-medium">整改</h2>
                <ul className="mt-1 list-disc pl-5">
                  {report.rectifications.map((r) => (
                    <li key={r.id}>
                      {rectificationStatusLabel(r.status)}，期限 {formatDate(r.dueAt)}：{r.requirement}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
          <section className="card">
            {report.status === "PENDING" ? (
              <p className="text-sm text-gray-500">该组织尚未填报。</p>
            ) : report.status === "EXEMPT" ? (
              <p className="text-sm text-gray-500">{report.exemptReason}</p>
            ) : (
              <ReportView data={report.data} simplified={report.simplified} />
            )}
          </section>
        </div>
        {reviewable ? (
          <aside className="space-y-4">
            <section className="card">
              <h2 className="mb-3 font-medium">作出年检结论</h2>
              <Form method="post" {...getFormProps(concludeForm)} className="grid gap-3">
                <input type="hidden" name="intent" value="conclude" />
                <SelectField
                  meta={concludeFields.conclusion}
                  label="年检结论"
                  options={CONCLUSIONS.map((c) => ({ value: c, label: CONCLUSION_LABELS[c] }))}
                />
                <TextareaField
                  meta={concludeFields.reason}
                  label="理由和整改要求"
                  rows={4}
                  hint="基本合格、不合格必须填写，并将作为整改要求发给该组织。"
                />
                <FormErrors id={concludeForm.errorId} errors={concludeForm.errors} />
                <button type="submit" className="btn-primary" disabled={busy}>
                  确认结论
                </button>
              </Form>
            </section>
            <section className="card">
              <h2 className="mb-3 font-medium">退回修改</h2>
              <Form method="post" {...getFormProps(returnForm)} className="grid gap-3">
                <input type="hidden" name="intent" value="return" />
                <TextareaField meta={returnFields.note} label="退回理由" rows={3} />
                <FormErrors id={returnForm.errorId} errors={returnForm.errors} />
                <button type="submit" className="btn-secondary" disabled={busy}>
                  退回修改
                </button>
              </Form>
            </section>
            <section className="card">
              <h2 className="mb-3 font-medium">业务主管单位初审意见</h2>
              <Form method="post" {...getFormProps(opinionForm)} className="grid gap-3">
                <input type="hidden" name="intent" value="opinion" />
                <SelectField
                  meta={opinionFields.opinion}
                  label="初审意见"
                  options={SUPERVISOR_OPINIONS.map((o) => ({ value: o, label: o }))}
                />
                <TextareaField
                  meta={opinionFields.note}
                  label="说明"
                  rows={2}
                  hint="按业务主管单位出具的书面意见登记（选填）。"
                />
                <FormErrors id={opinionForm.errorId} errors={opinionForm.errors} />
                <button type="submit" className="btn-secondary" disabled={busy}>
                  登记初审意见
                </button>
              </Form>
            </section>
          </aside>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
