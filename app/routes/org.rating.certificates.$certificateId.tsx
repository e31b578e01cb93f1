import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { RatingCertificateToolbar, RatingCertificateView } from "~/modules/rating/certificate-view";
import { getCertificate } from "~/modules/rating/certificate.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "评估等级证书 · 益苗" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const certificate = await getCertificate(params.certificateId ?? "");
  invariantResponse(certificate && certificate.organization.id === organization.id, "未找到该评估等级证书", {
    status: 404,
  });
  return { certificate };
}

export default function OrgRatingCertificatePage() {
  const { certificate } = useLoaderData<typeof loader>();
  return (
    <div>
      <RatingCertificateToolbar
        status={certificate.status}
        back={
          <Link to="/org/rating/certificates" className="btn-secondary">
            返回
          </Link>
        }
      />
      <RatingCertificateView certificate={certificate} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
