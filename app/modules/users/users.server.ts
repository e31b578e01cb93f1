// Account administration: listing, creating reviewers, disabling, enabling and
// unlocking accounts. Each change commits together with its audit event.
import { recordAudit } from "~/modules/audit/audit.server";
import { createPasswordResetToken, hashPassword } from "~/modules/auth/auth.server";
import { isRole } from "~/modules/auth/roles";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { WorkflowError, type Workflow } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { fail, type WriteResult } from "~/utils/write-result";
import { accountLockWorkflow, accountStatusWorkflow } from "./account-workflow";
import { ORGANIZATION_SEARCH_LIMIT } from "./reviewer";

type Actor = { actorId: string; request?: Request };

export type UserListFilters = { role: string; status: string; q: string };

export function parseUserListFilters(params: URLSearchParams): UserListFilters {
  const role = params.get("role") ?? "";
  const status = params.get("status") ?? "";
  return {
    role: isRole(role) ? role : "",
    status: ["ACTIVE", "DISABLED", "LOCKED"].includes(status) ? status : "",
    q: (params.get("q") ?? "").trim().slice(0, 100),
  };
}

export async function listUsers(filters: UserListFilters, page: number, now = new Date()) {
  const where: Prisma.UserWhereInput = {};
  if (filters.role) where.role = filters.role;
  if (filters.status === "LOCKED") where.lockedUntil = { gt: now };
  else if (filters.status) where.status = filters.status;
  if (filters.q) where.OR = [{ name: { contains: filters.q } }, { email: { contains: filters.q.toLowerCase() } }];

  const [users, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        role: true,
        status: true,
        lockedUntil: true,
        createdAt: true,
        // One batched query for the whole page, not one per user.
        memberships: {
          orderBy: { createdAt: "asc" },
          select: { organization: { select: { id: true, name: true } } },
        },
      },
    }),
    prisma.user.count({ where }),
  ]);
  return { users, total };
}

/** Organizations whose name contains the query, for the affiliation picker. */
export async function searchOrganizations(q: string) {
  const query = q.trim().slice(0, 100);
  if (!query) return [];
  return prisma.organization.findMany({
    where: { name: { contains: query } },
    // Walking the unique name index in order lets SQLite stop after the limit.
    orderBy: { name: "asc" },
    take: ORGANIZATION_SEARCH_LIMIT,
    select: { id: true, name: true, status: true },
  });
}

export async function getUserDetail(userId: string) {
  return prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      role: true,
      status: true,
      failedLoginCount: true,
      lockedUntil: true,
      lastLoginAt: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, createdAt: true, organization: { select: { id: true, name: true, status: true } } },
      },
      reviewerProfile: { select: { expertiseTags: true, title: true, employer: true } },
      affiliations: {
        orderBy: { createdAt: "asc" },
        select: { organization: { select: { id: true, name: true, status: true } } },
      },
    },
  });
}

export type NewReviewer = {
  name: string;
  email: string;
  phone: string;
  password: string;
  title?: string;
  employer?: string;
  expertiseTags: string[];
  organizationIds: string[];
};

export type CreateReviewerResult = WriteResult<{ userId: string }>;

const EMAIL_TAKEN = fail("该邮箱已被使用", { field: "email" });

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Creates the reviewer account, profile, affiliations and audit event in one transaction. */
export async function createReviewer(input: NewReviewer, { actorId, request }: Actor): Promise<CreateReviewerResult> {
  // bcrypt is slow; hash before taking SQLite's write lock.
  const hash = await hashPassword(input.password);
  const organizationIds = [...new Set(input.organizationIds)];
  try {
    return await prisma.$transaction(async (tx): Promise<CreateReviewerResult> => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) return EMAIL_TAKEN;
      const found = await tx.organization.count({ where: { id: { in: organizationIds } } });
      if (found !== organizationIds.length) {
        return fail("所选机构中有已不存在的，请重新选择", { field: "organizationIds" });
      }
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          phone: input.phone,
          role: "REVIEWER",
          password: { create: { hash } },
          reviewerProfile: {
            create: {
              expertiseTags: JSON.stringify(input.expertiseTags),
              title: input.title || null,
              employer: input.employer || null,
            },
          },
          affiliations: { create: organizationIds.map((organizationId) => ({ organizationId })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: "user.create_reviewer",
        entityType: "User",
        entityId: user.id,
        toState: "ACTIVE",
        request,
      });
      await notifyUsers(tx, {
        userIds: [user.id],
        title: "欢迎加入益苗评审专家库",
        body: "区民政局已为您开通评审专家账号。分配给您的评审任务会出现在评审专家工作台。",
        link: "/reviewer",
      });
      return { ok: true, userId: user.id };
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if (isUniqueViolation(error)) return EMAIL_TAKEN;
    throw error;
  }
}

export type StatusChangeResult = WriteResult;

/**
 * Runs one account move through its workflow table. The move is guarded on the
 * current state, so a double submit or a stale page changes nothing and gets
 * `refusal` (the message staff have always seen) instead of a second event.
 * No reason stays empty in the log, as before, rather than the move's label.
 */
async function moveAccount<S extends string>(
  tx: Tx,
  move: {
    workflow: Workflow<S>;
    userId: string;
    from: S;
    to: S;
    reason?: string;
    apply: () => Promise<number>;
  },
  { actorId, request }: Actor,
  refusal: string,
): Promise<StatusChangeResult> {
  try {
    await runTransition(tx, {
      workflow: move.workflow,
      entityType: "User",
      entityId: move.userId,
      from: move.from,
      to: move.to,
      actor: { id: actorId, role: "ADMIN" },
      reason: move.reason ?? "",
      request,
      apply: move.apply,
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    return fail(error.status === 409 ? refusal : error.message);
  }
}

/** Disables an account and ends all its sessions at once, so the user is logged out immediately. */
export async function disableUser(
  { userId, reason }: { userId: string; reason: string },
  actor: Actor,
): Promise<StatusChangeResult> {
  if (userId === actor.actorId) return fail("不能停用自己的账号");
  return prisma.$transaction(async (tx) => {
    const moved = await moveAccount(
      tx,
      {
        workflow: accountStatusWorkflow,
        userId,
        from: "ACTIVE",
        to: "DISABLED",
        reason,
        apply: async () =>
          (await tx.user.updateMany({ where: { id: userId, status: "ACTIVE" }, data: { status: "DISABLED" } })).count,
      },
      actor,
      "该账号不存在或已被停用",
    );
    if (moved.ok) await tx.session.deleteMany({ where: { userId } });
    return moved;
  });
}

/** Re-enables an account; a pending lock is cleared too so the user can log in right away. */
export async function enableUser(
  { userId, reason }: { userId: string; reason?: string },
  actor: Actor,
): Promise<StatusChangeResult> {
  return prisma.$transaction(async (tx) => {
    const moved = await moveAccount(
      tx,
      {
        workflow: accountStatusWorkflow,
        userId,
        from: "DISABLED",
        to: "ACTIVE",
        reason,
        apply: async () =>
          (
            await tx.user.updateMany({
              where: { id: userId, status: "DISABLED" },
              data: { status: "ACTIVE", lockedUntil: null, failedLoginCount: 0 },
            })
          ).count,
      },
      actor,
      "该账号不存在或未被停用",
    );
    if (moved.ok) {
      await notifyUsers(tx, { userIds: [userId], title: "您的账号已恢复使用", body: "区民政局已重新启用您的账号。" });
    }
    return moved;
  });
}

/** Lifts a wrong-password lock before it expires. */
export async function unlockUser(
  { userId, reason }: { userId: string; reason?: string },
  actor: Actor,
  now = new Date(),
): Promise<StatusChangeResult> {
  return prisma.$transaction(async (tx) => {
    const moved = await moveAccount(
      tx,
      {
        workflow: accountLockWorkflow,
        userId,
        from: "LOCKED",
        to: "UNLOCKED",
        reason,
        // Locked means locked until a time still ahead; an expired lock is no lock.
        apply: async () =>
          (
            await tx.user.updateMany({
              where: { id: userId, lockedUntil: { gt: now } },
              data: { lockedUntil: null, failedLoginCount: 0 },
            })
          ).count,
      },
      actor,
      "该账号当前未被锁定",
    );
    if (moved.ok) {
      await notifyUsers(tx, {
        userIds: [userId],
        title: "您的账号已解除锁定",
        body: "区民政局已为您解除登录锁定，请使用正确的密码登录。",
      });
    }
    return moved;
  });
}

/**
 * Issues a one-time reset token for staff to pass on. createPasswordResetToken
 * writes outside our transaction; if the audit write then fails the raw token is
 * never shown to anyone, so the orphaned row cannot be used.
 */
export async function createPasswordResetLink({ userId }: { userId: string }, { actorId, request }: Actor) {
  const token = await createPasswordResetToken(userId);
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId,
      action: "user.password_reset_link",
      entityType: "User",
      entityId: userId,
      request,
    });
  });
  return token;
}
