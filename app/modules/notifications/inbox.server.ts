import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";

export async function listNotifications(userId: string, page: number, unreadOnly: boolean) {
  const where = { userId, ...(unreadOnly ? { readAt: null } : {}) };
  const [items, total, unread] = await prisma.$transaction([
    prisma.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items, total, unread };
}

/** Marks one of the user's own notifications read; returns its link. */
export async function markRead(userId: string, notificationId: string) {
  const row = await prisma.notification.findFirst({
    where: { id: notificationId, userId },
    select: { id: true, link: true, readAt: true },
  });
  if (!row) return null;
  if (!row.readAt) await prisma.notification.update({ where: { id: row.id }, data: { readAt: new Date() } });
  return row;
}

export async function markAllRead(userId: string) {
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
