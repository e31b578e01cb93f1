import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireStaffProject } from "~/modules/funding/access.server";
import { AgreementDocument } from "~/modules/funding/agreement-document";
import { agreementVersionParam } from "~/modules/funding/agreement-forms";
import { loadAgreementDocument } from "~/modules/funding/agreement-view.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.project.projectNo} 资助协议第 ${data.doc.version} 版` : "资助协议"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  const version = agreementVersionParam(params.version);
  const doc = version ? await loadAgreementDocument(project.id, version, "staff") : null;
  invariantResponse(doc, "未找到该版本的协议", { status: 404 });
  return { project, doc };
}

export default function StaffAgreementDocument() {
  const { project, doc } = useLoaderData<typeof loader>();
  return (
    <AgreementDocument
      doc={doc}
      organizationName={project.organization.name}
      toolbar={
        <Link to={`/admin/projects/${project.id}/agreement`} className="btn-secondary">
          返回协议
        </Link>
      }
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
