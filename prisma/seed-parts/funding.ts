// Demo agreements (#13 item 13): every confirmed project whose call's signing deadline
// has passed is signed through the app's own steps (issue, the organization's
// signature, the bureau's countersignature), then moved back to about ten days after
// its call was confirmed, so nothing shows 签约已逾期 by accident. Runs before
// funding-money, which pays the signing tranches from these dates.
import type { PrismaClient } from "~/generated/prisma/client";
import { countersign, signAsOrganization } from "~/modules/funding/agreement-signing.server";
import { issueAgreement } from "~/modules/funding/agreements.server";
import { trancheDueAt } from "~/modules/funding/tranches";
import { addDays } from "~/utils/dates";
import { today } from "./dates";
import { backdate } from "./grants-review-stages";

const SIGN_AFTER_DAYS = 10;

export async function seedFundingAgreements(prisma: PrismaClient) {
  const admin = await prisma.user.findFirst({
    where: { role: "ADMIN", status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  if (!admin) return { signed: 0 };
  const projects = await prisma.grantProject.findMany({
    where: { status: "AWAITING_SIGNATURE", signingDueAt: { lt: today } },
    orderBy: { projectNo: "asc" },
    select: {
      id: true,
      call: { select: { confirmedAt: true } },
      application: { select: { createdById: true } },
    },
  });
  let signed = 0;
  for (const p of projects) {
    const signer = await prisma.user.findUnique({
      where: { id: p.application.createdById },
      select: { id: true, name: true },
    });
    if (!signer) continue;
    const from = new Date();
    const issued = await issueAgreement({ projectId: p.id, actor: admin });
    if (!issued.ok) continue;
    const { textHash } = await prisma.grantAgreement.findFirstOrThrow({
      where: { projectId: p.id, version: 1 },
      select: { textHash: true },
    });
    if (!textHash) continue;
    const signedAt = addDays(p.call.confirmedAt ?? today, SIGN_AFTER_DAYS);
    const byOrg = await signAsOrganization({ projectId: p.id, signer, signerName: signer.name, textHash });
    // Countersigned at the story's date, so the report schedule and the evaluations it
    // writes run from it.
    const byBureau = byOrg.ok
      ? await countersign({ projectId: p.id, signer: admin, signerName: admin.name, textHash, at: signedAt })
      : byOrg;
    if (!byBureau.ok) continue;
    const orgSignedAt = addDays(signedAt, -2);
    await prisma.$transaction([
      prisma.grantProject.update({ where: { id: p.id }, data: { signedAt } }),
      prisma.grantAgreement.updateMany({
        where: { projectId: p.id, version: 1 },
        data: { issuedAt: addDays(signedAt, -5), orgSignedAt, bureauSignedAt: signedAt },
      }),
      prisma.grantTranche.updateMany({
        where: { projectId: p.id, trigger: "SIGNING", status: "PAYABLE" },
        data: { gateMetAt: signedAt, dueAt: trancheDueAt(signedAt) },
      }),
    ]);
    await backdate(prisma, from, signedAt);
    signed += 1;
  }
  return { signed };
}
