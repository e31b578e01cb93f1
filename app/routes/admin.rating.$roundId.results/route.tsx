import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { Badge, StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { announceRound } from "~/modules/rating/announce.server";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { quorumOf } from "~/modules/rating/committee";
import { recordMeeting, recordVote, setCommitteeScore } from "~/modules/rating/committee.server";
import { reviewRequestWorkflow } from "~/modules/rating/publicity-workflow";
import { decideReviewRequest, publishResults } from "~/modules/rating/publicity.server";
import { ratingRoundWorkflow } from "~/modules/rating/round-workflow";
import { gradeLabel } from "~/modules/registry/grade";
import { dispatchIntent, handler } from "~/utils/action.server";
import { parseDateInput } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import {
  MeetingForm,
  MeetingSchema,
  ReviewDecisionForm,
  ReviewDecisionSchema,
  ScoreForm,
  ScoreSchema,
  VoteForm,
  VoteSchema,
} from "./forms";
import { loadRoundResults } from "./load.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? ""} · 评估结果 · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const data = await loadRoundResults(params.roundId ?? "");
  invariantResponse(data, "未找到该评估轮次", { status: 404 });
  return { ...data, now: new Date() };
}

const Empty = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const roundId = params.roundId ?? "";
  const back = (done: string) => redirect(`/admin/rating/${roundId}/results?done=${done}`);
  return dispatchIntent(await readForm(request), {
    meeting: handler({
      schema: MeetingSchema,
      run: (v) =>
        recordMeeting({ ...v, roundId, heldAt: parseDateInput(v.heldAt) ?? new Date(), actorId: user.id, request }),
      done: () => back("meeting"),
    }),
    vote: handler({
      schema: VoteSchema,
      run: (v) => recordVote({ ...v, actorId: user.id, request }),
      done: (r) => back(r.passed ? "passed" : "failed"),
    }),
    score: handler({
      schema: ScoreSchema,
      run: (v) => setCommitteeScore({ ...v, actorId: user.id, request }),
      done: () => back("score"),
    }),
    publish: handler({
      schema: Empty,
      run: async () => void (await publishResults({ roundId, actorId: user.id, request })),
      done: () => back("published"),
    }),
    review: handler({
      schema: ReviewDecisionSchema,
      run: (v) => decideReviewRequest({ ...v, grade: v.grade ? Number(v.grade) : null, actorId: user.id, request }),
      done: () => back("reviewed"),
    }),
    announce: handler({
      schema: Empty,
      run: async () => void (await announceRound({ roundId, actorId: user.id, request })),
      done: () => back("announced"),
    }),
  });
}

const DONE: Record<string, string> = {
  meeting: "已登记委员会会议。",
  passed: "表决通过，该申请已审定。",
  failed: "表决未通过（赞成票未超过全体委员半数），该申请仍待审定。",
  score: "已记录委员会评分。",
  published: "评估结果已公示。",
  reviewed: "复核决定已作出，已通知该组织。",
  announced: "评估结果已公告，等级和证书已生成。",
};

const APP_TONES = { SCORED: "warning", DECIDED: "info", REVIEW_REQUESTED: "danger", ANNOUNCED: "success" } as const;
const REVIEW_TONES = { FILED: "warning", KEPT: "neutral", CHANGED: "info" } as const;

export default function AdminRoundResults() {
  const { round, applications, meetings, reviews, now } = useLoaderData<typeof loader>();
  const done = useSearchParams()[0].get("done");
  const meetingId = meetings[0]?.id ?? null;
  const reply = useActionData<typeof action>();
  const stepError =
    reply && "intent" in reply && (reply.intent === "publish" || reply.intent === "announce")
      ? (reply.result?.error?.[""] ?? []).join("；")
      : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${round.title} · 评估结果`}
        description={`当前阶段：${ratingRoundWorkflow.stateLabels[round.status as "DRAFT"] ?? round.status}；评估委员会 ${round.committeeMembers} 人。`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link to="/admin/rating/stats" className="link">
              评估统计
            </Link>
            <a href={`/admin/rating/${round.id}/export`} className="link" download>
              结果与评分表（Excel）
            </a>
            <Link to={`/admin/rating/${round.id}`} className="btn-secondary">
              返回轮次
            </Link>
          </div>
        }
      />
      {done && DONE[done] ? <Notice>{DONE[done]}</Notice> : null}
      {stepError ? <Notice tone="error">{stepError}</Notice> : null}

      {round.status === "COMMITTEE" ? (
        <SectionCard id="meeting" title="评估委员会会议">
          {meetings.length > 0 ? (
            <p className="mb-3 text-sm text-gray-700" data-testid="committee-meeting">
              已登记：{formatDate(meetings[0].heldAt)}，出席 {meetings[0].membersPresent}/{round.committeeMembers} 人。
            </p>
          ) : null}
          <MeetingForm quorum={quorumOf(round.committeeMembers)} />
        </SectionCard>
      ) : null}

      <SectionCard id="applications" title="申请与等级">
        {applications.length === 0 ? (
          <EmptyState>还没有专家评分完成的申请。</EmptyState>
        ) : (
          <ul className="space-y-3">
            {applications.map((a) => (
              <li key={a.id} className="rounded-md border border-gray-200 p-3 text-sm" data-testid="result-application">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-medium">{a.organization.name}</h3>
                  <StatusBadge workflow={ratingApplicationWorkflow} state={a.status} tones={APP_TONES} />
                </div>
                {a.preview ? (
                  <p>
                    最终得分 {a.preview.score} 分，拟定 {gradeLabel(a.preview.grade)}
                    {a.preview.note ? `（${a.preview.note}）` : ""}
                  </p>
                ) : (
                  <p>
                    最终得分 {a.finalScore ?? "—"} 分，等级 <strong>{gradeLabel(a.finalGrade)}</strong>
                    {a.gradeCapNote ? `（${a.gradeCapNote}）` : ""}
                  </p>
                )}
                {a.status === "SCORED" && round.status === "COMMITTEE" ? (
                  <div className="mt-2 space-y-2">
                    <ScoreForm applicationId={a.id} />
                    <VoteForm applicationId={a.id} meetingId={meetingId} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {round.status === "COMMITTEE" ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="btn-primary">
              发布评估结果公示
            </button>
          </Form>
        ) : null}
      </SectionCard>

      {round.status === "PUBLICITY" || reviews.length > 0 ? (
        <SectionCard id="reviews" title="复核申请">
          {round.publicityEndsAt ? (
            <p className="mb-2 text-sm">公示期至 {formatDate(round.publicityEndsAt)}。</p>
          ) : null}
          {reviews.length === 0 ? (
            <EmptyState>没有复核申请。</EmptyState>
          ) : (
            <ul className="space-y-3">
              {reviews.map((r) => (
                <li key={r.id} className="rounded-md border border-gray-200 p-3 text-sm" data-testid="review-request">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-medium">
                      {r.organizationName}（原等级 {gradeLabel(r.gradeBefore)}）
                    </h3>
                    <span>
                      <StatusBadge workflow={reviewRequestWorkflow} state={r.status} tones={REVIEW_TONES} /> 答复期限{" "}
                      {formatDate(r.dueAt)}{" "}
                      {r.status === "FILED" && new Date(r.dueAt) < new Date(now) ? (
                        <Badge tone="solid-danger">已逾期</Badge>
                      ) : null}
                    </span>
                  </div>
                  <p>复核理由：{r.reasons}</p>
                  {r.evidence ? <p>证明材料：{r.evidence}</p> : null}
                  {r.status === "FILED" ? (
                    <ReviewDecisionForm requestId={r.id} />
                  ) : (
                    <p>
                      复核结论：{reviewRequestWorkflow.stateLabels[r.status as "FILED"]} {gradeLabel(r.gradeAfter)}。
                      {r.decisionNote}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          {round.status === "PUBLICITY" ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="announce" />
              <button type="submit" className="btn-primary">
                发布评估结果公告
              </button>
            </Form>
          ) : null}
        </SectionCard>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
