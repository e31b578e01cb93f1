import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireStaffProject } from "~/modules/funding/access.server";
import { CertificateToolbar, CompletionCertificate } from "~/modules/funding/certificate-view";
import { loadCompletionCertificate } from "~/modules/funding/closing.server";
import { invariantResponse } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  const certificate = await loadCompletionCertificate(project.id);
  invariantResponse(certificate, "项目尚未结项，没有结项证书", { status: 404 });
  return { certificate, projectId: project.id };
}

export default function ProjectCertificatePage() {
  const { certificate, projectId } = useLoaderData<typeof loader>();
  return (
    <div>
      <CertificateToolbar
        back={
          <Link to={`/admin/projects/${projectId}/closing`} className="btn-secondary">
            返回
          </Link>
        }
      />
      <CompletionCertificate certificate={certificate} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
