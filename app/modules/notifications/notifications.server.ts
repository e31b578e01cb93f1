import type { Tx } from "~/utils/db.server";
import { readRows } from "~/utils/prepared-reads.server";
import { shortCached } from "~/utils/short-cache.server";

export type NotificationInput = {
  userIds: string[];
  title: string;
  body?: string;
  link?: string;
};

/** Queues an in-app notification for each user, inside the caller's transaction. */
export async function notifyUsers(tx: Tx, input: NotificationInput) {
  if (input.userIds.length === 0) return;
  await tx.notification.createMany({
    data: [...new Set(input.userIds)].map((userId) => ({
      userId,
      title: input.title,
      body: input.body ?? null,
      link: input.link ?? null,
    })),
  });
}

/** Notifies every member of an organization. */
export async function notifyOrganization(tx: Tx, organizationId: string, input: Omit<NotificationInput, "userIds">) {
  const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true } });
  await notifyUsers(tx, { ...input, userIds: members.map((m) => m.userId) });
}

/** Notifies every active administrator (e.g. "a new application needs review"). */
export async function notifyAdmins(tx: Tx, input: Omit<NotificationInput, "userIds">) {
  const admins = await tx.user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, select: { id: true } });
  await notifyUsers(tx, { ...input, userIds: admins.map((a) => a.id) });
}

/**
 * The unread badge in every signed-in page's header: a prepared statement on the
 * (userId, readAt) index (a Prisma count costs about 1 ms of CPU before SQLite runs), shared
 * for a few seconds until anything is written, a new notice or one marked read (decision 030).
 */
export function countUnread(userId: string): Promise<number> {
  return shortCached(`unread:${userId}`, 10_000, async () => {
    const rows = await readRows<{ unread: number }>({
      sql: "SELECT count(*) AS unread FROM Notification WHERE userId = ? AND readAt IS NULL",
      values: [userId],
    });
    return rows[0]?.unread ?? 0;
  });
}
