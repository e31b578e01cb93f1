import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { ScoreSheetTable } from "~/modules/rating/score-sheet-view";
import { loadScoreSheet } from "~/modules/rating/score-sheet.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "评分表 · 等级评估 · 益苗" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const app = await prisma.ratingApplication.findFirst({
    where: { id: params.applicationId ?? "", organizationId: organization.id },
    select: { id: true, status: true, round: { select: { title: true } } },
  });
  invariantResponse(app, "未找到该评估申请", { status: 404 });
  // The organization sees the experts' and the committee's scores once the result is announced.
  invariantResponse(app.status === "ANNOUNCED", "评估结果公告后方可查看评分表", { status: 403 });
  const sheet = await loadScoreSheet(app.id, { expertNames: false });
  invariantResponse(sheet, "未找到评分表", { status: 404 });
  return { app, sheet };
}

export default function OrgScoreSheetPage() {
  const { app, sheet } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="评分表"
        description={app.round.title}
        actions={
          <Link to={`/org/rating/${app.id}`} className="btn-secondary">
            返回评估申请
          </Link>
        }
      />
      <ScoreSheetTable sheet={sheet} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
