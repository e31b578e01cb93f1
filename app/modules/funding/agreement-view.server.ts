// What the agreement tab and the agreement document pages read.
import { prisma } from "~/utils/db.server";
import { composeAgreementText, loadAgreementFacts } from "./agreement-text.server";

const versionSelect = {
  id: true,
  version: true,
  kind: true,
  status: true,
  amendmentReason: true,
  endsOn: true,
  issuedAt: true,
  textHash: true,
  orgSignedAt: true,
  bureauSignedAt: true,
} as const;

/** Every version, newest first; the organization never sees a draft that was not issued. */
export async function listAgreementVersions(projectId: string, side: "staff" | "org") {
  return prisma.grantAgreement.findMany({
    where: { projectId, ...(side === "org" ? { NOT: { status: "DRAFT" }, issuedAt: { not: null } } : {}) },
    orderBy: { version: "desc" },
    select: versionSelect,
  });
}

/** The draft's editable parts and the text it would have if issued now (staff). */
export async function loadDraft(agreementId: string) {
  const [{ facts }, composed] = await Promise.all([
    loadAgreementFacts(prisma, agreementId),
    composeAgreementText(prisma, agreementId),
  ]);
  return { variables: facts.variables, endsOn: facts.endsOn, preview: composed.text };
}

/** One version as a document: its frozen text, hash and both signature blocks with the signing accounts. */
export async function loadAgreementDocument(projectId: string, version: number, side: "staff" | "org") {
  const row = await prisma.grantAgreement.findFirst({
    where: { projectId, version },
    select: {
      ...versionSelect,
      text: true,
      orgSignerName: true,
      orgSignerId: true,
      orgSignedIp: true,
      bureauSignerName: true,
      bureauSignerId: true,
      bureauSignedIp: true,
    },
  });
  if (!row || (side === "org" && !row.issuedAt)) return null;
  const ids = [row.orgSignerId, row.bureauSignerId].filter((id): id is string => Boolean(id));
  const accounts = ids.length
    ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
    : [];
  const account = (id: string | null) => accounts.find((a) => a.id === id)?.email ?? null;
  // A draft has no frozen text yet: staff read what it would say.
  const text =
    row.text ?? (side === "staff" && row.status === "DRAFT" ? (await composeAgreementText(prisma, row.id)).text : null);
  return {
    ...row,
    text,
    orgSignerAccount: account(row.orgSignerId),
    bureauSignerAccount: account(row.bureauSignerId),
  };
}
