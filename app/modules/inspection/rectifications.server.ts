import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { rectificationWorkflow, type RectificationState } from "./workflow";

export const RECTIFICATION_FILE_PURPOSE = "inspection.rectification";

const rectificationSelect = {
  id: true,
  status: true,
  requirement: true,
  dueAt: true,
  reportText: true,
  submittedAt: true,
  reviewNote: true,
  reviewedAt: true,
  organizationId: true,
  organization: { select: { name: true } },
  report: { select: { id: true, year: true, conclusion: true } },
} as const;

export async function getOrgRectification(organizationId: string, id: string) {
  const rectification = await prisma.rectification.findFirst({
    where: { id, organizationId },
    select: rectificationSelect,
  });
  if (!rectification) return null;
  const files = await prisma.attachment.findMany({
    where: { subjectType: "Rectification", subjectId: id },
    orderBy: { createdAt: "desc" },
    select: { id: true, originalName: true, createdAt: true },
  });
  return { rectification, files };
}

/** Files the rectification report (OPEN/RETURNED → SUBMITTED) inside the caller's transaction. */
export async function submitRectificationInTx(
  tx: Tx,
  input: {
    rectificationId: string;
    from: string;
    text: string;
    actorId: string;
    request?: Request;
    now: Date;
    viaReportYear?: number;
  },
) {
  const from = input.from as RectificationState;
  const rectification = await tx.rectification.findUnique({
    where: { id: input.rectificationId },
    select: { organization: { select: { name: true } }, report: { select: { year: true } } },
  });
  await runTransition(tx, {
    workflow: rectificationWorkflow,
    entityType: "Rectification",
    entityId: input.rectificationId,
    from,
    to: "SUBMITTED",
    actor: { id: input.actorId, role: "ORG_MEMBER" },
    request: input.request,
    reason: input.viaReportYear ? `随${input.viaReportYear}年度报告提交整改报告` : undefined,
    apply: async () =>
      (
        await tx.rectification.updateMany({
          where: { id: input.rectificationId, status: from },
          data: { status: "SUBMITTED", reportText: input.text, submittedAt: input.now, reviewNote: null },
        })
      ).count,
  });
  await notifyAdmins(tx, {
    title: `${rectification?.organization.name ?? "社会组织"}提交了${rectification?.report.year ?? ""}年度年检整改报告`,
    link: "/admin/inspection/rectifications",
  });
}

/** The organization files its rectification report, with an optional file. */
export async function submitRectification(input: {
  organizationId: string;
  rectificationId: string;
  text: string;
  file?: File | null;
  actorId: string;
  request?: Request;
}) {
  const found = await prisma.rectification.findFirst({
    where: { id: input.rectificationId, organizationId: input.organizationId },
    select: { id: true, status: true },
  });
  if (!found) throw new WorkflowError("未找到该整改事项", 400);
  const now = new Date();
  const run = (tx: Tx) =>
    submitRectificationInTx(tx, {
      rectificationId: found.id,
      from: found.status,
      text: input.text,
      actorId: input.actorId,
      request: input.request,
      now,
    });
  if (input.file) {
    const file = input.file;
    await withStoredUploads([file], async (tx, [stored]) => {
      await run(tx);
      const attachment = await tx.attachment.create({
        data: {
          ...attachmentData(file, stored!, {
            uploaderId: input.actorId,
            organizationId: input.organizationId,
            purpose: RECTIFICATION_FILE_PURPOSE,
            description: "年检整改报告",
          }),
          subjectType: "Rectification",
          subjectId: found.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "attachment.upload",
        entityType: "Attachment",
        entityId: attachment.id,
        reason: "年检整改报告",
        request: input.request,
      });
    });
  } else {
    await prisma.$transaction(run);
  }
}

export async function listRectificationsForReview(status: string, page: number, pageSize: number) {
  const where = status ? { status } : {};
  const [items, total] = await prisma.$transaction([
    prisma.rectification.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueAt: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: rectificationSelect,
    }),
    prisma.rectification.count({ where }),
  ]);
  const files = await prisma.attachment.findMany({
    where: { subjectType: "Rectification", subjectId: { in: items.map((i) => i.id) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, subjectId: true, originalName: true },
  });
  return { items: items.map((i) => ({ ...i, files: files.filter((f) => f.subjectId === i.id) })), total };
}

/** Staff accept the rectification report or return it (with a reason). */
export async function reviewRectification(input: {
  rectificationId: string;
  decision: "ACCEPTED" | "RETURNED";
  note?: string | null;
  actorId: string;
  request?: Request;
}) {
  const found = await prisma.rectification.findUnique({
    where: { id: input.rectificationId },
    select: { id: true, status: true, organizationId: true, report: { select: { year: true } } },
  });
  if (!found) throw new WorkflowError("未找到该整改事项", 400);
  const from = found.status as RectificationState;
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: rectificationWorkflow,
      entityType: "Rectification",
      entityId: found.id,
      from,
      to: input.decision,
      actor: { id: input.actorId, role: "ADMIN" },
      reason: input.note,
      request: input.request,
      apply: async () =>
        (
          await tx.rectification.updateMany({
            where: { id: found.id, status: from },
            data: { status: input.decision, reviewNote: input.note?.trim() || null, reviewedAt: now },
          })
        ).count,
    });
    await notifyOrganization(tx, found.organizationId, {
      title:
        input.decision === "ACCEPTED"
          ? `${found.report.year}年度年检整改报告已通过`
          : `${found.report.year}年度年检整改报告被退回，请补充后重新提交`,
      body: input.note?.trim() || undefined,
      link: `/org/rectifications/${found.id}`,
    });
  });
}
