// Issuing 评估等级证书 for 3A+ grades, and tracking their return after a downgrade
// or cancellation (due within rating.certificateReturnDays days).
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { addDays, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { certificateNumber, certificateNumberPrefix, earnsCertificate, RATING_BODY } from "./certificate";
import { certificateWorkflow, type CertificateState } from "./grade-workflow";

type GradeRow = { id: string; organizationId: string; grade: number; validFrom: Date; validTo: Date };

/** Issues the certificate of a 3A+ grade row (none below 3A); returns its id or null. */
export async function issueCertificate(tx: Tx, row: GradeRow, issuedAt: Date, actorId: string | null) {
  if (!earnsCertificate(row.grade)) return null;
  const prefix = certificateNumberPrefix(issuedAt);
  const last = await tx.ratingCertificate.findFirst({
    where: { number: { startsWith: prefix } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const sequence = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  const certificate = await tx.ratingCertificate.create({
    data: {
      number: certificateNumber(issuedAt, sequence),
      organizationId: row.organizationId,
      gradeId: row.id,
      grade: row.grade,
      issuedAt,
      validFrom: row.validFrom,
      validTo: row.validTo,
      ratingBody: RATING_BODY,
    },
    select: { id: true, number: true },
  });
  await recordAudit(tx, {
    actorId,
    action: "ratingCertificate.issue",
    entityType: "RatingCertificate",
    entityId: certificate.id,
    toState: "VALID",
    reason: `颁发评估等级证书 ${certificate.number}`,
  });
  return certificate;
}

/** The grade row's certificate, if still valid, must now be returned. */
export async function requireReturn(
  tx: Tx,
  input: { gradeId: string; reason: string; now: Date; actorId: string; request?: Request },
) {
  const certificate = await tx.ratingCertificate.findUnique({
    where: { gradeId: input.gradeId },
    select: { id: true, status: true, number: true, organizationId: true },
  });
  if (!certificate || certificate.status !== "VALID") return null;
  const days = (await getRules(input.now, tx))["rating.certificateReturnDays"];
  const due = shanghaiParts(addDays(input.now, days));
  const returnDueAt = shanghaiEndOfDay(due.year, due.month, due.day);
  await runTransition(tx, {
    workflow: certificateWorkflow,
    entityType: "RatingCertificate",
    entityId: certificate.id,
    from: "VALID",
    to: "RETURN_DUE",
    actor: { id: input.actorId, role: "ADMIN" },
    reason: input.reason,
    request: input.request,
    apply: async () =>
      (
        await tx.ratingCertificate.updateMany({
          where: { id: certificate.id, status: "VALID" },
          data: { status: "RETURN_DUE", returnDueAt },
        })
      ).count,
  });
  await notifyOrganization(tx, certificate.organizationId, {
    title: "请退回评估等级证书和牌匾",
    body: `${input.reason}。请于${formatDate(returnDueAt)}前将评估等级证书（编号 ${certificate.number}）和牌匾退回区民政局。`,
    link: "/org/rating/certificates",
  });
  return returnDueAt;
}

/** Staff record that the certificate and plaque came back. */
export async function markCertificateReturned(input: {
  certificateId: string;
  note?: string | null;
  actorId: string;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const certificate = await prisma.ratingCertificate.findUnique({
    where: { id: input.certificateId },
    select: { id: true, status: true },
  });
  if (!certificate) throw new WorkflowError("未找到该证书", 400);
  const from = certificate.status as CertificateState;
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: certificateWorkflow,
      entityType: "RatingCertificate",
      entityId: certificate.id,
      from,
      to: "RETURNED",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: input.note?.trim() || null,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingCertificate.updateMany({
            where: { id: certificate.id, status: from },
            data: { status: "RETURNED", returnedAt: now, returnNote: input.note?.trim() || null },
          })
        ).count,
    });
  });
}

const CERTIFICATE_SELECT = {
  id: true,
  number: true,
  grade: true,
  issuedAt: true,
  validFrom: true,
  validTo: true,
  ratingBody: true,
  status: true,
  returnDueAt: true,
  returnedAt: true,
  organization: { select: { id: true, name: true, uscc: true, type: true } },
} as const;

export async function getCertificate(certificateId: string) {
  return prisma.ratingCertificate.findUnique({ where: { id: certificateId }, select: CERTIFICATE_SELECT });
}

/** An organization's certificates, newest first. */
export async function listOrganizationCertificates(organizationId: string) {
  return prisma.ratingCertificate.findMany({
    where: { organizationId },
    orderBy: { issuedAt: "desc" },
    select: CERTIFICATE_SELECT,
  });
}

/** Certificates awaiting return (the overdue ones first: by due date). */
export async function listCertificatesToReturn() {
  return prisma.ratingCertificate.findMany({
    where: { status: { in: ["RETURN_DUE", "RETURNED"] } },
    orderBy: [{ status: "asc" }, { returnDueAt: "asc" }],
    take: 200,
    select: { ...CERTIFICATE_SELECT, returnNote: true },
  });
}
