// Demo agreements (#13 item 13): the confirmed projects are signed through the app's own
// steps (issue, the organization's signature, the bureau's countersignature), each step run
// on its day of the story (story-clock.ts), so signedAt, the signing tranche's gate and due
// date, the report schedule and the evaluations the countersignature writes, the audit trail
// and the notices all carry that day.
// - A call whose signing deadline has passed: every project signed, the n-th in award order
//   SIGN_AFTER_DAYS + n * SIGN_STAGGER_DAYS days after confirmation (never after the deadline),
//   so their reports and evaluations fall due on different days.
// - A call whose signing deadline is still ahead: the first project signed 30 days ago (its
//   signing tranche overdue, funding-money.ts), the others but the last 8 days ago, and the
//   last one issued and waiting for the organization's signature (before the deadline).
// Runs before funding-money, which pays the signing tranches from these dates.
import type { PrismaClient } from "~/generated/prisma/client";
import { countersign, signAsOrganization } from "~/modules/funding/agreement-signing.server";
import { issueAgreement } from "~/modules/funding/agreements.server";
import { addDays } from "~/utils/dates";
import { prisma as appPrisma } from "~/utils/db.server";
import { daysFromToday, today } from "./dates";
import { atStoryTime } from "./story-clock";

const SIGN_AFTER_DAYS = 10;
const SIGN_STAGGER_DAYS = 3;

type Person = { id: string; name: string };

/** When each project of a call is signed (null: issued and awaiting the organization). */
function signingDays(call: { confirmedAt: Date; signingEndsAt: Date }, count: number): (Date | null)[] {
  if (call.signingEndsAt < today) {
    const last = addDays(call.signingEndsAt, -1);
    return Array.from({ length: count }, (_, n) => {
      const at = addDays(call.confirmedAt, SIGN_AFTER_DAYS + n * SIGN_STAGGER_DAYS);
      return at > last ? last : at;
    });
  }
  return Array.from({ length: count }, (_, n) =>
    n === count - 1 ? null : n === 0 ? daysFromToday(-30, "15:00") : daysFromToday(-8, "15:00"),
  );
}

async function issue(projectId: string, admin: Person, at: Date) {
  return atStoryTime(at, () => issueAgreement({ projectId, actor: admin }));
}

async function sign(projectId: string, admin: Person, signer: Person, at: Date) {
  const issued = await issue(projectId, admin, addDays(at, -5));
  if (!issued.ok) return false;
  const { textHash } = await appPrisma.grantAgreement.findFirstOrThrow({
    where: { projectId, version: 1 },
    select: { textHash: true },
  });
  if (!textHash) return false;
  const byOrg = await atStoryTime(addDays(at, -2), () =>
    signAsOrganization({ projectId, signer, signerName: signer.name, textHash }),
  );
  if (!byOrg.ok) return false;
  const byBureau = await atStoryTime(at, () =>
    countersign({ projectId, signer: admin, signerName: admin.name, textHash }),
  );
  return byBureau.ok;
}

export async function seedFundingAgreements(prisma: PrismaClient) {
  const admin = await prisma.user.findFirst({
    where: { role: "ADMIN", status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  if (!admin) return { signed: 0 };
  const calls = await prisma.grantCall.findMany({
    where: { confirmedAt: { not: null }, projects: { some: { status: "AWAITING_SIGNATURE" } } },
    orderBy: { confirmedAt: "asc" },
    select: {
      confirmedAt: true,
      signingEndsAt: true,
      projects: {
        where: { status: "AWAITING_SIGNATURE" },
        orderBy: { projectNo: "asc" },
        select: { id: true, application: { select: { createdById: true } } },
      },
    },
  });
  const signerIds = calls.flatMap((c) => c.projects.map((p) => p.application.createdById));
  const signers = new Map(
    (await prisma.user.findMany({ where: { id: { in: signerIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u,
    ]),
  );
  let signed = 0;
  let awaiting = 0;
  for (const call of calls) {
    const days = signingDays(
      { confirmedAt: call.confirmedAt!, signingEndsAt: call.signingEndsAt },
      call.projects.length,
    );
    for (const [n, p] of call.projects.entries()) {
      const at = days[n];
      if (at === null) {
        const issued = await issue(p.id, admin, daysFromToday(-6, "10:00"));
        if (issued.ok) awaiting += 1;
        continue;
      }
      const signer = signers.get(p.application.createdById);
      if (signer && (await sign(p.id, admin, signer, at))) signed += 1;
    }
  }
  return { signed, awaiting };
}
