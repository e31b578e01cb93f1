import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { ROUND_TONES } from "~/modules/rating/labels";
import { listRoundApplications, loadRatingRound } from "~/modules/rating/round-queries.server";
import { ratingRoundWorkflow } from "~/modules/rating/round-workflow";
import { closeApplications, openRound } from "~/modules/rating/rounds.server";
import { dispatchIntent, handler } from "~/utils/action.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { ApplicationsCard } from "./applications-card";
import { RoundMoves } from "./round-moves";
import { SettingsCard } from "./settings-card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? "等级评估"} · 益苗` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const round = await loadRatingRound(params.roundId ?? "");
  invariantResponse(round, "未找到该评估", { status: 404 });
  return { round, applications: await listRoundApplications(round.id) };
}

const MoveSchema = z.object({ intent: z.string() });

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const roundId = params.roundId ?? "";
  return dispatchIntent(await readForm(request), {
    open: handler({
      schema: MoveSchema,
      run: () => openRound(roundId, admin, request),
      done: () => redirect(`/admin/rating/${roundId}?opened=1`),
    }),
    close: handler({
      schema: MoveSchema,
      run: () => closeApplications(roundId, admin, request),
      done: () => redirect(`/admin/rating/${roundId}?closed=1`),
    }),
  });
}

const MESSAGES: Record<string, string> = {
  saved: "评估设置已保存。",
  opened: "已开放申报，所用指标体系已冻结。",
  closed: "申报已截止。",
};

export default function AdminRatingRoundPage() {
  const { round, applications } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const message = Object.keys(MESSAGES).find((key) => params.has(key));
  return (
    <div className="space-y-4">
      <PageHeader
        title={round.title}
        description={
          <>
            {round.year} 年度 · {round.rulesVersion} 年办法 ·{" "}
            <StatusBadge workflow={ratingRoundWorkflow} state={round.status} tones={ROUND_TONES} />
          </>
        }
        actions={
          <>
            {round.status === "DRAFT" ? (
              <Link to={`/admin/rating/${round.id}/edit`} className="btn-secondary">
                修改设置
              </Link>
            ) : null}
            {round.status !== "DRAFT" ? (
              <Link to={`/admin/rating/${round.id}/panel`} className="btn-secondary">
                专家评估
              </Link>
            ) : null}
          </>
        }
      />
      <p className="text-sm">
        <Link to="results" className="link mr-4">
          评估委员会、公示与公告
        </Link>
        <Link to="/admin/rating" className="link">
          ← 返回评估列表
        </Link>
      </p>
      {message ? <Notice>{MESSAGES[message]}</Notice> : null}
      <RoundMoves status={round.status} />
      <SettingsCard round={round} />
      <ApplicationsCard applications={applications} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
