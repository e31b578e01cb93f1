// Forgotten passwords as form writes: asking for a link, and setting a new
// password with it.
import { recordAudit } from "~/modules/audit/audit.server";
import { sendMail } from "~/modules/mail/mailer.server";
import { appUrl } from "~/utils/app-origin.server";
import { prisma } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { createPasswordResetToken, resetPasswordWithToken } from "./auth.server";
import { RESET_TOKEN_MINUTES } from "./password-reset";

/**
 * Mails a one-time link to an active account. The answer is the same whether
 * or not the account exists, so the form cannot be used to find out who is registered.
 */
export async function requestPasswordReset(email: string): Promise<WriteResult> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, status: true },
  });
  if (user && user.status === "ACTIVE") {
    const token = await createPasswordResetToken(user.id);
    const link = appUrl(`/reset-password/${token}`);
    await sendMail({
      to: user.email,
      subject: "益苗：重置密码",
      body: `${user.name}，您好：\n\n请在 ${RESET_TOKEN_MINUTES} 分钟内打开以下链接设置新密码（仅可使用一次）：\n${link}\n\n如果这不是您本人的操作，请忽略本邮件。`,
    });
  }
  return succeed();
}

/** Sets the new password with a usable link (410 when it expired or was used) and audits it. */
export async function resetPassword(token: string, password: string, request?: Request): Promise<WriteResult> {
  const userId = await resetPasswordWithToken(token, password);
  if (!userId) return fail("该链接已失效或已被使用，请重新申请", { status: 410 });
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: userId, action: "user.password_reset", entityType: "User", entityId: userId, request }),
  );
  return succeed();
}
