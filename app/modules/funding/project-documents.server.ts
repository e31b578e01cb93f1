// Loaders of the documents both sides of a project read the same way: a signed
// agreement version and the completion certificate. Each route passes its side;
// the guard and the "back" link follow from it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectOnSide } from "~/modules/funding/access.server";
import { agreementVersionParam } from "~/modules/funding/agreement-forms";
import { loadAgreementDocument } from "~/modules/funding/agreement-view.server";
import { loadCompletionCertificate } from "~/modules/funding/closing.server";
import { projectHubPath } from "~/modules/funding/project-tabs";
import { invariantResponse } from "~/utils/http";

type Side = "staff" | "org";

export async function loadAgreementVersionPage({ request, params }: LoaderFunctionArgs, side: Side) {
  const project = await requireProjectOnSide(request, params.projectId, side);
  const version = agreementVersionParam(params.version);
  const doc = version ? await loadAgreementDocument(project.id, version, side) : null;
  invariantResponse(doc, "未找到该版本的协议", { status: 404 });
  return { project, doc, backTo: projectHubPath(side, project.id, "agreement") };
}

export async function loadCertificatePage({ request, params }: LoaderFunctionArgs, side: Side) {
  const project = await requireProjectOnSide(request, params.projectId, side);
  const certificate = await loadCompletionCertificate(project.id);
  invariantResponse(certificate, "项目尚未结项，没有结项证书", { status: 404 });
  return { certificate, backTo: projectHubPath(side, project.id, "closing") };
}
