// The pages for a project's shared documents, one component each for both sides;
// the loaders in project-documents.server.ts say where "back" leads.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgreementDocument } from "~/modules/funding/agreement-document";
import { CertificateToolbar, CompletionCertificate } from "~/modules/funding/certificate-view";
import type { loadAgreementVersionPage, loadCertificatePage } from "~/modules/funding/project-documents.server";

type AgreementVersionData = Awaited<ReturnType<typeof loadAgreementVersionPage>>;

export const agreementVersionMeta: MetaFunction = ({ data }) => {
  const page = data as AgreementVersionData | undefined;
  return [{ title: `${page ? `${page.project.projectNo} 资助协议第 ${page.doc.version} 版` : "资助协议"} · 益苗` }];
};

export function AgreementVersionPage() {
  const { project, doc, backTo } = useLoaderData<typeof loadAgreementVersionPage>();
  return (
    <AgreementDocument
      doc={doc}
      organizationName={project.organization.name}
      toolbar={
        <Link to={backTo} className="btn-secondary">
          返回协议
        </Link>
      }
    />
  );
}

export function CertificatePage() {
  const { certificate, backTo } = useLoaderData<typeof loadCertificatePage>();
  return (
    <div>
      <CertificateToolbar
        back={
          <Link to={backTo} className="btn-secondary">
            返回
          </Link>
        }
      />
      <CompletionCertificate certificate={certificate} />
    </div>
  );
}
