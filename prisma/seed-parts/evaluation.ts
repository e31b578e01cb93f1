// Demo evaluations (#14 items 1-5 and its demo data), after funding-delivery: each step through
// the evaluation module's own writes on its day of the story (story-clock.ts): the organization's
// self-assessment, the automatic assignment of three experts, their scores, staff publishing the
// result for its publicity period, which becomes final when the period is over: that opens the
// next tranche's gate (paid a week later through funding-money's payTranches), or after a final
// 不合格 ends the project (last tranche stopped, terminated, banned; decision 026).
// - The call that has ended (the "2025 call"), by award order: every mid-term passed; final
//   grades 优秀, 良好, 合格, 不合格 (project ended, banned) and 良好; the fifth project's final evaluation is left
//   to closing.ts, which terminates the project before it (the termination cancels it).
// - The call in delivery (the "autumn call"): the mid-term in publicity (1st project), scored and
//   waiting to be published (2nd), with the experts (3rd: the demo expert's task due in three
//   days; 4th: the demo expert's draft), and self-assessments not yet filed, due in the coming
//   days (the 6th and 7th have drafts; the 5th must first file its overdue report).
import type { PrismaClient } from "~/generated/prisma/client";
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { publishResult } from "~/modules/evaluation/results.server";
import { autoAssignEvaluations } from "~/modules/evaluation/review/panel.server";
import { defaultReviewEndsAt } from "~/modules/evaluation/review/window";
import { saveSelfAssessment } from "~/modules/evaluation/self-assessment.server";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { getReviewerTask, saveReview } from "~/modules/panels.server";
import { addDays, addWorkingDays, toDateInput } from "~/utils/dates";
import { prisma as appPrisma } from "~/utils/db.server";
import { today } from "./dates";
import { leafScores } from "./evaluation-scores";
import { PAY_AFTER_WORKING_DAYS, payTranches } from "./funding-money";
import { roundProjects, SEED_REQUEST, seedStaff, type SeedProject } from "./funding-seed-projects";
import { FINAL_FAIL_ORG, REVIEWER_EMAILS, TERMINATED_ORG } from "./grants-review-projects";
import { atStoryTime } from "./story-clock";

type Staff = { id: string; name: string };
type Evaluation = SeedProject["evaluations"][number];
/** An expert's part: the quality they see, when they submit (null: not yet; "draft": saved, not submitted). */
type Expert = { key: keyof typeof REVIEWER_EMAILS; submitAt: Date | null; draft?: boolean };

const at = (day: Date, hours: number) => new Date(day.getTime() + hours * 3_600_000);
const COMMENT =
  "项目按协议推进，服务记录完整，指标完成情况与报告一致；建议进一步加强服务成效的跟踪评估和志愿者队伍的稳定性。";

async function treeOf(evaluationId: string) {
  const { schemeId } = await appPrisma.grantEvaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: { schemeId: true },
  });
  return schemeId ? loadSchemeTree(appPrisma, schemeId) : null;
}

async function selfAssess(p: SeedProject, e: Evaluation, quality: number, when: Date, submit = true) {
  const tree = await treeOf(e.id);
  if (!tree) return;
  await atStoryTime(when, () =>
    saveSelfAssessment({
      projectId: p.id,
      evaluationId: e.id,
      value: {
        intent: submit ? "submit" : "draft",
        conclusion: `「${p.title}」按协议完成了本阶段的服务计划，服务对象满意度较高，资金按预算使用。`,
        scores: leafScores(tree, Math.min(1, quality + 0.05)),
      },
      actorId: p.application.createdById,
      request: SEED_REQUEST(),
    }),
  );
}

/** Three experts assigned the day after the self-assessment; each scores when the plan says. */
async function review(
  p: SeedProject,
  e: Evaluation,
  quality: number,
  assignAt: Date,
  experts: Expert[],
  reviewers: Map<string, string>,
  staff: Staff,
) {
  const ids = experts.map((x) => reviewers.get(REVIEWER_EMAILS[x.key]!)).filter((id): id is string => !!id);
  await atStoryTime(assignAt, () =>
    autoAssignEvaluations(
      p.callId,
      { reviewerIds: ids, k: ids.length, dueAt: toDateInput(defaultReviewEndsAt(addDays(assignAt, -1))) },
      { actor: staff, request: SEED_REQUEST() },
    ),
  );
  const tree = await treeOf(e.id);
  if (!tree) return;
  const assignments = await appPrisma.reviewAssignment.findMany({
    where: { subjectType: "GrantEvaluation", subjectId: e.id },
    select: { id: true, reviewerId: true },
  });
  for (const [i, x] of experts.entries()) {
    const reviewerId = ids[i];
    const assignment = assignments.find((a) => a.reviewerId === reviewerId);
    if (!assignment || !reviewerId || !x.submitAt) continue;
    const scores = Object.fromEntries(leafScores(tree, quality, (i - 1) * 0.02).map((s) => [s.leafCode, s.score]));
    await atStoryTime(x.submitAt, async () => {
      const task = await getReviewerTask(reviewerId, assignment.id);
      if (!task) return;
      await saveReview({
        task,
        values: { intent: x.draft ? "draft" : "submit", scores, comment: COMMENT, recommendation: null },
        actor: { id: reviewerId },
        request: SEED_REQUEST(),
      });
    });
  }
}

async function publish(p: SeedProject, e: Evaluation, staff: Staff, when: Date) {
  await atStoryTime(when, () =>
    publishResult({ projectId: p.id, evaluationId: e.id, actorId: staff.id, request: SEED_REQUEST() }),
  );
}

/**
 * Final once the publicity period is over: the first read after it (here, on `when`) settles
 * it as the app does (decision 026); a tranche whose gate opened is paid a week later.
 */
async function finalize(p: SeedProject, e: Evaluation, staff: Staff, when: Date) {
  await atStoryTime(when, () => settleEndedPublicity({ projectId: p.id }));
  const trigger = e.kind === "FINAL" ? "FINAL_EVALUATION" : "MIDTERM_PASS";
  await payTranches(p, trigger, addWorkingDays(when, PAY_AFTER_WORKING_DAYS), staff);
}

/** A whole evaluation, from the self-assessment a week before it is due to its final result. */
async function complete(
  p: SeedProject,
  e: Evaluation,
  quality: number,
  panel: Expert["key"][],
  reviewers: Map<string, string>,
  staff: Staff,
) {
  const due = e.dueAt;
  await selfAssess(p, e, quality, at(addDays(due, -7), -8));
  const experts = panel.map((key, i) => ({ key, submitAt: at(addDays(due, -2 + i * 2), -6) }));
  await review(p, e, quality, at(addDays(due, -6), -14), experts, reviewers, staff);
  await publish(p, e, staff, at(addDays(due, 5), -14));
  await finalize(p, e, staff, at(addDays(due, 14), -14));
}

const PANELS: Expert["key"][][] = [
  ["expert", "zhanghf", "liuzq"],
  ["zhanghf", "liuzq", "zhoum"],
  ["expert", "zhoum", "zhanghf"],
];

async function endedCall(prisma: PrismaClient, staff: Staff, reviewers: Map<string, string>) {
  const midterm = [0.92, 0.85, 0.72, 0.66, 0.7, 0.83];
  let passing = 0;
  const final = [0.95, 0.87, 0.7, 0.88];
  for (const [j, p] of (await roundProjects(prisma, "funded")).entries()) {
    if (p.status !== "IN_DELIVERY") continue;
    const panel = PANELS[j % PANELS.length]!;
    const mid = p.evaluations.find((e) => e.kind === "MIDTERM");
    if (mid) await complete(p, mid, midterm[j % midterm.length]!, panel, reviewers, staff);
    const end = p.evaluations.find((e) => e.kind === "FINAL");
    // The barred organizations of grants-review-projects.ts: one fails, the other is terminated first.
    const name = p.organization.name;
    const quality = name === FINAL_FAIL_ORG ? 0.45 : name === TERMINATED_ORG ? null : final[passing++ % final.length]!;
    if (end && quality != null) await complete(p, end, quality, panel, reviewers, staff);
  }
}

async function deliveryCall(prisma: PrismaClient, staff: Staff, reviewers: Map<string, string>) {
  const projects = (await roundProjects(prisma, "delivery")).filter((p) => p.signedAt);
  const day = (n: number, hours = 10) => at(addDays(today, n), hours);
  for (const [n, p] of projects.entries()) {
    const e = p.evaluations.find((x) => x.kind === "MIDTERM");
    if (!e) continue;
    if (n === 0) {
      await selfAssess(p, e, 0.86, day(-16));
      await review(
        p,
        e,
        0.86,
        day(-15),
        [
          { key: "zhanghf", submitAt: day(-10) },
          { key: "liuzq", submitAt: day(-8) },
          { key: "zhoum", submitAt: day(-6) },
        ],
        reviewers,
        staff,
      );
      await publish(p, e, staff, day(-3));
    } else if (n === 1) {
      await selfAssess(p, e, 0.78, day(-14));
      await review(
        p,
        e,
        0.78,
        day(-13),
        [
          { key: "zhanghf", submitAt: day(-6) },
          { key: "liuzq", submitAt: day(-4) },
          { key: "zhoum", submitAt: day(-3) },
        ],
        reviewers,
        staff,
      );
    } else if (n === 2) {
      await selfAssess(p, e, 0.8, day(-11));
      await review(
        p,
        e,
        0.8,
        day(-10),
        [
          { key: "expert", submitAt: null },
          { key: "zhanghf", submitAt: day(-4) },
          { key: "liuzq", submitAt: day(-2) },
        ],
        reviewers,
        staff,
      );
    } else if (n === 3) {
      await selfAssess(p, e, 0.74, day(-5));
      await review(
        p,
        e,
        0.74,
        day(-4),
        [
          { key: "expert", submitAt: day(-1), draft: true },
          { key: "zhoum", submitAt: day(-1, 15) },
          { key: "zhanghf", submitAt: null },
        ],
        reviewers,
        staff,
      );
    } else if (n >= 5) {
      // Drafts the organizations are still working on (the 5th waits for its overdue report).
      await selfAssess(p, e, 0.8, day(-3 + n - 5), false);
    }
  }
}

export async function seedEvaluations(prisma: PrismaClient) {
  const staff = await seedStaff(prisma);
  if (!staff) return;
  const people = await prisma.user.findMany({
    where: { email: { in: Object.values(REVIEWER_EMAILS) }, status: "ACTIVE" },
    select: { id: true, email: true },
  });
  const reviewers = new Map(people.map((u) => [u.email, u.id]));
  await endedCall(prisma, staff, reviewers);
  await deliveryCall(prisma, staff, reviewers);
}
