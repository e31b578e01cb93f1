// Grant calls (公益创投活动): queries and writes. A call is edited as a draft;
// publishing re-checks it and goes through runTransition with the audit event
// and the administrators' notification in the same transaction.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { failFields, succeed, type WriteResult } from "~/utils/write-result";
import { parseCallEligibility, parseCategories, type TrancheTrigger } from "./settings";
import { validateCallForPublish, type CallSettingsInput, type FieldErrors } from "./validation";
import { callWorkflow, type CallState } from "./workflow";

const ENTITY_TYPE = "GrantCall";
/** Applications still being written are not "received". */
const RECEIVED = { status: { not: "DRAFT" } } satisfies Prisma.GrantApplicationWhereInput;

const callSelect = {
  id: true,
  title: true,
  year: true,
  description: true,
  status: true,
  categories: true,
  poolFen: true,
  perProjectCapFen: true,
  maxGrantSharePct: true,
  minMatchRatioPct: true,
  overheadCapPct: true,
  applyOpensAt: true,
  applyClosesAt: true,
  screeningEndsAt: true,
  reviewEndsAt: true,
  publicityDays: true,
  signingEndsAt: true,
  reviewStage: true,
  publicityStartsAt: true,
  publicityEndsAt: true,
  confirmedAt: true,
  eligibility: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  criteria: {
    orderBy: { position: "asc" },
    select: { id: true, name: true, description: true, maxScore: true, weightPct: true },
  },
  tranchePlan: { orderBy: { position: "asc" }, select: { id: true, percent: true, trigger: true } },
  _count: { select: { applications: { where: RECEIVED } } },
} satisfies Prisma.GrantCallSelect;

type CallRow = Prisma.GrantCallGetPayload<{ select: typeof callSelect }>;

function shapeCall(row: CallRow) {
  const { _count, tranchePlan, ...rest } = row;
  return {
    ...rest,
    categories: parseCategories(row.categories),
    eligibility: parseCallEligibility(row.eligibility),
    tranches: tranchePlan.map((t) => ({ ...t, trigger: t.trigger as TrancheTrigger })),
    receivedCount: _count.applications,
  };
}

export type CallDetail = ReturnType<typeof shapeCall>;

/** A stored call's settings in the shape the publishing checks take. */
export function storedSettings(call: CallDetail): CallSettingsInput {
  return {
    categories: call.categories,
    poolFen: call.poolFen,
    perProjectCapFen: call.perProjectCapFen,
    maxGrantSharePct: call.maxGrantSharePct,
    minMatchRatioPct: call.minMatchRatioPct,
    overheadCapPct: call.overheadCapPct,
    applyOpensAt: call.applyOpensAt,
    applyClosesAt: call.applyClosesAt,
    screeningEndsAt: call.screeningEndsAt,
    reviewEndsAt: call.reviewEndsAt,
    publicityDays: call.publicityDays,
    signingEndsAt: call.signingEndsAt,
    eligibility: call.eligibility,
    criteria: call.criteria,
    tranches: call.tranches,
  };
}

export async function getCall(callId: string, db: Tx | typeof prisma = prisma) {
  const row = await db.grantCall.findUnique({ where: { id: callId }, select: callSelect });
  return row ? shapeCall(row) : null;
}

/** The call as the public may see it: drafts do not exist for them. */
export async function getPublicCall(callId: string) {
  const call = await getCall(callId);
  return call && call.status !== "DRAFT" ? call : null;
}

const listSelect = {
  id: true,
  title: true,
  year: true,
  status: true,
  poolFen: true,
  perProjectCapFen: true,
  applyOpensAt: true,
  applyClosesAt: true,
  screeningEndsAt: true,
  reviewEndsAt: true,
  publicityDays: true,
  signingEndsAt: true,
  reviewStage: true,
  publicityEndsAt: true,
  publishedAt: true,
  _count: { select: { applications: { where: RECEIVED } } },
} satisfies Prisma.GrantCallSelect;

async function listCalls(where: Prisma.GrantCallWhereInput, page: number) {
  const [total, rows] = await Promise.all([
    prisma.grantCall.count({ where }),
    prisma.grantCall.findMany({
      where,
      orderBy: [{ year: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: listSelect,
    }),
  ]);
  return {
    total,
    calls: rows.map(({ _count, ...row }) => ({ ...row, receivedCount: _count.applications })),
  };
}

export const listAdminCalls = (page: number) => listCalls({}, page);
export const listPublicCalls = (page: number) => listCalls({ status: { in: ["PUBLISHED", "CLOSED"] } }, page);

type Actor = { id: string };
type CallText = { title: string; year: number; description: string };

function settingsData(s: CallSettingsInput) {
  return {
    categories: JSON.stringify(s.categories),
    poolFen: s.poolFen,
    perProjectCapFen: s.perProjectCapFen,
    maxGrantSharePct: s.maxGrantSharePct,
    minMatchRatioPct: s.minMatchRatioPct,
    overheadCapPct: s.overheadCapPct,
    applyOpensAt: s.applyOpensAt,
    applyClosesAt: s.applyClosesAt,
    screeningEndsAt: s.screeningEndsAt,
    reviewEndsAt: s.reviewEndsAt,
    publicityDays: s.publicityDays,
    signingEndsAt: s.signingEndsAt,
    eligibility: JSON.stringify(s.eligibility),
  };
}

export type SaveResult = WriteResult<{ callId: string }>;

async function publishInTx(tx: Tx, callId: string, actor: Actor, request?: Request): Promise<FieldErrors | null> {
  const call = await getCall(callId, tx);
  if (!call) throw new WorkflowError("活动不存在", 400);
  const errors = validateCallForPublish(storedSettings(call));
  if (Object.keys(errors).length > 0) return errors;
  await runTransition<CallState>(tx, {
    workflow: callWorkflow,
    entityType: ENTITY_TYPE,
    entityId: callId,
    from: call.status as CallState,
    to: "PUBLISHED",
    actor: { id: actor.id, role: "ADMIN" },
    request,
    apply: async () =>
      (
        await tx.grantCall.updateMany({
          where: { id: callId, status: "DRAFT" },
          data: { status: "PUBLISHED", publishedAt: new Date() },
        })
      ).count,
  });
  await notifyAdmins(tx, {
    title: `公益创投活动「${call.title}」已发布`,
    body: "活动已在门户网站公开，社会组织可在申报期内在线申报。",
    link: `/admin/grants/${callId}`,
  });
  return null;
}

/** Rolls the transaction back while carrying the publishing errors out. */
class PublishRefused extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("publish refused");
  }
}

/**
 * Creates (callId null) or updates a draft call, replacing its rubric and
 * tranche plan in the same transaction; with `publish` it is then checked and
 * published, or nothing is saved.
 */
export async function saveCall(input: {
  callId: string | null;
  text: CallText;
  settings: CallSettingsInput;
  publish: boolean;
  actor: Actor;
  request?: Request;
}): Promise<SaveResult> {
  const { text, settings, actor, request } = input;
  try {
    const callId = await prisma.$transaction(async (tx) => {
      let id = input.callId;
      if (id === null) {
        const created = await tx.grantCall.create({
          data: { ...text, ...settingsData(settings), createdById: actor.id },
          select: { id: true },
        });
        id = created.id;
      } else {
        const changed = await tx.grantCall.updateMany({
          where: { id, status: "DRAFT" },
          data: { ...text, ...settingsData(settings) },
        });
        if (changed.count !== 1) throw new WorkflowError("活动已发布，资金规则和评分细则不能再修改");
        await tx.grantCriterion.deleteMany({ where: { callId: id } });
        await tx.grantTranchePlan.deleteMany({ where: { callId: id } });
      }
      const callId = id;
      await tx.grantCriterion.createMany({
        data: settings.criteria.map((c, position) => ({ ...c, callId, position })),
      });
      await tx.grantTranchePlan.createMany({
        data: settings.tranches.map((t, position) => ({ ...t, callId, position })),
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: input.callId === null ? "grant_call.create" : "grant_call.update",
        entityType: ENTITY_TYPE,
        entityId: callId,
        reason: text.title,
        request,
      });
      if (input.publish) {
        const errors = await publishInTx(tx, callId, actor, request);
        if (errors) throw new PublishRefused(errors);
      }
      return callId;
    });
    return succeed({ callId });
  } catch (error) {
    if (error instanceof PublishRefused) return failFields(error.fieldErrors);
    throw error;
  }
}

/** Publishes a stored draft after the same checks as the editor's 「发布」. */
export async function publishCall(callId: string, actor: Actor, request?: Request): Promise<SaveResult> {
  try {
    await prisma.$transaction(async (tx) => {
      const errors = await publishInTx(tx, callId, actor, request);
      if (errors) throw new PublishRefused(errors);
    });
    return succeed({ callId });
  } catch (error) {
    if (error instanceof PublishRefused) return failFields(error.fieldErrors);
    throw error;
  }
}

/** A published call keeps its rules; only its description may change. */
export async function updateCallDescription(callId: string, description: string, actor: Actor, request?: Request) {
  await prisma.$transaction(async (tx) => {
    const changed = await tx.grantCall.updateMany({
      where: { id: callId, status: { in: ["DRAFT", "PUBLISHED"] } },
      data: { description },
    });
    if (changed.count !== 1) throw new WorkflowError("活动已结束，不能再修改");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "grant_call.update_description",
      entityType: ENTITY_TYPE,
      entityId: callId,
      request,
    });
  });
}
