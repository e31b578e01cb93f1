// The printable 结项证书 of a closed funded project, shared by the staff's and the
// organization's pages. Same print layout as the rating certificate: on screen a
// card, printed one A4 page and nothing else.
import type { ReactNode } from "react";
import { formatDate, formatFen } from "~/utils/format";

export const FUNDING_AUTHORITY = "区民政局";

export type CompletionCertificateData = {
  projectNo: string;
  title: string;
  awardFen: number;
  startsOn: Date | string;
  endsOn: Date | string;
  closedAt: Date | string | null;
  finalGrade: string | null;
  organization: { name: string; uscc: string | null };
  call: { title: string; year: number };
};

const PRINT_CSS = `
@page { size: A4 portrait; margin: 14mm; }
@media print {
  html, body { background: #fff !important; }
  .completion-certificate { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The certificate number: JX + the project number, so it never needs its own counter. */
export function certificateNumber(projectNo: string) {
  return `JX-${projectNo}`;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6em_1fr] gap-3 border-b border-dotted border-brand-300 py-2.5">
      <dt className="font-medium text-brand-900">{label}</dt>
      <dd className="text-gray-900">{children}</dd>
    </div>
  );
}

export function CompletionCertificate({ certificate: c }: { certificate: CompletionCertificateData }) {
  return (
    <>
      <style>{PRINT_CSS}</style>
      <article
        className="completion-certificate mx-auto flex max-w-[210mm] flex-col border-[6px] border-double border-brand-700 bg-white px-6 py-8 shadow-sm sm:px-12 sm:py-10 print:h-[266mm] print:max-w-none print:shadow-none"
        aria-labelledby="completion-certificate-title"
      >
        <header className="text-center">
          <h2
            id="completion-certificate-title"
            className="text-3xl font-bold tracking-[0.3em] text-brand-800 sm:text-4xl"
          >
            公益创投项目结项证书
          </h2>
          <p className="mt-4 text-sm text-gray-700">
            证书编号
            <span className="ml-2 font-mono text-lg font-semibold" data-testid="completion-certificate-number">
              {certificateNumber(c.projectNo)}
            </span>
          </p>
        </header>
        <p className="mt-8 text-center text-lg leading-relaxed text-gray-900">
          <span className="font-semibold">{c.organization.name}</span>承接的{c.call.year}
          年度公益创投项目「{c.title}」已按资助协议完成，经终期评估和财务审核，准予结项。
        </p>
        <dl className="mt-8 text-[15px] leading-relaxed">
          <Row label="项目编号">{c.projectNo}</Row>
          <Row label="承接机构">{c.organization.name}</Row>
          <Row label="信用代码">
            <span className="font-mono">{c.organization.uscc ?? "—"}</span>
          </Row>
          <Row label="资助活动">{c.call.title}</Row>
          <Row label="资助金额">{formatFen(c.awardFen)}</Row>
          <Row label="执行期">
            {formatDate(c.startsOn)}至{formatDate(c.endsOn)}
          </Row>
          <Row label="终期评估">
            <span data-testid="completion-certificate-grade">{c.finalGrade ?? "—"}</span>
          </Row>
          <Row label="结项日期">{formatDate(c.closedAt)}</Row>
        </dl>
        <footer className="mt-auto pt-8 text-right text-sm text-gray-800">
          <p>{FUNDING_AUTHORITY}（盖章）</p>
          <p className="mt-1">{formatDate(c.closedAt)}</p>
        </footer>
      </article>
    </>
  );
}

export function CertificateToolbar({ back }: { back: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
      <h2 className="text-lg font-semibold text-gray-900">结项证书</h2>
      <div className="flex gap-2">
        {back}
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          打印证书
        </button>
      </div>
    </div>
  );
}
