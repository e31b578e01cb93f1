// A public objection during a publicity period, with its evidence (#6, decision 013).
import crypto from "node:crypto";
import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { hashClientIp } from "~/utils/client-ip.server";
import type { Tx } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import {
  OBJECTION_EVIDENCE_PURPOSE,
  OBJECTION_IP_WINDOW_MS,
  OBJECTION_SUBJECT_TYPE,
  OBJECTIONS_PER_IP,
  type EntryRef,
  type PublicationRef,
} from "./objection";

/** What the publishing area answers about one objection before it is saved. */
export type ResolvedTarget = {
  /** e.g. the call's title, in the staff's notification */
  publicationTitle: string;
  /** the entry as people name it (a project's title, an organization's name) */
  entryLabel: string;
  /** the staff's objection desk for this publication */
  staffPath: string;
};

/** The entry an objection is filed against, as the publishing area describes it. */
export type ObjectionTarget = {
  publication: PublicationRef;
  entry: EntryRef;
  /** the form field that picked the entry, where "not on the list" is shown */
  entryField: string;
  /** "项目", "机构": the audit reads 异议项目：… */
  entryNoun: string;
  /**
   * Inside the saving transaction: throws a WorkflowError when the publication is
   * unknown or objections are not accepted now (the message says why), returns
   * null when the entry is not on the published list.
   */
  resolve(tx: Tx, now: Date): Promise<ResolvedTarget | null>;
  notOnListMessage: string;
};

export type ObjectorInput = {
  name: string;
  contact: string;
  content: string;
  evidence?: File;
  request: Request;
};

/**
 * Saves a public objection with its evidence and tells staff; refuses outside the
 * window or over the IP limit (409, as a message at the form, or at the entry field).
 * Answers the secret token of the objector's status page.
 */
export async function fileObjection(
  target: ObjectionTarget,
  input: ObjectorInput,
): Promise<WriteResult<{ token: string }>> {
  const now = new Date();
  const ipHash = hashClientIp(input.request);
  const files = input.evidence ? [input.evidence] : [];
  try {
    return await withStoredUploads(files, async (tx, stored) => {
      const resolved = await target.resolve(tx, now);
      if (!resolved) throw new NotOnListError(target.notOnListMessage);
      const recent = await tx.objection.count({
        where: { ipHash, createdAt: { gte: new Date(now.getTime() - OBJECTION_IP_WINDOW_MS) } },
      });
      if (recent >= OBJECTIONS_PER_IP) {
        throw new WorkflowError(`同一网络 24 小时内最多提交 ${OBJECTIONS_PER_IP} 份异议，请稍后再试`, 409);
      }
      const token = crypto.randomBytes(24).toString("base64url");
      const objection = await tx.objection.create({
        data: {
          publicationType: target.publication.type,
          publicationId: target.publication.id,
          entryType: target.entry.type,
          entryId: target.entry.id,
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
        action: "objection.create",
        entityType: OBJECTION_SUBJECT_TYPE,
        entityId: objection.id,
        toState: "RECEIVED",
        reason: `异议${target.entryNoun}：${resolved.entryLabel}`,
        request: input.request,
      });
      await notifyAdmins(tx, {
        title: `收到公示异议：${resolved.entryLabel}`,
        body: `${resolved.publicationTitle}，请在公示期结束前处理。`,
        link: resolved.staffPath,
      });
      return succeed({ token });
    });
  } catch (error) {
    if (error instanceof NotOnListError) return fail(error.message, { field: target.entryField, status: 409 });
    if (error instanceof WorkflowError) return fail(error.message, { status: 409 });
    throw error;
  }
}

class NotOnListError extends Error {}
