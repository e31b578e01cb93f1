import { prisma } from "~/utils/db.server";

export type Mail = { to: string; subject: string; body: string };

/**
 * This deployment has no mail server, so outgoing mail is kept in the outbox
 * table (staff can read it at /admin/outbox) and written to the server log.
 * A real transport would be added here, behind the same function.
 */
export async function sendMail(mail: Mail) {
  await prisma.outboxEmail.create({ data: mail, select: { id: true } });
  console.info(`[mail] to=${mail.to} subject=${mail.subject}\n${mail.body}`);
}
