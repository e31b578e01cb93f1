// One agreement version as a document: the frozen text, both signature blocks and the
// SHA-256 of the text. On screen a page; printed, A4 with nothing else (both sides).
import type { ReactNode } from "react";
import { Badge } from "~/components/status-badge";
import { formatDateTime } from "~/utils/format";
import { FUNDER_NAME } from "./agreement-template";
import { agreementKindLabel, agreementStateLabel } from "./agreement-workflow";

const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 18mm; }
@media print {
  html, body { background: #fff !important; }
  .agreement-document { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; }
  .agreement-signatures { break-inside: avoid; }
}
`;

export type AgreementDocumentData = {
  version: number;
  kind: string;
  status: string;
  text: string | null;
  textHash: string | null;
  issuedAt: Date | string | null;
  orgSignerName: string | null;
  orgSignerAccount: string | null;
  orgSignedAt: Date | string | null;
  orgSignedIp: string | null;
  bureauSignerName: string | null;
  bureauSignerAccount: string | null;
  bureauSignedAt: Date | string | null;
  bureauSignedIp: string | null;
};

function SignatureBlock({
  party,
  name,
  account,
  at,
  ip,
  testId,
}: {
  party: string;
  name: string | null;
  account: string | null;
  at: Date | string | null;
  ip: string | null;
  testId: string;
}) {
  return (
    <div className="rounded-md border border-gray-300 p-4 text-sm" data-testid={testId}>
      <p className="font-semibold text-gray-900">{party}</p>
      {name ? (
        <dl className="mt-2 space-y-1 text-gray-800">
          <div className="flex gap-2">
            <dt className="shrink-0 text-gray-500">签署人：</dt>
            <dd className="font-serif text-lg">{name}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-gray-500">签署账号：</dt>
            <dd className="break-all">{account ?? "—"}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-gray-500">签署时间：</dt>
            <dd>{formatDateTime(at)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-gray-500">签署 IP：</dt>
            <dd>{ip ?? "—"}</dd>
          </div>
        </dl>
      ) : (
        <p className="mt-2 text-gray-500">尚未签署</p>
      )}
    </div>
  );
}

export function AgreementDocument({
  doc,
  organizationName,
  toolbar,
}: {
  doc: AgreementDocumentData;
  organizationName: string;
  toolbar?: ReactNode;
}) {
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <p className="flex flex-wrap items-center gap-2 text-sm text-gray-700">
          第 {doc.version} 版 · {agreementKindLabel(doc.kind)}
          <Badge tone={doc.status === "SIGNED" ? "success" : "neutral"} testId="agreement-status">
            {agreementStateLabel(doc.status)}
          </Badge>
          {doc.issuedAt ? <span>出具于 {formatDateTime(doc.issuedAt)}</span> : <span>草稿预览（尚未出具）</span>}
        </p>
        <div className="flex gap-2">
          {toolbar}
          <button type="button" className="btn-primary" onClick={() => window.print()}>
            打印协议
          </button>
        </div>
      </div>
      <article
        className="agreement-document mx-auto max-w-[210mm] rounded-lg border border-gray-200 bg-white px-6 py-8 shadow-sm sm:px-12"
        aria-label={`资助协议第 ${doc.version} 版`}
      >
        <div
          className="whitespace-pre-wrap break-words font-serif text-[15px] leading-8 text-gray-900"
          data-testid="agreement-text"
        >
          {doc.text ?? "（该版本未出具，没有协议文本。）"}
        </div>
        <section className="agreement-signatures mt-8 space-y-4" aria-label="签署页">
          <h2 className="text-center font-semibold text-gray-900">签署页</h2>
          <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
            <SignatureBlock
              party={`乙方：${organizationName}`}
              name={doc.orgSignerName}
              account={doc.orgSignerAccount}
              at={doc.orgSignedAt}
              ip={doc.orgSignedIp}
              testId="org-signature"
            />
            <SignatureBlock
              party={`甲方：${FUNDER_NAME}`}
              name={doc.bureauSignerName}
              account={doc.bureauSignerAccount}
              at={doc.bureauSignedAt}
              ip={doc.bureauSignedIp}
              testId="bureau-signature"
            />
          </div>
          <p className="break-all text-xs text-gray-600">
            协议文本 SHA-256：
            <span className="font-mono" data-testid="agreement-hash">
              {doc.textHash ?? "（出具时生成）"}
            </span>
          </p>
        </section>
      </article>
    </>
  );
}
