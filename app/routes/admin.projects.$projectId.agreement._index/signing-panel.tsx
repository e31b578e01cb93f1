import { Link } from "@remix-run/react";
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { SectionCard } from "~/components/section-card";
import { BUREAU_DECLARATION } from "~/modules/funding/agreement-forms";
import { AgreementStatusBadge, ReasonForm, SignAgreementForm } from "~/modules/funding/agreement-parts";
import { agreementKindLabel } from "~/modules/funding/agreement-workflow";
import { formatDateTime } from "~/utils/format";

type Reply = Parameters<typeof ReasonForm>[0]["reply"];

/** An issued version: waiting for the organization, or for the bureau's countersignature. */
export function SigningPanel({
  version,
  document,
  accountName,
  reply,
}: {
  version: { version: number; kind: string; status: string };
  document: {
    text: string | null;
    textHash: string | null;
    issuedAt: Date | string | null;
    orgSignerName: string | null;
    orgSignerAccount: string | null;
    orgSignedAt: Date | string | null;
    orgSignedIp: string | null;
  };
  accountName: string;
  reply: Reply;
}) {
  const awaitingBureau = version.status === "AWAITING_BUREAU";
  return (
    <SectionCard id="signing" title={`第 ${version.version} 版 · ${agreementKindLabel(version.kind)}`}>
      <div className="space-y-4">
        <p className="flex flex-wrap items-center gap-2 text-sm text-gray-700">
          <AgreementStatusBadge status={version.status} testId="open-agreement-status" />
          出具于 {formatDateTime(document.issuedAt)}
          <Link to={String(version.version)} relative="path" className="link">
            查看与打印协议
          </Link>
        </p>
        <p className="break-all text-xs text-gray-600">
          文本 SHA-256：<span className="font-mono">{document.textHash}</span>
        </p>
        <div
          tabIndex={0}
          role="region"
          aria-label="协议文本"
          className="max-h-96 overflow-auto whitespace-pre-wrap rounded-md border border-gray-200 bg-gray-50 p-4 font-serif text-sm leading-7"
        >
          {document.text}
        </div>
        {awaitingBureau ? (
          <>
            <DescriptionList>
              <DescriptionItem label="机构签署人">{document.orgSignerName}</DescriptionItem>
              <DescriptionItem label="签署账号">{document.orgSignerAccount}</DescriptionItem>
              <DescriptionItem label="签署时间">{formatDateTime(document.orgSignedAt)}</DescriptionItem>
              <DescriptionItem label="签署 IP">{document.orgSignedIp}</DescriptionItem>
            </DescriptionList>
            <div className="rounded-md border border-brand-200 bg-white p-4">
              <h3 className="mb-2 font-medium text-gray-900">民政局会签</h3>
              <SignAgreementForm
                intent="countersign"
                textHash={document.textHash ?? ""}
                declaration={BUREAU_DECLARATION}
                buttonLabel="会签协议"
                accountName={accountName}
                reply={reply}
              />
            </div>
          </>
        ) : (
          <p className="text-sm text-gray-700">等待机构在线签署。</p>
        )}
        <details className="text-sm">
          <summary className="tap cursor-pointer text-gray-700">撤回修改</summary>
          <div className="mt-3 max-w-xl">
            <ReasonForm
              intent="recall"
              label="撤回修改"
              fieldLabel="撤回理由（机构可见）"
              message="协议退回草稿，已有的机构签署作废；修改后须重新出具并由机构重新签署。"
              reply={reply}
            />
          </div>
        </details>
      </div>
    </SectionCard>
  );
}
