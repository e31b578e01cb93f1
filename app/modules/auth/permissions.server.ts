import { prisma } from "~/utils/db.server";
import { getUser, loginRedirect, type SessionUser } from "./auth.server";
import type { Role } from "./roles";

export function forbidden(message = "您没有权限访问此页面") {
  return new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The logged-in user; anonymous visitors are sent to /login?redirectTo=…. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/** The logged-in user, who must hold one of the roles; otherwise 403. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role as Role)) throw forbidden();
  return user;
}

/**
 * The organization the logged-in member belongs to. Members usually have one;
 * if they have several, the one named in ?org= (which they must belong to).
 */
export async function requireOrgMember(request: Request) {
  const user = await requireRole(request, "ORG_MEMBER");
  const wanted = new URL(request.url).searchParams.get("org");
  const membership = await prisma.membership.findFirst({
    where: { userId: user.id, ...(wanted ? { organizationId: wanted } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      organization: { select: { id: true, name: true, type: true, status: true, uscc: true } },
    },
  });
  if (!membership) throw forbidden("您不是该社会组织的成员");
  return { user, organization: membership.organization, membershipRole: membership.role };
}

/** Ownership check for a specific organization id taken from a URL or form. */
export async function requireMemberOf(request: Request, organizationId: string) {
  const user = await requireRole(request, "ORG_MEMBER");
  const membership = await prisma.membership.findUnique({
    where: { userId_organizationId: { userId: user.id, organizationId } },
    select: { role: true },
  });
  if (!membership) throw forbidden("您不是该社会组织的成员");
  return { user, membershipRole: membership.role };
}
