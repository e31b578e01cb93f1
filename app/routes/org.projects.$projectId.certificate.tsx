import type { LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CertificatePage } from "~/modules/funding/project-document-pages";
import { loadCertificatePage } from "~/modules/funding/project-documents.server";

export const loader = (args: LoaderFunctionArgs) => loadCertificatePage(args, "org");

export default CertificatePage;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
