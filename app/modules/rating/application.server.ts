// The organization's writes on its rating application (#12 item 6): start (only when eligible),
// save the self-assessment of one first-level block with its evidence, submit (complete, the
// eligibility snapshot stored), withdraw. Every move through runTransition, audited, notified.
import { saveWithDocuments } from "~/modules/attachments/document-set.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { leavesOf, scoreSheet } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { fail, succeed } from "~/utils/write-result";
import { ratingApplicationWorkflow, type RatingApplicationState } from "./application-workflow";
import { ratingEligibility } from "./eligibility.server";
import { evidenceSet } from "./evidence";
import { RATING_SUBJECT_TYPE } from "./labels";
import { readLeafInputs, type FormLeaf } from "./leaf-input";
import { parseRecordSnapshots, storeSnapshot, takeSnapshot } from "./record-snapshot";
import { withRecordScores } from "./record-sources";
import { applicationRecordScores } from "./record-sources.server";
import { isRulesVersion } from "./rules-version";

type Actor = { id: string };
const EDITABLE: RatingApplicationState[] = ["DRAFT", "RETURNED"];
const SELF = { kind: "self" } as const;

/** Starts a draft in an open round, refused with every reason when the organization is not eligible. */
export async function startApplication(input: {
  roundId: string;
  organization: { id: string; type: string };
  actor: Actor;
  request?: Request;
}) {
  const now = new Date();
  const round = await prisma.ratingRound.findUnique({
    where: { id: input.roundId },
    select: {
      status: true,
      title: true,
      rulesVersion: true,
      applyOpensAt: true,
      applyClosesAt: true,
      schemes: { where: { orgType: input.organization.type }, select: { schemeId: true } },
    },
  });
  if (!round || round.status !== "OPEN" || round.schemes.length === 0) return fail("该评估未向本类组织开放申报");
  if (now < round.applyOpensAt || now > round.applyClosesAt) return fail("不在申报期内");
  const version = isRulesVersion(round.rulesVersion) ? round.rulesVersion : "2026";
  const eligibility = await ratingEligibility(prisma, input.organization.id, version, now);
  if (!eligibility.eligible) return fail(`本组织暂不符合申请条件：${eligibility.reasons.join("；")}`, { status: 409 });
  return prisma.$transaction(async (tx) => {
    const exists = await tx.ratingApplication.findUnique({
      where: { roundId_organizationId: { roundId: input.roundId, organizationId: input.organization.id } },
      select: { id: true },
    });
    if (exists) return succeed({ applicationId: exists.id });
    const app = await tx.ratingApplication.create({
      data: {
        roundId: input.roundId,
        organizationId: input.organization.id,
        schemeId: round.schemes[0].schemeId,
        createdById: input.actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "rating_application.create",
      entityType: RATING_SUBJECT_TYPE,
      entityId: app.id,
      toState: "DRAFT",
      request: input.request,
    });
    return succeed({ applicationId: app.id });
  });
}

async function editableApplication(tx: Tx, applicationId: string, organizationId: string) {
  const app = await tx.ratingApplication.findFirst({
    where: { id: applicationId, organizationId },
    select: { id: true, status: true, schemeId: true, round: { select: { status: true } } },
  });
  if (!app) throw new WorkflowError("未找到该评估申请", 400);
  if (!EDITABLE.includes(app.status as RatingApplicationState)) throw new WorkflowError("申请已提交，不能再修改");
  if (app.round.status !== "OPEN" && app.status !== "RETURNED") throw new WorkflowError("申报已截止，不能再修改");
  return app;
}

/** Saves the self-scores of one block's leaves (and their new evidence files) as a draft. */
export async function saveSelfAssessmentBlock(input: {
  applicationId: string;
  organizationId: string;
  leaves: FormLeaf[];
  values: Record<string, unknown>;
  actor: Actor;
  request: Request;
}) {
  // The form's schema (selfAssessmentSchema) has refused any score the method does not allow.
  const { scores } = readLeafInputs(input.leaves, input.values);
  const set = evidenceSet(input.leaves);
  await saveWithDocuments({
    set,
    subjectId: input.applicationId,
    organizationId: input.organizationId,
    actorId: input.actor.id,
    request: input.request,
    files: set.filesFrom(input.values),
    submit: null,
    saveDraft: async (tx) => {
      const app = await editableApplication(tx, input.applicationId, input.organizationId);
      await tx.ratingSelfScore.deleteMany({
        where: { applicationId: app.id, leafCode: { in: input.leaves.map((l) => l.code) } },
      });
      await tx.ratingSelfScore.createMany({
        data: scores.map((s) => ({
          applicationId: app.id,
          leafCode: s.leafCode,
          score: s.score,
          note: JSON.stringify(s.choice),
        })),
      });
    },
  });
}

/** DRAFT/RETURNED → SUBMITTED when every leaf is self-scored and the organization is still eligible. */
export async function submitApplication(input: {
  applicationId: string;
  organizationId: string;
  actor: Actor;
  request?: Request;
}) {
  const app = await prisma.ratingApplication.findFirst({
    where: { id: input.applicationId, organizationId: input.organizationId },
    select: {
      id: true,
      status: true,
      schemeId: true,
      organization: { select: { name: true } },
      round: { select: { id: true, title: true, rulesVersion: true, status: true } },
      recordScores: true,
      selfScores: { select: { leafCode: true, score: true } },
    },
  });
  if (!app) throw new WorkflowError("未找到该评估申请", 400);
  if (app.round.status !== "OPEN" && app.status !== "RETURNED") return fail("申报已截止，不能再提交");
  const tree = await loadSchemeTree(prisma, app.schemeId);
  if (!tree) return fail("该评估的指标体系不存在");
  // The self total holds the record leaves' points as the record stands at submission; they are
  // stored with it, so the submitted sheet keeps showing them (decision 031).
  const now = new Date();
  const record = await applicationRecordScores(
    prisma,
    { organizationId: input.organizationId, roots: tree.roots },
    now,
  );
  const sheet = scoreSheet(tree, withRecordScores(new Map(app.selfScores.map((s) => [s.leafCode, s.score])), record));
  if (sheet.missing.length > 0) {
    const titles = leavesOf(tree)
      .filter((l) => sheet.missing.includes(l.code))
      .slice(0, 3)
      .map((l) => `${l.code} ${l.title}`);
    return fail(
      `还有 ${sheet.missing.length} 项指标未自评（${titles.join("、")}${sheet.missing.length > 3 ? "等" : ""}）`,
    );
  }
  const version = isRulesVersion(app.round.rulesVersion) ? app.round.rulesVersion : "2026";
  const eligibility = await ratingEligibility(prisma, input.organizationId, version, now);
  if (!eligibility.eligible) return fail(`本组织暂不符合申请条件：${eligibility.reasons.join("；")}`, { status: 409 });
  const from = app.status as RatingApplicationState;
  return prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: ratingApplicationWorkflow,
      entityType: RATING_SUBJECT_TYPE,
      entityId: app.id,
      from,
      to: "SUBMITTED",
      actor: { id: input.actor.id, role: "ORG_MEMBER" },
      request: input.request,
      apply: async () =>
        (
          await tx.ratingApplication.updateMany({
            where: { id: app.id, status: from },
            data: {
              status: "SUBMITTED",
              submittedAt: now,
              selfTotal: sheet.total,
              recordScores: storeSnapshot(parseRecordSnapshots(app.recordScores), SELF, takeSnapshot(record, now)),
              eligibility: JSON.stringify(eligibility),
            },
          })
        ).count,
    });
    await notifyAdmins(tx, {
      title: `${app.organization.name}提交了${app.round.title}申请`,
      body: `自评 ${sheet.total} 分，请审核申请条件和材料完整性。`,
      link: `/admin/rating/applications/${app.id}`,
    });
    return succeed();
  });
}

/** DRAFT/RETURNED → WITHDRAWN by the organization. */
export async function withdrawApplication(input: {
  applicationId: string;
  organizationId: string;
  actor: Actor;
  request?: Request;
}) {
  return prisma.$transaction(async (tx) => {
    const app = await tx.ratingApplication.findFirst({
      where: { id: input.applicationId, organizationId: input.organizationId },
      select: { id: true, status: true },
    });
    if (!app) throw new WorkflowError("未找到该评估申请", 400);
    const from = app.status as RatingApplicationState;
    await runTransition(tx, {
      workflow: ratingApplicationWorkflow,
      entityType: RATING_SUBJECT_TYPE,
      entityId: app.id,
      from,
      to: "WITHDRAWN",
      actor: { id: input.actor.id, role: "ORG_MEMBER" },
      request: input.request,
      apply: async () =>
        (await tx.ratingApplication.updateMany({ where: { id: app.id, status: from }, data: { status: "WITHDRAWN" } }))
          .count,
    });
    return succeed();
  });
}
