// A public objection against a shortlist entry during the call's publicity (#6),
// filed through the shared primitive (modules/publicity, decision 013).
import { fileObjection, type ObjectionTarget } from "~/modules/publicity/file-objection.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import type { WriteResult } from "~/utils/write-result";
import { GRANT_SUBJECT_TYPE } from "../applications/documents";
import { grantPublication, objectionWindowProblem } from "./publicity";

export type ObjectionInput = {
  callId: string;
  applicationId: string;
  name: string;
  contact: string;
  content: string;
  evidence?: File;
  request: Request;
};

/** An entry of a call's published shortlist, as an objection's target. */
export function grantObjectionTarget(callId: string, applicationId: string): ObjectionTarget {
  return {
    publication: grantPublication(callId),
    entry: { type: GRANT_SUBJECT_TYPE, id: applicationId },
    entryField: "applicationId",
    entryNoun: "项目",
    notOnListMessage: "该项目不在拟入围名单中，请重新选择",
    async resolve(tx, now) {
      const call = await tx.grantCall.findUnique({
        where: { id: callId },
        select: { id: true, title: true, status: true, reviewStage: true, publicityEndsAt: true },
      });
      if (!call || call.status === "DRAFT") throw new WorkflowError("未找到该活动", 400);
      const closed = objectionWindowProblem(call, now);
      if (closed) throw new WorkflowError(closed, 409);
      const award = await tx.grantAward.findFirst({
        where: { callId: call.id, applicationId, selected: true },
        select: { application: { select: { title: true } } },
      });
      if (!award) return null;
      return {
        publicationTitle: call.title,
        entryLabel: award.application.title,
        staffPath: `/admin/grants/${call.id}/publicity`,
      };
    },
  };
}

/**
 * Saves a public objection with its evidence; refuses outside the window or
 * over the IP limit (409, as a message at the form, or at the project field).
 */
export function createObjection(input: ObjectionInput): Promise<WriteResult<{ token: string }>> {
  const { callId, applicationId, ...objector } = input;
  return fileObjection(grantObjectionTarget(callId, applicationId), objector);
}
