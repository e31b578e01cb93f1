import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
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
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

const OpinionSchema = z.object({
  intent: z.literal("opinion"),
  opinion: z.enum(SUPERVISOR_OPINIONS, { required_error: "请选择初审意见", invalid_type_error: "请选择初审意见" }),
  note: z.string().trim().max(1000, "说明最多 1000 个字").optional(),
});

const ReturnSchema = z.object({
  intent: z.literal("return"),
  note: z
    .string({ required_error: "请填写退回理由" })
    .trim()
    .min(1, "请填写退回理由")
    .max(1000, "退回理由最多 1000 个字"),
});

const ConcludeSchema = z
  .object({
    intent: z.literal("conclude"),
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
  const formData = await request.formData();
  const intent = formData.get("intent");
  const schema = intent === "opinion" ? OpinionSchema : intent === "return" ? ReturnSchema : ConcludeSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return Response.json({ intent, result: submission.reply() }, { status: 400 });
  try {
    const value = submission.value;
    if (value.intent === "opinion") {
      await recordSupervisorOpinion({ reportId, opinion: value.opinion, note: value.note, actorId: user.id, request });
    } else if (value.intent === "return") {
      await returnReport({ reportId, note: value.note, actorId: user.id, request });
    } else {
      await concludeReport({ reportId, conclusion: value.conclusion, reason: value.reason, actorId: user.id, request });
    }
    return redirect(`/admin/inspection/reports/${reportId}?done=${value.intent}`);
  } catch (error) {
    const response = workflowErrorResponse(error);
    if (response) {
      return Response.json(
        { intent, result: submission.reply({ formErrors: [await response.text()] }) },
        { status: response.status },
      );
    }
    throw error;
  }
}

const DONE_MESSAGES: Record<string, string> = {
  opinion: "已登记业务主管单位初审意见。",
  return: "已退回该组织修改，并通知了该组织。",
  conclude: "已作出年检结论，并通知了该组织。",
};

export default function AdminInspectionReport() {
  const { report, auditReports, deadline } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const busy = navigation.state === "submitting";

  const [opinionForm, opinionFields] = useForm({
    id: "supervisor-opinion",
    lastResult: resultFor("opinion"),
    constraint: getZodConstraint(OpinionSchema),
    shouldRevalidate: "onInput",
    defaultValue: { opinion: report.supervisorOpinion ?? "", note: report.supervisorNote ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OpinionSchema }),
  });
  const [returnForm, returnFields] = useForm({
    id: "return-report",
    lastResult: resultFor("return"),
    constraint: getZodConstraint(ReturnSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReturnSchema }),
  });
  const [concludeForm, concludeFields] = useForm({
    id: "conclude-report",
    lastResult: resultFor("conclude"),
    constraint: getZodConstraint(ConcludeSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConcludeSchema }),
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
      {done && DONE_MESSAGES[done] && !actionData ? (
        <p role="status" className="mb-4 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          {DONE_MESSAGES[done]}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <section className="card text-sm">
            <dl className="grid gap-2 sm:grid-cols-2">
              <div>
                <dt className="text-gray-500">统一社会信用代码</dt>
                <dd>{report.organization.uscc ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-gray-500">业务主管单位</dt>
                <dd>{report.organization.supervisingUnit ?? "无"}</dd>
              </div>
              <div>
                <dt className="text-gray-500">评估等级</dt>
                <dd>{report.organization.currentGrade ? `${report.organization.currentGrade}A` : "未评估"}</dd>
              </div>
              <div>
                <dt className="text-gray-500">审计报告</dt>
                <dd>
                  {auditReports.length === 0
                    ? "未上传"
                    : auditReports.map((a) => (
                        <a key={a.id} href={`/files/${a.id}`} className="link mr-2" target="_blank" rel="noreferrer">
                          {a.originalName}
                        </a>
                      ))}
                </dd>
              </div>
              {report.supervisorOpinion ? (
                <div className="sm:col-span-2">
                  <dt className="text-gray-500">业务主管单位初审意见</dt>
                  <dd>
                    {report.supervisorOpinion}
                    {report.supervisorNote ? `（${report.supervisorNote}）` : ""}
                  </dd>
                </div>
              ) : null}
              {report.conclusion ? (
                <div className="sm:col-span-2">
                  <dt className="text-gray-500">年检结论</dt>
                  <dd>
                    <strong>{conclusionLabel(report.conclusion)}</strong>
                    {report.conclusionReason ? `：${report.conclusionReason}` : ""}（{formatDate(report.concludedAt)}）
                  </dd>
                </div>
              ) : null}
              {report.returnNote && report.status === "RETURNED" ? (
                <div className="sm:col-span-2">
                  <dt className="text-gray-500">退回理由</dt>
                  <dd>{report.returnNote}</dd>
                </div>
              ) : null}
            </dl>
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
