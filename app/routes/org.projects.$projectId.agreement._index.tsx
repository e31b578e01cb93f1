import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { requireMemberProject } from "~/modules/funding/access.server";
import { ORG_DECLARATION, SignAgreementSchema } from "~/modules/funding/agreement-forms";
import { AgreementStatusBadge, AgreementVersionList, SignAgreementForm } from "~/modules/funding/agreement-parts";
import { signAsOrganization } from "~/modules/funding/agreement-signing.server";
import { listAgreementVersions, loadAgreementDocument } from "~/modules/funding/agreement-view.server";
import { agreementKindLabel } from "~/modules/funding/agreement-workflow";
import { signingOverdue } from "~/modules/funding/signing";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDateTime } from "~/utils/format";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, project } = await requireMemberProject(request, params.projectId);
  const versions = await listAgreementVersions(project.id, "org");
  const open = versions.find((v) => v.status === "AWAITING_ORG" || v.status === "AWAITING_BUREAU") ?? null;
  const document = open ? await loadAgreementDocument(project.id, open.version, "org") : null;
  return { project, versions, open, document, accountName: user.name, now: new Date() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireMemberProject(request, params.projectId);
  const formData = await readForm(request);
  return answerIntent(
    "sign",
    formData,
    handler({
      schema: SignAgreementSchema,
      run: (v) =>
        signAsOrganization({
          projectId: project.id,
          signer: user,
          signerName: v.signerName,
          textHash: v.textHash,
          request,
        }),
      done: () => redirect(`/org/projects/${project.id}/agreement?signed=1`),
    }),
  );
}

export default function OrgAgreementTab() {
  const { project, versions, open, document, accountName, now } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const overdue = signingOverdue(project, new Date(now));
  return (
    <div className="space-y-4">
      {searchParams.get("signed") === "1" ? <Notice>已签署协议，等待区民政局会签。</Notice> : null}
      {project.status === "AWAITING_SIGNATURE" ? (
        <Notice tone={overdue ? "error" : "info"}>
          {overdue
            ? `签约期限已于 ${formatDateTime(project.signingDueAt)} 届满，请尽快联系区民政局；逾期未签约的，区民政局可撤销资助。`
            : `请于 ${formatDateTime(project.signingDueAt)} 前完成协议签署。`}
        </Notice>
      ) : null}
      {open && document ? (
        <SectionCard id="open" title={`第 ${open.version} 版 · ${agreementKindLabel(open.kind)}`}>
          <div className="space-y-4">
            <p className="flex flex-wrap items-center gap-2 text-sm text-gray-700">
              <AgreementStatusBadge status={open.status} testId="open-agreement-status" />
              出具于 {formatDateTime(document.issuedAt)}
              <Link to={String(open.version)} relative="path" className="link">
                查看与打印协议
              </Link>
            </p>
            <div
              tabIndex={0}
              role="region"
              aria-label="协议文本"
              className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded-md border border-gray-200 bg-gray-50 p-4 font-serif text-sm leading-7"
              data-testid="agreement-text"
            >
              {document.text}
            </div>
            <p className="break-all text-xs text-gray-600">
              文本 SHA-256：<span className="font-mono">{document.textHash}</span>
            </p>
            {open.status === "AWAITING_ORG" ? (
              <div className="rounded-md border border-brand-200 bg-white p-4">
                <h3 className="mb-2 font-medium text-gray-900">机构签署</h3>
                <SignAgreementForm
                  intent="sign"
                  textHash={document.textHash ?? ""}
                  declaration={ORG_DECLARATION}
                  buttonLabel="签署协议"
                  accountName={accountName}
                  reply={reply}
                />
              </div>
            ) : (
              <p className="text-sm text-gray-700">
                本机构已由 {document.orgSignerName} 于 {formatDateTime(document.orgSignedAt)} 签署，等待区民政局会签。
              </p>
            )}
          </div>
        </SectionCard>
      ) : project.status === "AWAITING_SIGNATURE" ? (
        <Notice tone="info">区民政局正在准备协议文本，出具后将通知您在线签署。</Notice>
      ) : null}
      <SectionCard id="versions" title="协议版本">
        {versions.length ? (
          <AgreementVersionList versions={versions} basePath={`/org/projects/${project.id}/agreement`} />
        ) : (
          <EmptyState>尚无已出具的协议。</EmptyState>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
