import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { answerEditorForm } from "~/modules/attachments/document-set.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { orgTypeLabel, type OrgType } from "~/modules/organizations/labels";
import { applicationKindLabel, parseApplicationData } from "~/modules/registration/application-form";
import type { RegistrationRules } from "~/modules/registration/application-rules";
import { buildServerApplicationSchema } from "~/modules/registration/application-schema";
import {
  ApplicationDetails,
  ApplicationDocuments,
  ApplicationHistory,
  StatusBadge,
} from "~/modules/registration/application-view";
import { registrationDocuments } from "~/modules/registration/documents";
import {
  getOrgApplication,
  listApplicationDocuments,
  listApplicationHistory,
  nameConflictMessage,
  saveApplication,
} from "~/modules/registration/registration.server";
import { EDITABLE_REGISTRATION_STATES, type RegistrationState } from "~/modules/registration/workflow";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { ApplicationForm, FORM_ID } from "./application-form";
import { ProgressCard } from "./progress-card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.data.proposedName || "登记申请"} · 益苗` },
];

function registrationRules(rules: Awaited<ReturnType<typeof getRules>>): RegistrationRules {
  return Object.fromEntries(
    Object.entries(rules).filter(
      ([key]) =>
        key.startsWith("registration.") && key !== "registration.reviewDays" && key !== "registration.areaCode",
    ),
  ) as RegistrationRules;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const application = await getOrgApplication(organization.id, params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const [documents, history, rules] = await Promise.all([
    listApplicationDocuments(application.id),
    listApplicationHistory(application.id),
    getRules(),
  ]);
  const { data: json, ...rest } = application;
  return {
    application: rest,
    data: parseApplicationData(json, application.orgType),
    documents,
    history,
    rules: registrationRules(rules),
    defaultAreaCode: rules["registration.areaCode"][0] ?? "",
    editable: EDITABLE_REGISTRATION_STATES.includes(application.status as RegistrationState),
    organization,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const application = await getOrgApplication(organization.id, params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const [documents, rules] = await Promise.all([listApplicationDocuments(application.id), getRules()]);
  return answerEditorForm(request, FORM_ID, {
    schema: (fileSchema) =>
      buildServerApplicationSchema({
        rules,
        existingDocuments: registrationDocuments.keysOf(documents),
        fileSchema,
        nameTaken: (name) => nameConflictMessage(name, organization.id),
      }),
    save: ({ intent, data, files }) =>
      saveApplication({
        organizationId: organization.id,
        applicationId: application.id,
        actorId: user.id,
        data,
        files,
        submit: intent === "submit",
        request,
      }),
    redirectTo: (submitted) => `/org/registration/${application.id}?${submitted ? "submitted=1" : "saved=1"}`,
  });
}

export default function RegistrationApplicationPage() {
  const { application, data, documents, history, editable, organization } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const type = application.orgType as OrgType;
  const kindLabel = applicationKindLabel(application.kind);

  return (
    <div className="space-y-6">
      <PageHeader
        title={application.proposedName || `${kindLabel}申请`}
        description={
          <>
            {orgTypeLabel(type)} · {kindLabel}申请 · <StatusBadge status={application.status} />
          </>
        }
        actions={
          <Link to="/org/registration" className="btn-secondary">
            返回申请列表
          </Link>
        }
      />

      {searchParams.get("saved") === "1" && editable ? <Notice>草稿已保存，可随时回来继续填写。</Notice> : null}
      {searchParams.get("submitted") === "1" && application.status === "SUBMITTED" ? (
        <Notice>申请已提交，区民政局将在 {formatDate(application.dueAt)} 前作出决定。</Notice>
      ) : null}

      <ProgressCard />

      {application.status === "CORRECTION" && application.correctionNotes ? (
        <section className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4" aria-labelledby="correction-heading">
          <h2 id="correction-heading" className="font-semibold text-amber-900">
            区民政局要求补正
          </h2>
          <p className="mt-2 whitespace-pre-wrap text-sm text-amber-900" data-testid="correction-notes">
            {application.correctionNotes}
          </p>
          <p className="mt-2 text-xs text-amber-800">
            请按上述要求修改申请内容或重新上传材料，然后点击“补正后重新提交”。
          </p>
        </section>
      ) : null}

      {application.status === "APPROVED" && organization.uscc ? (
        <section className="card border-brand-200 bg-brand-50" aria-label="登记结果">
          <p className="text-sm text-brand-800">准予{kindLabel}。统一社会信用代码：</p>
          <p className="mt-1 font-mono text-xl font-semibold text-gray-900" data-testid="approved-uscc">
            {organization.uscc}
          </p>
          <Link to="/org/certificate" className="btn-primary mt-3">
            查看登记证书
          </Link>
        </section>
      ) : null}

      {application.status === "REJECTED" ? (
        <section className="rounded-lg border border-red-200 bg-red-50 p-4" aria-label="不予登记">
          <h2 className="font-semibold text-red-800">不予{kindLabel}</h2>
          <p className="mt-2 whitespace-pre-wrap text-sm text-red-800">{application.decisionReason}</p>
          <p className="mt-2 text-xs text-red-700">
            如有异议，可依法申请行政复议或者提起行政诉讼；也可修改后重新申请。
          </p>
        </section>
      ) : null}

      {editable ? (
        // Remounted after each save so the form starts from what was stored.
        <ApplicationForm key={String(application.updatedAt)} />
      ) : (
        <>
          <ApplicationDetails data={data} />
          <ApplicationDocuments orgType={application.orgType} documents={documents} />
        </>
      )}
      <ApplicationHistory events={history} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
