import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireRole } from "~/modules/auth/permissions.server";
import { CertificateToolbar, RegistrationCertificate } from "~/modules/organizations/registration-certificate";
import { getCertificate } from "~/modules/registration/registration.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.certificate.name ?? "登记证书"} · 登记证书 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const certificate = await getCertificate(params.orgId ?? "");
  invariantResponse(certificate, "该组织尚未登记或已不在登记状态，没有有效的登记证书", { status: 404 });
  return { certificate };
}

export default function AdminCertificatePage() {
  const { certificate } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  return (
    <div>
      <CertificateToolbar
        back={
          <button type="button" className="btn-secondary" onClick={() => navigate(-1)}>
            返回
          </button>
        }
      />
      <RegistrationCertificate certificate={certificate} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
