import { prisma } from "~/utils/db.server";
import { ORG_DOCUMENT_PURPOSE_KEYS } from "./documents";

/** What an organization member sees first: the record, the team and what is missing. */
export async function getOrgDashboard(organizationId: string, userId: string) {
  const [org, documentCount, members, notifications] = await Promise.all([
    prisma.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: {
        name: true,
        type: true,
        status: true,
        uscc: true,
        registeredAt: true,
        address: true,
        purpose: true,
        legalRepresentative: true,
        contactName: true,
        contactPhone: true,
      },
    }),
    prisma.attachment.count({ where: { organizationId, purpose: { in: ORG_DOCUMENT_PURPOSE_KEYS } } }),
    prisma.membership.findMany({
      where: { organizationId },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    }),
    prisma.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, readAt: true, createdAt: true },
    }),
  ]);

  const missing: string[] = [];
  if (!org.contactName || !org.contactPhone) missing.push("联系方式");
  if (org.status === "PREPARING") {
    if (!org.address) missing.push("住所");
    if (!org.purpose) missing.push("宗旨");
    if (!org.legalRepresentative) missing.push("拟任法定代表人");
  }
  return { org, documentCount, members, notifications, missing };
}
