import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";
import { orgStatusLabel, orgTypeLabel } from "~/modules/organizations/labels";
import { applicationKindLabel, parseApplicationData } from "~/modules/registration/application-form";
import {
  ApplicationDetails,
  ApplicationDocuments,
  ApplicationHistory,
  OverdueBadge,
  StatusBadge,
} from "~/modules/registration/application-view";
import {
  decideApplication,
  getApplicationForReview,
  listApplicationDocuments,
  listApplicationHistory,
} from "~/modules/registration/registration.server";
import { isOverdue } from "~/modules/registration/review";
import { registrationWorkflow, type RegistrationState } from "~/modules/registration/workflow";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

const reasonField = (requiredMessage: string) =>
  z.string({ required_error: requiredMessage }).trim().min(2, "请至少填写 2 个字").max(1000, "最多 1000 个字");

const AcceptSchema = z.object({ intent: z.literal("ACCEPTED") });
const CorrectionSchema = z.object({ intent: z.literal("CORRECTION"), reason: reasonField("请填写需要补正的内容") });
const ApproveSchema = z.object({ intent: z.literal("APPROVED") });
const RejectSchema = z.object({ intent: z.literal("REJECTED"), reason: reasonField("请填写不予登记的理由") });
const DecisionSchema = z.discriminatedUnion("intent", [AcceptSchema, CorrectionSchema, ApproveSchema, RejectSchema]);

type Intent = z.infer<typeof DecisionSchema>["intent"];
const INTENTS: Intent[] = ["ACCEPTED", "CORRECTION", "APPROVED", "REJECTED"];
const SCHEMAS: Record<Intent, z.ZodTypeAny> = {
  ACCEPTED: AcceptSchema,
  CORRECTION: CorrectionSchema,
  APPROVED: ApproveSchema,
  REJECTED: RejectSchema,
};
type ActionData = { intent: Intent | null; result: SubmissionResult<string[]> };

const DONE_MESSAGES: Record<Intent, string> = {
  ACCEPTED: "已受理。",
  CORRECTION: "已退回补正，申请人将收到补正要求。",
  APPROVED: "已准予登记并赋予统一社会信用代码。",
  REJECTED: "已作出不予登记的决定。",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.proposedName || "登记申请"} · 登记审查 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const application = await getApplicationForReview(params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const [documents, history] = await Promise.all([
    listApplicationDocuments(application.id),
    listApplicationHistory(application.id),
  ]);
  const { data: json, ...rest } = application;
  const status = application.status as RegistrationState;
  return {
    application: rest,
    data: parseApplicationData(json, application.orgType),
    documents,
    history,
    overdue: isOverdue(application, new Date()),
    actions: registrationWorkflow
      .available(status, "ADMIN")
      .map((t) => ({ to: t.to, label: t.label, requiresReason: !!t.requiresReason })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const application = await getApplicationForReview(params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: DecisionSchema });
  if (submission.status !== "success") {
    const intent = INTENTS.find((i) => i === formData.get("intent")) ?? null;
    return Response.json({ intent, result: submission.reply() } satisfies ActionData, { status: 400 });
  }
  const input = submission.value;
  try {
    await decideApplication({
      applicationId: application.id,
      to: input.intent,
      reason: "reason" in input ? input.reason : null,
      actorId: admin.id,
      request,
    });
  } catch (error) {
    if (error instanceof WorkflowError) {
      return Response.json(
        { intent: input.intent, result: submission.reply({ formErrors: [error.message] }) } satisfies ActionData,
        { status: error.status },
      );
    }
    throw error;
  }
  return redirect(`/admin/registrations/${application.id}?done=${input.intent}`);
}

function useDecisionForm(intent: Intent, actionData: ActionData | undefined) {
  const schema = SCHEMAS[intent];
  return useForm({
    id: `registration-${intent.toLowerCase()}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/** The buttons staff may press in the current state, each its own form. */
function DecisionForms() {
  const { application, actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const [acceptForm] = useDecisionForm("ACCEPTED", actionData);
  const [correctionForm, correctionFields] = useDecisionForm("CORRECTION", actionData);
  const [approveForm] = useDecisionForm("APPROVED", actionData);
  const [rejectForm, rejectFields] = useDecisionForm("REJECTED", actionData);
  const kindLabel = applicationKindLabel(application.kind);
  // The table's labels speak of 登记; a 备案 says 备案.
  const label = (to: string) => (actions.find((a) => a.to === to)?.label ?? "").replace("登记", kindLabel);
  const can = (to: Intent) => actions.some((a) => a.to === to);

  if (actions.length === 0) return null;
  return (
    <section className="card space-y-5" aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="font-medium">
        审查操作
      </h2>
      {can("ACCEPTED") ? (
        <Form method="post" {...getFormProps(acceptForm)} className="space-y-2">
          <input type="hidden" name="intent" value="ACCEPTED" />
          <p className="text-sm text-gray-600">材料齐全、符合法定形式的，予以受理。</p>
          <FormErrors id={acceptForm.errorId} errors={acceptForm.errors} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {label("ACCEPTED")}
          </button>
        </Form>
      ) : null}
      {can("APPROVED") ? (
        <Form method="post" {...getFormProps(approveForm)} className="space-y-2">
          <input type="hidden" name="intent" value="APPROVED" />
          <p className="text-sm text-gray-600">
            准予{kindLabel}后，系统将生成统一社会信用代码，并将申请中的登记事项载入该组织的登记信息。
          </p>
          <FormErrors id={approveForm.errorId} errors={approveForm.errors} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {label("APPROVED")}
          </button>
        </Form>
      ) : null}
      {can("CORRECTION") ? (
        <Form method="post" {...getFormProps(correctionForm)} className="space-y-2 border-t border-gray-100 pt-4">
          <input type="hidden" name="intent" value="CORRECTION" />
          <TextareaField
            meta={correctionFields.reason}
            label="补正内容"
            rows={3}
            hint="逐项写明需要补正的材料或内容，申请人将在申请页面看到。"
          />
          <FormErrors id={correctionForm.errorId} errors={correctionForm.errors} />
          <button type="submit" className="btn-secondary" disabled={busy}>
            {label("CORRECTION")}
          </button>
        </Form>
      ) : null}
      {can("REJECTED") ? (
        <Form method="post" {...getFormProps(rejectForm)} className="space-y-2 border-t border-gray-100 pt-4">
          <input type="hidden" name="intent" value="REJECTED" />
          <TextareaField meta={rejectFields.reason} label={`不予${kindLabel}理由`} rows={3} />
          <FormErrors id={rejectForm.errorId} errors={rejectForm.errors} />
          <button type="submit" className="btn-danger" disabled={busy}>
            {label("REJECTED")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export default function AdminRegistrationDetail() {
  const { application, data, documents, history, overdue } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = INTENTS.find((i) => i === searchParams.get("done"));
  const kindLabel = applicationKindLabel(application.kind);
  const org = application.organization;

  return (
    <div className="space-y-4">
      <PageHeader
        title={application.proposedName || "（未填写名称）"}
        description={
          <>
            {orgTypeLabel(application.orgType)} · {kindLabel}申请 · <StatusBadge status={application.status} />
            {overdue ? <OverdueBadge /> : null}
          </>
        }
        actions={
          <Link to="/admin/registrations" className="btn-secondary">
            返回列表
          </Link>
        }
      />
      {done ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
          {DONE_MESSAGES[done].replace("登记", kindLabel)}
        </p>
      ) : null}

      <section className="card" aria-label="办理情况">
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-gray-500">申请组织</dt>
            <dd>
              {org.name}
              <span className="ml-1 text-xs text-gray-500">（{orgStatusLabel(org.status)}）</span>
            </dd>
          </div>
          <div>
            <dt className="text-gray-500">提交次数</dt>
            <dd>{application.submissions}</dd>
          </div>
          <div>
            <dt className="text-gray-500">首次提交</dt>
            <dd>{formatDateTime(application.firstSubmittedAt)}</dd>
          </div>
          <div>
            <dt className="text-gray-500">最近提交</dt>
            <dd>{formatDateTime(application.submittedAt)}</dd>
          </div>
          <div>
            <dt className="text-gray-500">办理期限</dt>
            <dd data-testid="due-date">
              {formatDate(application.dueAt)}
              {overdue ? <OverdueBadge /> : null}
            </dd>
          </div>
          <div>
            <dt className="text-gray-500">决定日期</dt>
            <dd>{formatDate(application.decidedAt)}</dd>
          </div>
        </dl>
        {application.correctionNotes ? (
          <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">
              {application.status === "CORRECTION" ? "补正要求（等待申请人补正）" : "最近一次补正要求"}
            </p>
            <p className="mt-1 whitespace-pre-wrap">{application.correctionNotes}</p>
          </div>
        ) : null}
        {application.status === "REJECTED" && application.decisionReason ? (
          <div className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <p className="font-medium">不予{kindLabel}理由</p>
            <p className="mt-1 whitespace-pre-wrap">{application.decisionReason}</p>
          </div>
        ) : null}
        {application.status === "APPROVED" && org.uscc ? (
          <div className="mt-4 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm">
            <p className="text-brand-800">统一社会信用代码</p>
            <p className="mt-1 font-mono text-lg font-semibold" data-testid="approved-uscc">
              {org.uscc}
            </p>
            <Link to={`/admin/organizations/${org.id}/certificate`} className="link mt-2 inline-block">
              查看登记证书
            </Link>
          </div>
        ) : null}
      </section>

      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-4">
          <ApplicationDetails data={data} />
          <ApplicationDocuments orgType={application.orgType} documents={documents} />
        </div>
        <div className="space-y-4">
          <DecisionForms />
          <ApplicationHistory events={history} />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
