// The printable 社会组织登记证书, shared by the organization's and the staff's pages.
// On screen it is a card; printed, it fills one A4 page and nothing else shows.
import type { ReactNode } from "react";
import { CAPITAL_LABELS, orgTypeLabel, type OrgType } from "~/modules/organizations/labels";
import { formatDate, formatFen } from "~/utils/format";

export type CertificateData = {
  id: string;
  name: string;
  type: string;
  uscc: string;
  address: string | null;
  area: string | null;
  legalRepresentative: string | null;
  scope: string | null;
  supervisingUnit: string | null;
  capitalFen: number | bigint | null;
  registeredAt: Date | string;
};

/** The registering authority printed on certificates. */
export const REGISTRATION_AUTHORITY = "区民政局";

const PRINT_CSS = `
@page { size: A4 portrait; margin: 14mm; }
@media print {
  html, body { background: #fff !important; }
  .registration-certificate { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5em_1fr] gap-3 border-b border-dotted border-red-200 py-2.5 print:py-3">
      <dt className="text-justify font-medium tracking-wider text-red-900 [text-align-last:justify]">{label}</dt>
      <dd className="whitespace-pre-wrap break-words text-gray-900">{children}</dd>
    </div>
  );
}

export function RegistrationCertificate({ certificate }: { certificate: CertificateData }) {
  const type = certificate.type as OrgType;
  const filing = type === "COMMUNITY";
  return (
    <>
      <style>{PRINT_CSS}</style>
      <article
        className="registration-certificate mx-auto flex max-w-[210mm] flex-col border-[6px] border-double border-red-800 bg-white px-6 py-8 text-base shadow-sm sm:px-12 sm:py-10 print:h-[266mm] print:max-w-none print:px-[14mm] print:py-[12mm] print:shadow-none"
        aria-labelledby="certificate-title"
      >
        <header className="text-center">
          <h2 id="certificate-title" className="text-3xl font-bold tracking-[0.3em] text-red-800 sm:text-4xl">
            {filing ? "社区社会组织备案证明" : "社会组织登记证书"}
          </h2>
          <p className="mt-2 text-sm text-gray-600">{orgTypeLabel(type)}</p>
          <p className="mt-6 text-sm text-gray-700">
            统一社会信用代码
            <span
              className="ml-2 font-mono text-lg font-semibold tracking-wider text-gray-900"
              data-testid="certificate-uscc"
            >
              {certificate.uscc}
            </span>
          </p>
        </header>

        <dl className="mt-8 flex-1 text-[15px] leading-relaxed">
          <Row label="名称">
            <span className="font-semibold" data-testid="certificate-name">
              {certificate.name}
            </span>
          </Row>
          <Row label="住所">{certificate.address ?? "—"}</Row>
          <Row label={filing ? "负责人" : "法定代表人"}>{certificate.legalRepresentative ?? "—"}</Row>
          <Row label="业务范围">{certificate.scope ?? "—"}</Row>
          <Row label="活动地域">{certificate.area ?? "—"}</Row>
          <Row label={CAPITAL_LABELS[type] ?? "注册资金"}>
            {certificate.capitalFen == null ? "—" : formatFen(certificate.capitalFen)}
          </Row>
          <Row label="业务主管单位">{certificate.supervisingUnit || "无"}</Row>
          <Row label="登记管理机关">{REGISTRATION_AUTHORITY}</Row>
        </dl>

        <footer className="mt-8">
          <div className="flex items-end justify-between gap-6">
            <p className="max-w-[60%] text-xs leading-relaxed text-gray-600">
              本{filing ? "证明" : "证书"}是该组织依法{filing ? "备案" : "登记"}的凭证，仅在登记有效期间使用。
              登记事项发生变更的，应当依法办理变更登记；注销或者被撤销登记后，本{filing ? "证明" : "证书"}自动失效。
              登记状态以“社会组织名录”公示为准，可按名称或统一社会信用代码核验。
            </p>
            <div className="text-right text-sm text-gray-800">
              <p>{REGISTRATION_AUTHORITY}（盖章）</p>
              <p className="mt-2">
                发证日期：<span data-testid="certificate-date">{formatDate(certificate.registeredAt)}</span>
              </p>
            </div>
          </div>
        </footer>
      </article>
    </>
  );
}

/** Print and back buttons; hidden when printing. */
export function CertificateToolbar({ back }: { back: ReactNode }) {
  return (
    <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
      <h1 className="text-xl font-semibold text-gray-900">登记证书</h1>
      <div className="flex gap-2">
        {back}
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          打印证书
        </button>
      </div>
    </div>
  );
}
