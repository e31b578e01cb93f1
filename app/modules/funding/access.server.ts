// The guards every funded-project loader and action starts with: staff, or a member
// of the organization that holds the project. Both answer 404 for a project the
// user may not see, so ids cannot be probed. Every project page reads through them, so
// they first settle what time has decided (an evaluation result whose publicity period
// ended becomes final, with its gate; decision 026) and the page shows it.
import { requireOrgMember, requireRole } from "~/modules/auth/permissions.server";
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";

const projectCoreSelect = {
  id: true,
  projectNo: true,
  title: true,
  category: true,
  serviceArea: true,
  status: true,
  awardFen: true,
  startsOn: true,
  endsOn: true,
  signingDueAt: true,
  signedAt: true,
  midtermPassedAt: true,
  finalPassedAt: true,
  closedAt: true,
  callId: true,
  applicationId: true,
  organizationId: true,
  call: { select: { id: true, title: true, year: true } },
  organization: { select: { id: true, name: true, uscc: true } },
} as const;

async function findProject(projectId: string, organizationId?: string) {
  return prisma.grantProject.findFirst({
    where: { id: projectId, ...(organizationId ? { organizationId } : {}) },
    select: projectCoreSelect,
  });
}

export type ProjectCore = NonNullable<Awaited<ReturnType<typeof findProject>>>;

/** Staff (ADMIN) and the project, or 404. */
export async function requireStaffProject(request: Request, projectId: string | undefined) {
  const user = await requireRole(request, "ADMIN");
  if (projectId) await settleEndedPublicity({ projectId });
  const project = await findProject(projectId ?? "");
  invariantResponse(project, "未找到该项目", { status: 404 });
  return { user, project };
}

/** A member of the organization holding the project, and the project, or 404. */
export async function requireMemberProject(request: Request, projectId: string | undefined) {
  const { user, organization } = await requireOrgMember(request);
  if (projectId) await settleEndedPublicity({ projectId });
  const project = await findProject(projectId ?? "", organization.id);
  invariantResponse(project, "未找到该项目", { status: 404 });
  return { user, organization, project };
}

/**
 * The guard for pages both sides share (an agreement version, the certificate):
 * staff see any project, a member only their organization's.
 */
export async function requireProjectOnSide(request: Request, projectId: string | undefined, side: "staff" | "org") {
  const { project } =
    side === "staff" ? await requireStaffProject(request, projectId) : await requireMemberProject(request, projectId);
  return project;
}
