// Staff writes of a rating round (#12 item 4): save the settings while DRAFT, open it (the
// schemes it uses are frozen), close applications. Every move through runTransition, audited,
// with the people concerned notified.
import { recordAudit } from "~/modules/audit/audit.server";
import { freezeScheme } from "~/modules/indicators/scheme.server";
import { notifyAdmins, notifyUsers } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { bandsOf, schemesOf, type RoundFormValues } from "./round-form";
import { RATING_ROUND_ENTITY_TYPE, ratingRoundWorkflow, type RatingRoundState } from "./round-workflow";

type Actor = { id: string };

const endOfDay = (input: string) => {
  const p = shanghaiParts(parseDateInput(input)!);
  return shanghaiEndOfDay(p.year, p.month, p.day);
};

function roundData(v: RoundFormValues) {
  return {
    title: v.title,
    year: v.year,
    rulesVersion: v.rulesVersion,
    bands: JSON.stringify(bandsOf(v)),
    applyOpensAt: parseDateInput(v.applyOpensAt)!,
    applyClosesAt: endOfDay(v.applyClosesAt),
    reviewEndsAt: endOfDay(v.reviewEndsAt),
    reviewersPerApplication: v.reviewersPerApplication,
    blind: v.blind,
    publicityDays: v.publicityDays,
    committeeMembers: v.committeeMembers,
  };
}

/** Creates a round (roundId null) or changes one still in DRAFT. */
export async function saveRound(input: {
  roundId: string | null;
  values: RoundFormValues;
  actor: Actor;
  request?: Request;
}): Promise<WriteResult<{ roundId: string }>> {
  const schemes = schemesOf(input.values);
  const known = await prisma.indicatorScheme.findMany({
    where: { id: { in: schemes.map((s) => s.schemeId) }, purpose: "RATING" },
    select: { id: true, orgType: true },
  });
  for (const s of schemes) {
    const scheme = known.find((k) => k.id === s.schemeId);
    if (!scheme || (scheme.orgType !== null && scheme.orgType !== s.orgType)) {
      return fail("所选指标体系不适用于该类组织", { field: `scheme${s.orgType}` });
    }
  }
  return prisma.$transaction(async (tx) => {
    let roundId = input.roundId;
    if (roundId) {
      const changed = await tx.ratingRound.updateMany({
        where: { id: roundId, status: "DRAFT" },
        data: roundData(input.values),
      });
      if (changed.count !== 1) throw new WorkflowError("评估已开放申报，设置不能再修改");
      await tx.ratingRoundScheme.deleteMany({ where: { roundId } });
    } else {
      const created = await tx.ratingRound.create({
        data: { ...roundData(input.values), createdById: input.actor.id },
        select: { id: true },
      });
      roundId = created.id;
    }
    await tx.ratingRoundScheme.createMany({ data: schemes.map((s) => ({ roundId: roundId!, ...s })) });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: input.roundId ? "rating_round.update" : "rating_round.create",
      entityType: RATING_ROUND_ENTITY_TYPE,
      entityId: roundId,
      request: input.request,
    });
    return succeed({ roundId });
  });
}

async function moveRound(
  roundId: string,
  from: RatingRoundState,
  to: RatingRoundState,
  actor: Actor,
  request: Request | undefined,
  effects: (tx: Tx) => Promise<void>,
) {
  return prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: ratingRoundWorkflow,
      entityType: RATING_ROUND_ENTITY_TYPE,
      entityId: roundId,
      from,
      to,
      actor: { id: actor.id, role: "ADMIN" },
      request,
      apply: async () =>
        (await tx.ratingRound.updateMany({ where: { id: roundId, status: from }, data: { status: to } })).count,
    });
    await effects(tx);
    return succeed();
  });
}

/** DRAFT → OPEN: freezes the schemes the round uses; staff are told applications are open. */
export async function openRound(roundId: string, actor: Actor, request?: Request) {
  const round = await prisma.ratingRound.findUnique({
    where: { id: roundId },
    select: { title: true, schemes: { select: { schemeId: true } } },
  });
  if (!round) throw new WorkflowError("未找到该评估", 400);
  if (round.schemes.length === 0) return fail("请先为至少一类组织选择指标体系");
  return moveRound(roundId, "DRAFT", "OPEN", actor, request, async (tx) => {
    for (const { schemeId } of round.schemes) await freezeScheme(tx, schemeId);
    await notifyAdmins(tx, { title: `${round.title}已开放申报`, link: `/admin/rating/${roundId}` });
  });
}

/** OPEN → REVIEWING: applications close; organizations with an unfinished one are told. */
export async function closeApplications(roundId: string, actor: Actor, request?: Request) {
  const round = await prisma.ratingRound.findUnique({ where: { id: roundId }, select: { title: true } });
  if (!round) throw new WorkflowError("未找到该评估", 400);
  return moveRound(roundId, "OPEN", "REVIEWING", actor, request, async (tx) => {
    const members = await tx.membership.findMany({
      where: { organization: { ratingApplications: { some: { roundId, status: { in: ["DRAFT", "RETURNED"] } } } } },
      select: { userId: true },
    });
    await notifyUsers(tx, {
      userIds: members.map((m) => m.userId),
      title: `${round.title}申报已截止`,
      body: "您的评估申请未在截止前提交，本轮不再受理。",
      link: "/org/rating",
    });
    await notifyAdmins(tx, {
      title: `${round.title}申报已截止，请审核申请并组织专家评估`,
      link: `/admin/rating/${roundId}`,
    });
  });
}
