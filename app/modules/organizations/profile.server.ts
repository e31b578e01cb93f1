import { recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";

export const orgProfileSelect = {
  id: true,
  name: true,
  type: true,
  status: true,
  uscc: true,
  address: true,
  area: true,
  purpose: true,
  scope: true,
  legalRepresentative: true,
  capitalFen: true,
  category: true,
  supervisingUnit: true,
  registeredAt: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
} as const;

export async function getOrgProfile(organizationId: string) {
  return prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: orgProfileSelect });
}

export type ContactUpdate = { contactName: string; contactPhone: string; contactEmail: string };
export type DraftUpdate = {
  address?: string;
  area?: string;
  purpose?: string;
  scope?: string;
  legalRepresentative?: string;
  category?: string;
};

/**
 * Members may always change the contact details. Registered particulars
 * (name, address, purpose…) change only through 变更登记, so the draft fields
 * are applied only while the organization is still preparing to register.
 */
export async function updateOrgProfile(input: {
  organizationId: string;
  actorId: string;
  contact: ContactUpdate;
  draft: DraftUpdate;
  request: Request;
}) {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: input.organizationId },
      select: { status: true },
    });
    const draft = org.status === "PREPARING" ? normalizeDraft(input.draft) : {};
    await tx.organization.update({
      where: { id: input.organizationId },
      data: { ...input.contact, ...draft },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "organization.update_profile",
      entityType: "Organization",
      entityId: input.organizationId,
      reason: `修改：${Object.keys({ ...input.contact, ...draft }).join("、")}`,
      request: input.request,
    });
  });
}

function normalizeDraft(draft: DraftUpdate) {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v?.trim() || null]));
}
