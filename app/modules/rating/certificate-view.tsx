// The printable 评估等级证书 (3A and above), shared by the staff's and the
// organization's pages. On screen a card; printed, one A4 page and nothing else.
import type { ReactNode } from "react";
import { gradeLabel } from "~/modules/registry/grade";
import { formatDate } from "~/utils/format";
import { plaqueText, RATING_AUTHORITY } from "./certificate";

export type RatingCertificateData = {
  number: string;
  grade: number;
  issuedAt: Date | string;
  validFrom: Date | string;
  validTo: Date | string;
  ratingBody: string;
  status: string;
  organization: { name: string; uscc: string | null };
};

const PRINT_CSS = `
@page { size: A4 portrait; margin: 14mm; }
@media print {
  html, body { background: #fff !important; }
  .rating-certificate { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6em_1fr] gap-3 border-b border-dotted border-amber-300 py-2.5">
      <dt className="font-medium text-amber-900">{label}</dt>
      <dd className="text-gray-900">{children}</dd>
    </div>
  );
}

export function RatingCertificateView({ certificate }: { certificate: RatingCertificateData }) {
  const c = { ...certificate, validFrom: new Date(certificate.validFrom), validTo: new Date(certificate.validTo) };
  return (
    <>
      <style>{PRINT_CSS}</style>
      <article
        className="rating-certificate mx-auto flex max-w-[210mm] flex-col border-[6px] border-double border-amber-700 bg-white px-6 py-8 shadow-sm sm:px-12 sm:py-10 print:h-[266mm] print:max-w-none print:shadow-none"
        aria-labelledby="rating-certificate-title"
      >
        <header className="text-center">
          <h2 id="rating-certificate-title" className="text-3xl font-bold tracking-[0.3em] text-amber-800 sm:text-4xl">
            社会组织评估等级证书
          </h2>
          <p className="mt-4 text-sm text-gray-700">
            证书编号
            <span className="ml-2 font-mono text-lg font-semibold" data-testid="rating-certificate-number">
              {c.number}
            </span>
          </p>
        </header>
        <p className="mt-8 text-center text-6xl font-bold text-amber-700" data-testid="rating-certificate-grade">
          {gradeLabel(c.grade)}
        </p>
        <dl className="mt-8 text-[15px] leading-relaxed">
          <Row label="社会组织">
            <span className="font-semibold">{c.organization.name}</span>
          </Row>
          <Row label="信用代码">
            <span className="font-mono">{c.organization.uscc ?? "—"}</span>
          </Row>
          <Row label="评估等级">{gradeLabel(c.grade)}级</Row>
          <Row label="有效期">
            {formatDate(c.validFrom)}至{formatDate(c.validTo)}
          </Row>
          <Row label="评估机构">{c.ratingBody}</Row>
          <Row label="授予日期">{formatDate(c.issuedAt)}</Row>
        </dl>
        <section className="mt-8 rounded border border-amber-300 p-4 text-center" aria-label="牌匾文字">
          <p className="text-xs text-gray-500">牌匾文字</p>
          {plaqueText({ ...c, issuedAt: new Date(c.issuedAt) }).map((line) => (
            <p key={line} className="mt-1 font-medium text-gray-900">
              {line}
            </p>
          ))}
        </section>
        <footer className="mt-auto pt-8 text-right text-sm text-gray-800">
          <p>{RATING_AUTHORITY}（盖章）</p>
        </footer>
      </article>
    </>
  );
}

/** Print and back buttons, hidden when printing; says when the certificate is no longer valid. */
export function RatingCertificateToolbar({ back, status }: { back: ReactNode; status: string }) {
  return (
    <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
      <h1 className="text-xl font-semibold text-gray-900">评估等级证书</h1>
      {status !== "VALID" ? <p className="text-sm text-red-700">该证书已因降级或取消等级而失效，须退回。</p> : null}
      <div className="flex gap-2">
        {back}
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          打印证书
        </button>
      </div>
    </div>
  );
}
