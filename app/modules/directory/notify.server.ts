// Notices to several organizations at once: one membership read, one insert per notice.
import { notifyUsers } from "~/modules/notifications/notifications.server";
import type { Tx } from "~/utils/db.server";

export type OrgNotice = { organizationId: string; title: string; body: string; link: string };

export async function notifyOrganizations(tx: Tx, notices: OrgNotice[]) {
  if (notices.length === 0) return;
  const members = await tx.membership.findMany({
    where: { organizationId: { in: [...new Set(notices.map((n) => n.organizationId))] } },
    select: { userId: true, organizationId: true },
  });
  for (const n of notices) {
    await notifyUsers(tx, {
      userIds: members.filter((m) => m.organizationId === n.organizationId).map((m) => m.userId),
      title: n.title,
      body: n.body,
      link: n.link,
    });
  }
}
