// Progress report reminders, sent the way the platform sends reminders today
// (review/reminders.server.ts remindLate): an in-app notice to the organization's
// members, a mail through the outbox, an audit event, and a stamp on the report
// (remindedAt / overdueNoticeAt) so nobody is reminded twice. Run by staff from
// /admin/projects/reports (发送提醒) and by `npm run funding:remind` (cron).
import { recordAudit } from "~/modules/audit/audit.server";
import { sendMail, type Mail } from "~/modules/mail/mailer.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { appUrl } from "~/utils/app-origin.server";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { ACTIVE_PROJECT_STATES } from "./project-workflow";
import { reminderFor } from "./report-reminders";
import { REPORT_REMIND_WITHIN_DAYS } from "./report-schedule";
import { OPEN_REPORT_STATES } from "./report-workflow";

/** Sends every reminder due now; returns how many reports were reminded. */
export async function sendReportReminders(input: { now?: Date; actorId: string | null; request?: Request }) {
  const now = input.now ?? new Date();
  const mails = await prisma.$transaction(async (tx) => {
    const candidates = await tx.grantProgressReport.findMany({
      where: {
        status: { in: OPEN_REPORT_STATES },
        dueAt: { lte: addDays(now, REPORT_REMIND_WITHIN_DAYS) },
        OR: [{ remindedAt: null }, { overdueNoticeAt: null }],
        project: { status: { in: ACTIVE_PROJECT_STATES } },
      },
      select: {
        id: true,
        sequence: true,
        status: true,
        dueAt: true,
        remindedAt: true,
        overdueNoticeAt: true,
        projectId: true,
        project: {
          select: {
            title: true,
            organization: {
              select: {
                memberships: { select: { user: { select: { id: true, email: true, name: true, status: true } } } },
              },
            },
          },
        },
      },
    });
    const out: Mail[] = [];
    let reminded = 0;
    for (const r of candidates) {
      const kind = reminderFor(r, now);
      if (!kind) continue;
      const stamped = await tx.grantProgressReport.updateMany({
        where: { id: r.id, ...(kind === "OVERDUE" ? { overdueNoticeAt: null } : { remindedAt: null }) },
        data: kind === "OVERDUE" ? { overdueNoticeAt: now } : { remindedAt: now },
      });
      if (stamped.count !== 1) continue;
      reminded++;
      const users = r.project.organization.memberships.map((m) => m.user).filter((u) => u.status === "ACTIVE");
      const link = `/org/projects/${r.projectId}/reports/${r.id}`;
      const title =
        kind === "OVERDUE"
          ? `进度报告已逾期：${r.project.title} 第 ${r.sequence} 期`
          : `进度报告即将到期：${r.project.title} 第 ${r.sequence} 期`;
      const body =
        kind === "OVERDUE"
          ? `第 ${r.sequence} 期进度报告已于 ${formatDate(r.dueAt)} 截止，请尽快提交。逾期未交将影响中期和终期评估。`
          : `第 ${r.sequence} 期进度报告将于 ${formatDate(r.dueAt)} 截止，请按时提交。`;
      await notifyUsers(tx, { userIds: users.map((u) => u.id), title, body, link });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: kind === "OVERDUE" ? "grant_report.overdue_notice" : "grant_report.remind",
        entityType: "GrantProgressReport",
        entityId: r.id,
        reason: title,
        request: input.request,
      });
      for (const u of users) {
        out.push({
          to: u.email,
          subject: `【益苗】${title}`,
          body: `${u.name}，您好：\n\n${body}\n填写报告：${appUrl(link)}\n\n区民政局`,
        });
      }
    }
    return { out, reminded };
  });
  // The outbox is written outside the transaction, like the other mail senders.
  for (const mail of mails.out) await sendMail(mail);
  return mails.reminded;
}
