import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { clientFileSchema } from "~/modules/attachments/document-set";
import { answerEditorForm } from "~/modules/attachments/document-set.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { leavesOf } from "~/modules/indicators/scheme";
import { loadRatingApplication } from "~/modules/rating/application-queries.server";
import { saveSelfAssessmentBlock } from "~/modules/rating/application.server";
import { evidenceSet } from "~/modules/rating/evidence";
import { leafDefault, scoreField, selfAssessmentSchema } from "~/modules/rating/leaf-input";
import { RecordLeavesCard } from "~/modules/rating/record-leaves-view";
import { isRatingRecordLeaf } from "~/modules/rating/record-sources";
import { SELF_ASSESSMENT_FORM, SelfAssessmentForm } from "~/modules/rating/self-assessment-form";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.block.title ?? "自评"} · 等级评估 · 益苗` },
];

async function loadBlock(request: Request, params: { applicationId?: string; blockCode?: string }) {
  const member = await requireOrgMember(request);
  const app = await loadRatingApplication(params.applicationId ?? "");
  invariantResponse(app && app.organizationId === member.organization.id, "未找到该评估申请", { status: 404 });
  const root = app.tree.roots.find((r) => r.code === params.blockCode);
  invariantResponse(root, "未找到该指标", { status: 404 });
  // Leaves computed from the organization's record are shown, not typed.
  const leaves = leavesOf([root]).filter((leaf) => !isRatingRecordLeaf(leaf));
  const recordLeaves = app.recordLeaves.filter((leaf) => leaf.code.startsWith(`${root.code}.`));
  return { member, app, root, leaves, recordLeaves };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, root, leaves, recordLeaves } = await loadBlock(request, params);
  const stored = new Map(app.selfScores.map((s) => [s.leafCode, s]));
  const defaults = Object.fromEntries(leaves.map((l) => [scoreField(l.code), leafDefault(l, stored.get(l.code))]));
  return {
    application: { id: app.id, status: app.status, roundTitle: app.round.title },
    block: { code: root.code, title: root.title, points: root.points },
    leaves: leaves.map(({ children: _c, level: _l, ...leaf }) => leaf),
    recordLeaves,
    evidence: app.evidence,
    defaults,
    editable: app.status === "DRAFT" || app.status === "RETURNED",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, app, leaves } = await loadBlock(request, params);
  const set = evidenceSet(leaves);
  return answerEditorForm(request, SELF_ASSESSMENT_FORM, {
    schema: (fileSchema) => selfAssessmentSchema(leaves, set.fileFields(fileSchema)),
    save: async (values) => {
      await saveSelfAssessmentBlock({
        applicationId: app.id,
        organizationId: member.organization.id,
        leaves,
        values,
        actor: member.user,
        request,
      });
      return { submitted: false };
    },
    redirectTo: () => `/org/rating/${app.id}?saved=1`,
  });
}

export default function SelfAssessmentBlockPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${data.block.code} ${data.block.title}`}
        description={`${data.application.roundTitle} · 本项 ${data.block.points} 分`}
        actions={
          <Link to={`/org/rating/${data.application.id}`} className="btn-secondary">
            返回自评进度
          </Link>
        }
      />
      <RecordLeavesCard leaves={data.recordLeaves} who="自评时" />
      <SelfAssessmentForm
        leaves={data.leaves}
        defaults={data.defaults}
        evidence={data.evidence}
        editable={data.editable}
        reply={reply}
        fileSchema={clientFileSchema}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
