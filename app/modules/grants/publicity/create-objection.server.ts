// A public objection during the publicity period, with its evidence (#6).
import crypto from "node:crypto";
import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { hashClientIp } from "~/utils/client-ip.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import {
  OBJECTION_EVIDENCE_PURPOSE,
  OBJECTION_IP_WINDOW_MS,
  OBJECTION_SUBJECT_TYPE,
  objectionWindowProblem,
  OBJECTIONS_PER_IP,
} from "./publicity";

export type ObjectionInput = {
  callId: string;
  applicationId: string;
  name: string;
  contact: string;
  content: string;
  evidence?: File;
  request: Request;
};

/**
 * Saves a public objection with its evidence; refuses outside the window or
 * over the IP limit (409, as a message at the form, or at the project field).
 */
export async function createObjection(input: ObjectionInput): Promise<WriteResult<{ token: string }>> {
  const now = new Date();
  const ipHash = hashClientIp(input.request);
  const files = input.evidence ? [input.evidence] : [];
  try {
    return await withStoredUploads(files, async (tx, stored) => {
      const call = await tx.grantCall.findUnique({
        where: { id: input.callId },
        select: { id: true, title: true, status: true, reviewStage: true, publicityEndsAt: true },
      });
      if (!call || call.status === "DRAFT") throw new WorkflowError("未找到该活动", 400);
      const closed = objectionWindowProblem(call, now);
      if (closed) throw new WorkflowError(closed, 409);
      const award = await tx.grantAward.findFirst({
        where: { callId: call.id, applicationId: input.applicationId, selected: true },
        select: { applicationId: true, application: { select: { title: true } } },
      });
      if (!award) throw new ObjectionFieldError("该项目不在拟入围名单中，请重新选择");
      const recent = await tx.grantObjection.count({
        where: { ipHash, createdAt: { gte: new Date(now.getTime() - OBJECTION_IP_WINDOW_MS) } },
      });
      if (recent >= OBJECTIONS_PER_IP) {
        throw new WorkflowError(`同一网络 24 小时内最多提交 ${OBJECTIONS_PER_IP} 份异议，请稍后再试`, 409);
      }
      const token = crypto.randomBytes(24).toString("base64url");
      const objection = await tx.grantObjection.create({
        data: {
          callId: call.id,
          applicationId: award.applicationId,
          name: input.name,
          contact: input.contact,
          content: input.content,
          accessToken: token,
          ipHash,
        },
        select: { id: true },
      });
      if (input.evidence && stored[0]) {
        // Sent by someone without an account: no uploader; only staff may open it.
        await tx.attachment.create({
          data: {
            ...attachmentData(input.evidence, stored[0], {
              uploaderId: "",
              purpose: OBJECTION_EVIDENCE_PURPOSE,
              description: "异议证明材料",
            }),
            uploaderId: null,
            isPublic: false,
            subjectType: OBJECTION_SUBJECT_TYPE,
            subjectId: objection.id,
          },
          select: { id: true },
        });
      }
      await recordAudit(tx, {
        actorId: null,
        action: "grant_objection.create",
        entityType: "GrantObjection",
        entityId: objection.id,
        toState: "RECEIVED",
        reason: `异议项目：${award.application.title}`,
        request: input.request,
      });
      await notifyAdmins(tx, {
        title: `收到公示异议：${award.application.title}`,
        body: `${call.title}，请在公示期结束前处理。`,
        link: `/admin/grants/${call.id}/publicity`,
      });
      return succeed({ token });
    });
  } catch (error) {
    if (error instanceof ObjectionFieldError) return fail(error.message, { field: "applicationId", status: 409 });
    if (error instanceof WorkflowError) return fail(error.message, { status: 409 });
    throw error;
  }
}

class ObjectionFieldError extends Error {}
