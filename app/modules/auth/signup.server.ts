import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyUsers } from "~/modules/notifications/notifications.server";
import type { OrgType } from "~/modules/organizations/labels";
import { prisma } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { hashPassword } from "./auth.server";

export type OrgSignupInput = {
  organizationName: string;
  organizationType: OrgType;
  contactName: string;
  phone: string;
  email: string;
  password: string;
};

export type SignupConflict = { field: "email" | "organizationName"; message: string };

export const EMAIL_TAKEN = "该邮箱已注册，请直接登录或找回密码";
export const ORG_NAME_TAKEN = "该组织名称已在平台使用；如您是该组织成员，请联系区民政局将您加入";

/** Field-level conflicts that a unique index would otherwise turn into an error. */
export async function findSignupConflicts(input: Pick<OrgSignupInput, "email" | "organizationName">) {
  const [user, org] = await Promise.all([
    prisma.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    prisma.organization.findUnique({ where: { name: input.organizationName }, select: { id: true } }),
  ]);
  const conflicts: SignupConflict[] = [];
  if (user) conflicts.push({ field: "email", message: EMAIL_TAKEN });
  if (org) conflicts.push({ field: "organizationName", message: ORG_NAME_TAKEN });
  return conflicts;
}

/**
 * Creates the member account, its organization (not yet registered) and the
 * membership in one transaction, with the audit event and notifications.
 */
export async function signUpOrganization(input: OrgSignupInput, request: Request) {
  const hash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.contactName,
        phone: input.phone,
        role: "ORG_MEMBER",
        password: { create: { hash } },
      },
      select: { id: true },
    });
    const organization = await tx.organization.create({
      data: {
        name: input.organizationName,
        type: input.organizationType,
        status: "PREPARING",
        contactName: input.contactName,
        contactPhone: input.phone,
        contactEmail: input.email,
        memberships: { create: { userId: user.id, role: "OWNER" } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.signup",
      entityType: "Organization",
      entityId: organization.id,
      toState: "PREPARING",
      request,
    });
    await notifyUsers(tx, {
      userIds: [user.id],
      title: "欢迎使用益苗",
      body: `「${input.organizationName}」的账号已开通。请先完善机构资料。`,
      link: "/org/profile",
    });
    await notifyAdmins(tx, {
      title: "新的社会组织账号",
      body: `「${input.organizationName}」注册了账号，联系人 ${input.contactName}。`,
      link: "/admin/users",
    });
    return { userId: user.id, organizationId: organization.id };
  });
}

/** True when a Prisma error is a unique-constraint violation. */
export function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Signs up as a form write: two sign-ups racing for the same name or email
 * pass the checks, and the unique index decides; the loser is told at the form (409).
 */
export async function registerOrganizationAccount(
  input: OrgSignupInput,
  request: Request,
): Promise<WriteResult<{ userId: string }>> {
  try {
    const { userId } = await signUpOrganization(input, request);
    return succeed({ userId });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return fail("该邮箱或组织名称刚刚已被注册，请检查后重试", { status: 409 });
  }
}
