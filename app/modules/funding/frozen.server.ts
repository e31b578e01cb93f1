// The one check every write path of a funded project calls before it changes
// anything: a closed (结项) project's records are frozen.
import { WorkflowError } from "~/modules/workflow/state-machine";
import type { Db } from "~/utils/db.server";
import { FROZEN_MESSAGE, isProjectFrozen } from "./frozen";

/** Throws a 409 WorkflowError (shown at the form) when the project is closed or missing. */
export async function assertProjectOpen(db: Db, projectId: string) {
  const project = await db.grantProject.findUnique({ where: { id: projectId }, select: { status: true } });
  if (!project) throw new WorkflowError("未找到该项目", 400);
  if (isProjectFrozen(project.status)) throw new WorkflowError(FROZEN_MESSAGE, 409);
  return project;
}
