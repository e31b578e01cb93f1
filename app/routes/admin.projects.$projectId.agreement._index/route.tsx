import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ConfirmGate } from "~/components/confirm";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { requireStaffProject } from "~/modules/funding/access.server";
import {
  AgreementDraftSchema,
  AmendmentSchema,
  ReasonSchema,
  SignAgreementSchema,
} from "~/modules/funding/agreement-forms";
import { AgreementVersionList } from "~/modules/funding/agreement-parts";
import { countersign } from "~/modules/funding/agreement-signing.server";
import { listAgreementVersions, loadAgreementDocument, loadDraft } from "~/modules/funding/agreement-view.server";
import {
  cancelAmendment,
  issueAgreement,
  recallAgreement,
  saveAgreementDraft,
  startAmendment,
} from "~/modules/funding/agreements.server";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "~/modules/funding/project-workflow";
import { withdrawAward } from "~/modules/funding/withdraw-award.server";
import { dispatchIntent, handler } from "~/utils/action.server";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { AmendmentForm } from "./amendment-form";
import { DraftPanel } from "./draft-panel";
import { SigningDeadline } from "./signing-deadline";
import { SigningPanel } from "./signing-panel";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const versions = await listAgreementVersions(project.id, "staff");
  const open = versions.find((v) => ["DRAFT", "AWAITING_ORG", "AWAITING_BUREAU"].includes(v.status)) ?? null;
  const [draft, document] = await Promise.all([
    open?.status === "DRAFT" ? loadDraft(open.id) : null,
    open && open.status !== "DRAFT" ? loadAgreementDocument(project.id, open.version, "staff") : null,
  ]);
  return {
    project,
    versions,
    open,
    draft,
    document,
    accountName: user.name,
    canAmend: !open && ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState),
    now: new Date(),
  };
}

const IssueSchema = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const formData = await readForm(request);
  const base = { projectId: project.id, actor: user, request };
  const back = (done: string) => redirect(`/admin/projects/${project.id}/agreement?done=${done}`);
  return dispatchIntent(formData, {
    saveDraft: handler({
      schema: AgreementDraftSchema,
      run: (values) => saveAgreementDraft({ ...base, values }),
      done: () => back("saved"),
    }),
    issue: handler({ schema: IssueSchema, run: () => issueAgreement(base), done: () => back("issued") }),
    recall: handler({
      schema: ReasonSchema,
      run: ({ reason }) => recallAgreement({ ...base, reason }),
      done: () => back("recalled"),
    }),
    countersign: handler({
      schema: SignAgreementSchema,
      run: (v) =>
        countersign({ projectId: project.id, signer: user, signerName: v.signerName, textHash: v.textHash, request }),
      done: () => back("countersigned"),
    }),
    withdraw: handler({
      schema: ReasonSchema,
      run: ({ reason }) => withdrawAward({ ...base, reason }),
      done: () => back("withdrawn"),
      confirm: {
        label: "撤销资助",
        message: "项目将不再签约，资助资金退回活动资金池，并通知申报机构。此操作不可撤回。",
      },
    }),
    amend: handler({
      schema: AmendmentSchema,
      run: (v) => startAmendment({ ...base, ...v }),
      done: () => back("amendment"),
    }),
    cancelAmendment: handler({
      schema: ReasonSchema,
      run: ({ reason }) => cancelAmendment({ ...base, reason }),
      done: () => back("cancelled"),
    }),
  });
}

const DONE: Record<string, string> = {
  saved: "协议草稿已保存。",
  issued: "协议已出具，已通知机构在线签署。",
  recalled: "协议已撤回修改，已通知机构。",
  countersigned: "已会签，协议生效，已通知机构。",
  withdrawn: "已撤销资助，已通知机构。",
  amendment: "补充协议草稿已建立，请核对后出具。",
  cancelled: "补充协议已作废。",
};

export default function StaffAgreementTab() {
  const { project, versions, open, draft, document, accountName, canAmend, now } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = DONE[searchParams.get("done") ?? ""];
  return (
    <ConfirmGate reply={reply}>
      <div className="space-y-4">
        {done ? <Notice>{done}</Notice> : null}
        {project.status === "AWAITING_SIGNATURE" ? (
          <SigningDeadline signingDueAt={project.signingDueAt} now={now} reply={reply} />
        ) : null}
        {open && draft ? <DraftPanel version={open} draft={draft} reply={reply} /> : null}
        {open && document ? (
          <SigningPanel version={open} document={document} accountName={accountName} reply={reply} />
        ) : null}
        {canAmend ? <AmendmentForm endsOn={project.endsOn} reply={reply} /> : null}
        <SectionCard id="versions" title="协议版本">
          {versions.length ? (
            <AgreementVersionList versions={versions} basePath={`/admin/projects/${project.id}/agreement`} />
          ) : (
            <EmptyState>尚无协议版本。</EmptyState>
          )}
        </SectionCard>
      </div>
    </ConfirmGate>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
