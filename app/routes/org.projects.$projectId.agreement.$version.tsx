import type { LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AgreementVersionPage, agreementVersionMeta } from "~/modules/funding/project-document-pages";
import { loadAgreementVersionPage } from "~/modules/funding/project-documents.server";

export const meta = agreementVersionMeta;

export const loader = (args: LoaderFunctionArgs) => loadAgreementVersionPage(args, "org");

export default AgreementVersionPage;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
