import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireRole } from "~/modules/auth/permissions.server";
import { RatingCertificateToolbar, RatingCertificateView } from "~/modules/rating/certificate-view";
import { getCertificate } from "~/modules/rating/certificate.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.certificate.number ?? "评估等级证书"} · 评估等级证书 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const certificate = await getCertificate(params.certificateId ?? "");
  invariantResponse(certificate, "未找到该评估等级证书", { status: 404 });
  return { certificate };
}

export default function AdminRatingCertificatePage() {
  const { certificate } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  return (
    <div>
      <RatingCertificateToolbar
        status={certificate.status}
        back={
          <button type="button" className="btn-secondary" onClick={() => navigate(-1)}>
            返回
          </button>
        }
      />
      <RatingCertificateView certificate={certificate} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
