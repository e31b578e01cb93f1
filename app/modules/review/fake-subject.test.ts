// review/ runs a panel for any registered subject: a made-up "organization
// rating" kind (the organization itself is the subject, its rounds live in
// memory) goes through assignment, scoring and reopening without grants.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { autoAssign } from "./auto-assign.server";
import { reviewerFileAccess } from "./file-access.server";
import { reopenReview } from "./panel-changes.server";
import { reviewerDesk } from "./reviewer.server";
import { roundAggregates } from "./scores.server";
import { definePanelRegistry, type PanelRound, type PanelSubjectKind } from "./subject";

const ROUND: PanelRound = {
  id: "rating-2026",
  title: "2026年社会组织等级评估",
  open: true,
  reviewEndsAt: new Date(Date.now() + 10 * 86_400_000),
  reviewersPerSubject: 2,
  blind: false,
  aggregation: { mode: "MEAN", zScore: false, disagreementThreshold: 100 },
  criteria: [
    { id: "governance", name: "内部治理", description: null, maxScore: 10, weightPct: 60 },
    { id: "finance", name: "财务管理", description: null, maxScore: 10, weightPct: 40 },
  ],
};

function fakeRatingKind(state: { rated: string[]; runs: unknown[]; submitted: string[] }) {
  const subjects = async (ids: string[]) => {
    const orgs = await prisma.organization.findMany({
      where: { id: { in: ids.filter((id) => state.rated.includes(id)) } },
      orderBy: { id: "asc" },
      select: { id: true, name: true },
    });
    return orgs.map((o) => ({ id: o.id, roundId: ROUND.id, organizationId: o.id, title: o.name, category: null }));
  };
  const kind: PanelSubjectKind<{ selfAssessment: string }, "OrgRating"> = {
    type: "OrgRating",
    labels: {
      round: "评估批次",
      subject: "评估申请",
      item: "评估",
      owner: "参评机构",
      nothingToAssign: "没有待评估的机构",
    },
    auditPrefix: "org_rating",
    roundEntityType: "RatingRound",
    panelLink: (roundId) => `/admin/ratings/${roundId}`,
    loadRound: async (_db, roundId) => (roundId === ROUND.id ? ROUND : null),
    loadSubjects: (_db, ids) => subjects(ids),
    assignableSubjects: () => subjects(state.rated),
    saveAssignmentRun: async (_tx, roundId, run) => void state.runs.push({ roundId, ...run }),
    summarize: async (_db, ids) =>
      new Map(
        (await subjects(ids)).map((s) => [
          s.id,
          {
            title: s.title,
            category: null,
            roundTitle: ROUND.title,
            blind: false,
            reviewEndsAt: ROUND.reviewEndsAt,
            organizationName: s.title,
          },
        ]),
      ),
    reviewerPage: async (_db, id) => {
      const [subject] = await subjects([id]);
      if (!subject) return null;
      return { title: subject.title, round: ROUND, criteria: ROUND.criteria, view: { selfAssessment: "自评 85 分" } };
    },
    isIdentityFile: (purpose) => purpose.startsWith("org."),
    onSubmitted: async (_tx, assignment) => void state.submitted.push(assignment.id),
  };
  return kind;
}

let n = 0;
const user = (role: string, name: string) =>
  prisma.user.create({ data: { email: `fake-${++n}@example.com`, name, role }, select: { id: true, name: true } });
const org = (name: string) =>
  prisma.organization.create({
    data: { name, type: "SOCIAL_SERVICE", legalRepresentative: `${name}法人` },
    select: { id: true },
  });

describe("a panel subject that is not a grant application", () => {
  test("is assigned, scored, reopened and its files guarded through review/ alone", async () => {
    const admin = await user("ADMIN", "评估管理员");
    const [a, b] = [await org("甲机构"), await org("乙机构")];
    const reviewers = [
      await user("REVIEWER", "专家甲"),
      await user("REVIEWER", "专家乙"),
      await user("REVIEWER", "专家丙"),
    ];
    // 专家甲 works for 甲机构: never on its rating.
    await prisma.membership.create({ data: { userId: reviewers[0]!.id, organizationId: a.id } });
    const state = { rated: [a.id, b.id], runs: [] as unknown[], submitted: [] as string[] };
    const kind = fakeRatingKind(state);
    const registry = definePanelRegistry([kind]);
    const desk = reviewerDesk(registry);
    const ctx = { actor: { id: admin.id } };

    // Assignment.
    const result = await autoAssign(
      kind,
      ROUND.id,
      { reviewerIds: reviewers.map((r) => r.id), k: 2, seed: "fake" },
      ctx,
    );
    expect(result).toMatchObject({ ok: true, seed: "fake", added: 4, unfilled: [] });
    expect(state.runs).toEqual([{ roundId: ROUND.id, seed: "fake", k: 2 }]);
    const rows = await prisma.reviewAssignment.findMany({
      where: { roundId: ROUND.id },
      select: { id: true, subjectType: true, subjectId: true, reviewerId: true },
    });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.subjectType === "OrgRating")).toBe(true);
    expect(rows.some((r) => r.subjectId === a.id && r.reviewerId === reviewers[0]!.id)).toBe(false);
    expect(
      await prisma.auditEvent.count({ where: { entityType: "RatingRound", action: "org_rating.auto_assign" } }),
    ).toBe(1);
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: reviewers[1]!.id },
      select: { title: true },
    });
    expect(notice.title).toBe(`新的评估评审任务：${ROUND.title}`);

    // The reviewer's desk lists and opens the task.
    // The balanced plan gives one of 专家乙 / 专家丙 both organizations.
    const reviewer = reviewers.find((r) => rows.filter((x) => x.reviewerId === r.id).length === 2)!;
    const list = await desk.listReviewerTasks(reviewer.id, null, 1);
    expect(list.total).toBe(2);
    expect(list.tasks.map((t) => t.subject?.title).sort()).toEqual(["乙机构", "甲机构"].sort());
    expect(list.tasks.every((t) => t.subject?.roundTitle === ROUND.title)).toBe(true);
    const mine = rows.find((r) => r.reviewerId === reviewer.id && r.subjectId === b.id)!;
    const task = (await desk.getReviewerTask(reviewer.id, mine.id))!;
    expect(task).toMatchObject({ subjectType: "OrgRating", title: "乙机构", selfAssessment: "自评 85 分" });

    // Scoring: submit runs the kind's hook and the round's score reads see it.
    const request = new Request("http://localhost/reviewer/reviews");
    const values = {
      intent: "submit" as const,
      scores: { governance: 8, finance: 5 },
      comment: "治理结构完整，财务制度需要细化。",
      recommendation: "FUND" as const,
    };
    expect(await desk.saveReview({ task, values, actor: reviewer, request })).toEqual({ ok: true, submitted: true });
    expect(state.submitted).toEqual([mine.id]);
    const aggregates = await roundAggregates("OrgRating", ROUND);
    expect(aggregates.get(b.id)?.finalScore).toBe(68);
    expect(await desk.reviewerProgress(reviewer.id)).toEqual({ open: 1, submitted: 1, total: 2 });

    // Reopening by staff, with the reason shown to the reviewer.
    expect(await reopenReview(kind, ROUND.id, b.id, { assignmentId: mine.id, reason: "请补充财务意见" }, ctx)).toEqual({
      ok: true,
      name: reviewer.name,
    });
    const reopened = (await desk.getReviewerTask(reviewer.id, mine.id))!;
    expect(reopened.assignment.status).toBe("DRAFTED");
    expect(reopened.reopenReason).toBe("请补充财务意见");

    // Files of the subject: the assigned reviewer only, and not the owner's papers once the round is blind.
    const mayOpen = reviewerFileAccess(registry);
    const file = { subjectType: "OrgRating", subjectId: b.id, purpose: "org.charter" };
    expect(await mayOpen(reviewer.id, file)).toBe(true);
    expect(await mayOpen(reviewers[0]!.id, { ...file, subjectId: a.id })).toBe(false);
    expect(await mayOpen(reviewer.id, { ...file, subjectType: "GrantApplication" })).toBe(false);
    ROUND.blind = true;
    try {
      expect(await mayOpen(reviewer.id, file)).toBe(false);
      expect(await mayOpen(reviewer.id, { ...file, purpose: "rating.report" })).toBe(true);
    } finally {
      ROUND.blind = false;
    }
  });
});

test("review/ imports no area folder: subjects plug in through the registry", () => {
  const dir = import.meta.dirname;
  const allowed =
    /^~\/(modules\/(review|workflow|notifications|mail|auth|audit\/audit\.server)|utils|components|generated)\b/;
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const [, source] of text.matchAll(/from "(~\/[^"]+)"/g)) {
      expect(source, `${file} imports ${source}`).toMatch(allowed);
    }
  }
});
