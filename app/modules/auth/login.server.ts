// Logging in as a form write: the password check with its lockout, answered
// with the message the login form shows.
import { prisma } from "~/utils/db.server";
import { formatTime } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { verifyLogin } from "./auth.server";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./lockout";
import { ROLE_HOME, type Role } from "./roles";

/** Checks the password; on success gives the user and the home page of their role. */
export async function logIn(
  email: string,
  password: string,
  request?: Request,
): Promise<WriteResult<{ userId: string; home: string }>> {
  const result = await verifyLogin(email, password, { request });
  if (!result.ok) {
    if (result.reason === "locked") {
      return fail(
        `密码连续错误次数过多，账号已锁定 ${LOCK_MINUTES} 分钟，请于 ${formatTime(result.lockedUntil)} 后再试`,
      );
    }
    if (result.reason === "disabled") return fail("该账号已被停用，请联系区民政局");
    // Same words whether or not the account exists, so nobody can probe for emails.
    return fail(`邮箱或密码不正确。连续输错 ${MAX_FAILED_LOGINS} 次，账号将被锁定 ${LOCK_MINUTES} 分钟`);
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, select: { role: true } });
  return succeed({ userId: result.userId, home: ROLE_HOME[user.role as Role] });
}
