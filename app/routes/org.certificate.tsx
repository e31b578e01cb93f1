import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { CertificateToolbar, RegistrationCertificate } from "~/modules/organizations/registration-certificate";
import { getCertificate } from "~/modules/registration/registration.server";

export const meta: MetaFunction = () => [{ title: "登记证书 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return { certificate: await getCertificate(organization.id) };
}

export default function OrgCertificatePage() {
  const { certificate } = useLoaderData<typeof loader>();
  if (!certificate) {
    return (
      <div>
        <PageHeader title="登记证书" />
        <div className="card text-sm text-gray-600">
          <p>本机构尚未登记（备案），暂无登记证书。</p>
          <Link to="/org/registration" className="btn-primary mt-3">
            办理登记申请
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div>
      <CertificateToolbar
        back={
          <Link to="/org/registration" className="btn-secondary">
            返回
          </Link>
        }
      />
      <RegistrationCertificate certificate={certificate} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
