// Writes of the ranking and allocation step (#6): the proposed shortlist
// (GrantAward rows + OPEN→RANKED), staff overrides, withdrawal and publication
// for publicity (RANKED→PUBLICIZED, selected applications SHORTLISTED).
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { fail, failFields, succeed, type WriteResult } from "~/utils/write-result";
import { GRANT_SUBJECT_TYPE } from "../applications/application-form";
import { grantApplicationWorkflow } from "../applications/application-workflow";
import { publicityEndOf } from "../calls/phase";
import { publishProblem } from "../publicity/publicity";
import {
  allocationRulesOf,
  candidatesOf,
  completenessProblems,
  computeCallRanking,
  getRankingCall,
} from "../review/results.server";
import { reviewRoundWorkflow, type ReviewRoundState } from "../review/round-workflow";
import {
  allocate,
  validateOverride,
  type AllocationCandidate,
  type AllocationOverride,
  type AllocationRules,
} from "./allocation";
import { insertAwards } from "./award-insert.server";
import { allocationState, OVERRIDE_CHOICE_LABELS, overrideSelectedOf, type OverrideChoice } from "./ranking";

const CALL_ENTITY = "GrantCall";
const AWARD_ENTITY = "GrantAward";

type Admin = { id: string };

function stageOf(value: string): ReviewRoundState {
  if (!reviewRoundWorkflow.isState(value)) throw new Error(`Unknown review stage ${value}`);
  return value;
}

function requireStage(stage: string, expected: ReviewRoundState, doing: string) {
  if (stage !== expected) {
    throw new WorkflowError(`评审环节当前为「${reviewRoundWorkflow.stateLabels[stageOf(stage)]}」，不能${doing}`);
  }
}

async function callInTx(tx: Tx, callId: string) {
  const call = await getRankingCall(callId, tx);
  if (!call) throw new WorkflowError("未找到该公益创投活动", 400);
  return call;
}

// ───────────────────────── Generate ─────────────────────────

/**
 * Ranks the call, runs the allocation rule without overrides and stores one
 * GrantAward per ranked application, moving the round OPEN → RANKED.
 * Refused while any review is open or an application has no submitted review.
 */
export async function generateShortlist(callId: string, admin: Admin, request?: Request) {
  return prisma.$transaction(async (tx) => {
    const ranking = await computeCallRanking(callId, tx);
    if (!ranking) throw new WorkflowError("未找到该公益创投活动", 400);
    const { call, rows, completeness } = ranking;
    requireStage(call.reviewStage, "OPEN", "生成拟入围名单");
    const problems = completenessProblems(completeness);
    if (problems.length > 0) throw new WorkflowError(`评审尚未完成，不能生成拟入围名单：${problems.join("；")}。`);
    if (rows.length === 0) throw new WorkflowError("没有可排名的项目（需有初审通过并已完成评审的项目）。");

    const rules = allocationRulesOf(call);
    const result = allocate(candidatesOf(rows), rules, []);
    const byId = new Map(result.rows.map((r) => [r.applicationId, r]));
    await tx.grantAward.deleteMany({ where: { callId } });
    await insertAwards(
      tx,
      rows.map((row) => {
        const a = byId.get(row.applicationId);
        return {
          callId,
          applicationId: row.applicationId,
          rank: row.rank,
          finalScore: row.finalScore,
          reviewCount: row.reviewCount,
          flagged: row.flagged,
          recommended: a?.recommended ?? false,
          recommendedFen: a?.recommendedFen ?? 0,
          selected: a?.selected ?? false,
          amountFen: a?.selected ? a.amountFen : 0,
        };
      }),
    );
    await runTransition(tx, {
      workflow: reviewRoundWorkflow,
      entityType: CALL_ENTITY,
      entityId: callId,
      from: "OPEN",
      to: "RANKED",
      actor: { id: admin.id, role: "ADMIN" },
      request,
      apply: async () =>
        (await tx.grantCall.updateMany({ where: { id: callId, reviewStage: "OPEN" }, data: { reviewStage: "RANKED" } }))
          .count,
    });
    const selectedCount = result.rows.filter((r) => r.selected).length;
    await recordAudit(tx, {
      actorId: admin.id,
      action: "grant_award.allocate",
      entityType: CALL_ENTITY,
      entityId: callId,
      toState: `拟入围 ${selectedCount} 项`,
      reason: `排名 ${rows.length} 项，拟入围 ${selectedCount} 项；资金池 ${formatFen(rules.poolFen)}，拟分配 ${formatFen(result.allocatedFen)}，余额 ${formatFen(result.remainingFen)}`,
      request,
    });
    return {
      ranked: rows.length,
      selected: selectedCount,
      allocatedFen: result.allocatedFen,
      remainingFen: result.remainingFen,
    };
  });
}

// ───────────────────────── Stored awards ─────────────────────────

const awardSelect = {
  id: true,
  applicationId: true,
  rank: true,
  finalScore: true,
  reviewCount: true,
  flagged: true,
  recommended: true,
  recommendedFen: true,
  overrideSelected: true,
  overrideFen: true,
  overrideReason: true,
  selected: true,
  amountFen: true,
  application: {
    select: {
      id: true,
      title: true,
      category: true,
      status: true,
      requestedFen: true,
      totalBudgetFen: true,
      organizationId: true,
      organization: { select: { name: true } },
    },
  },
} as const satisfies Prisma.GrantAwardSelect;

/** Every award row of the call in rank order (a call has at most a few hundred). */
export async function listAwards(callId: string, db: Tx | typeof prisma = prisma) {
  return db.grantAward.findMany({ where: { callId }, orderBy: { rank: "asc" }, select: awardSelect });
}

export type StoredAward = Awaited<ReturnType<typeof listAwards>>[number];

export function storedOverrides(
  awards: Pick<StoredAward, "applicationId" | "overrideSelected" | "overrideFen" | "overrideReason">[],
): AllocationOverride[] {
  return awards
    .filter((a) => a.overrideSelected != null || a.overrideFen != null)
    .map((a) => ({
      applicationId: a.applicationId,
      selected: a.overrideSelected,
      amountFen: a.overrideFen,
      reason: a.overrideReason ?? "",
    }));
}

export function awardCandidates(awards: StoredAward[]): AllocationCandidate[] {
  return awards.map((a) => ({
    applicationId: a.applicationId,
    rank: a.rank,
    requestedFen: a.application.requestedFen,
    totalBudgetFen: a.application.totalBudgetFen,
  }));
}

/** The allocation's notes ("资金池余额不足", "人工调整：…") for the stored awards, recomputed (pure). */
export function allocationNotes(awards: StoredAward[], rules: AllocationRules) {
  const result = allocate(awardCandidates(awards), rules, storedOverrides(awards));
  return new Map(result.rows.map((r) => [r.applicationId, r.note]));
}

export function awardTotals(awards: Pick<StoredAward, "selected" | "amountFen">[], poolFen: number) {
  const allocatedFen = awards.reduce((sum, a) => sum + (a.selected ? a.amountFen : 0), 0);
  return {
    poolFen,
    allocatedFen,
    remainingFen: poolFen - allocatedFen,
    selectedCount: awards.filter((a) => a.selected).length,
  };
}

// ───────────────────────── Override ─────────────────────────

export type OverrideInput = { selected: OverrideChoice; amountFen: number | null; reason: string };

/**
 * Stores staff's choice for one application (include / exclude / back to the
 * rule, optionally another amount, always with a reason) and re-runs the
 * allocation with every stored override. Nothing is written when it does not fit.
 */
export async function saveOverride(
  callId: string,
  applicationId: string,
  input: OverrideInput,
  admin: Admin,
  request?: Request,
): Promise<WriteResult<{ title: string; from: string; to: string }>> {
  return prisma.$transaction(async (tx) => {
    const call = await callInTx(tx, callId);
    requireStage(call.reviewStage, "RANKED", "调整资助分配");
    const awards = await listAwards(callId, tx);
    const target = awards.find((a) => a.applicationId === applicationId);
    if (!target) throw new WorkflowError("该项目不在本次排名中", 400);

    const rules = allocationRulesOf(call);
    const candidates = awardCandidates(awards);
    const candidate = candidates.find((c) => c.applicationId === applicationId)!;
    const override: AllocationOverride = {
      applicationId,
      selected: overrideSelectedOf(input.selected),
      amountFen: input.amountFen,
      reason: input.reason,
    };
    const invalid = validateOverride(candidate, rules, override);
    if (invalid) {
      return input.amountFen != null ? fail(invalid, { field: "amountYuan" }) : fail(invalid);
    }
    // "按规则" without an amount clears the override.
    const clears = override.selected == null && override.amountFen == null;
    const overrides = [
      ...storedOverrides(awards).filter((o) => o.applicationId !== applicationId),
      ...(clears ? [] : [override]),
    ];
    const result = allocate(candidates, rules, overrides);
    if (result.errors.length > 0) {
      const own = result.errors.filter((e) => e.applicationId === applicationId).map((e) => e.message);
      const others = result.errors
        .filter((e) => e.applicationId !== applicationId)
        .map(
          (e) =>
            `「${awards.find((a) => a.applicationId === e.applicationId)?.application.title ?? ""}」：${e.message}`,
        );
      return failFields(own.length ? { selected: own } : {}, others);
    }

    await tx.grantAward.update({
      where: { id: target.id },
      data: clears
        ? { overrideSelected: null, overrideFen: null, overrideReason: null }
        : {
            overrideSelected: override.selected ?? null,
            overrideFen: override.amountFen ?? null,
            overrideReason: input.reason,
          },
      select: { id: true },
    });
    const byId = new Map(result.rows.map((r) => [r.applicationId, r]));
    for (const award of awards) {
      const next = byId.get(award.applicationId);
      const selected = next?.selected ?? false;
      const amountFen = selected ? next!.amountFen : 0;
      if (award.selected === selected && award.amountFen === amountFen) continue;
      await tx.grantAward.update({ where: { id: award.id }, data: { selected, amountFen }, select: { id: true } });
    }
    const targetNext = byId.get(applicationId);
    const from = allocationState(target.selected, target.amountFen);
    const to = allocationState(targetNext?.selected ?? false, targetNext?.amountFen ?? 0);
    await recordAudit(tx, {
      actorId: admin.id,
      action: "grant_award.override",
      entityType: AWARD_ENTITY,
      entityId: target.id,
      fromState: from,
      toState: to,
      reason: `「${target.application.title}」${OVERRIDE_CHOICE_LABELS[input.selected]}${input.amountFen != null ? `，金额 ${formatFen(input.amountFen)}` : ""}；理由：${input.reason}；调整后拟分配 ${formatFen(result.allocatedFen)}，余额 ${formatFen(result.remainingFen)}`,
      request,
    });
    return succeed({ title: target.application.title, from, to });
  });
}

// ───────────────────────── Withdraw ─────────────────────────

/** RANKED → OPEN with a reason; the stored ranking and overrides are discarded. */
export async function withdrawShortlist(callId: string, admin: Admin, reason: string, request?: Request) {
  return prisma.$transaction(async (tx) => {
    const call = await callInTx(tx, callId);
    await runTransition(tx, {
      workflow: reviewRoundWorkflow,
      entityType: CALL_ENTITY,
      entityId: callId,
      from: stageOf(call.reviewStage),
      to: "OPEN",
      actor: { id: admin.id, role: "ADMIN" },
      reason,
      request,
      apply: async () =>
        (await tx.grantCall.updateMany({ where: { id: callId, reviewStage: "RANKED" }, data: { reviewStage: "OPEN" } }))
          .count,
    });
    const { count } = await tx.grantAward.deleteMany({ where: { callId } });
    return { deleted: count };
  });
}

// ───────────────────────── Publish ─────────────────────────

/**
 * RANKED → PUBLICIZED: the publicity period starts now and ends at the end of
 * the Shanghai day publicityDays later; every selected application becomes
 * SHORTLISTED and its organization is told. Nobody else is notified yet.
 */
export async function publishShortlist(callId: string, admin: Admin, request?: Request, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const call = await callInTx(tx, callId);
    requireStage(call.reviewStage, "RANKED", "发布公示");
    const selected = await tx.grantAward.findMany({
      where: { callId, selected: true },
      orderBy: { rank: "asc" },
      select: {
        amountFen: true,
        application: { select: { id: true, title: true, status: true, organizationId: true } },
      },
    });
    const empty = publishProblem(selected.length);
    if (empty) throw new WorkflowError(empty);
    const endsAt = publicityEndOf(now, call.publicityDays);
    await runTransition(tx, {
      workflow: reviewRoundWorkflow,
      entityType: CALL_ENTITY,
      entityId: callId,
      from: "RANKED",
      to: "PUBLICIZED",
      actor: { id: admin.id, role: "ADMIN" },
      request,
      apply: async () =>
        (
          await tx.grantCall.updateMany({
            where: { id: callId, reviewStage: "RANKED" },
            data: { reviewStage: "PUBLICIZED", publicityStartsAt: now, publicityEndsAt: endsAt },
          })
        ).count,
    });
    for (const { application: app, amountFen } of selected) {
      if (app.status !== "SCREEN_PASSED") {
        throw new WorkflowError(
          `「${app.title}」当前状态为「${grantApplicationWorkflow.stateLabels[app.status as "SCREEN_PASSED"] ?? app.status}」，不能列入拟入围名单`,
        );
      }
      await runTransition(tx, {
        workflow: grantApplicationWorkflow,
        entityType: GRANT_SUBJECT_TYPE,
        entityId: app.id,
        from: "SCREEN_PASSED",
        to: "SHORTLISTED",
        actor: { id: admin.id, role: "ADMIN" },
        request,
        apply: async () =>
          (
            await tx.grantApplication.updateMany({
              where: { id: app.id, status: "SCREEN_PASSED" },
              data: { status: "SHORTLISTED" },
            })
          ).count,
      });
      await notifyOrganization(tx, app.organizationId, {
        title: `公益创投项目列入拟入围名单：${app.title}`,
        body: `${call.title}拟入围名单已公示，公示期至 ${formatDate(endsAt)}。拟资助金额 ${formatFen(amountFen)}，公示期满且无异议后确认立项。`,
        link: `/org/grants/${app.id}`,
      });
    }
    return { shortlisted: selected.length, endsAt };
  });
}
