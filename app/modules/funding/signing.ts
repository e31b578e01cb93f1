// When an agreement's signing is late. Pure.

/** A project still awaiting signature after its signing deadline (GrantProject.signingDueAt). */
export function signingOverdue(project: { status: string; signingDueAt: Date | string }, now: Date) {
  return project.status === "AWAITING_SIGNATURE" && new Date(project.signingDueAt).getTime() < now.getTime();
}
