import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { recordAudit } from "~/modules/audit/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { readRows } from "~/utils/prepared-reads.server";
import { redirect } from "~/utils/redirect.server";
import { sessionStorage } from "~/utils/session.server";
import { shortCached } from "~/utils/short-cache.server";
import { afterFailedLogin, isLocked, MAX_FAILED_LOGINS } from "./lockout";
import { RESET_TOKEN_MINUTES } from "./password-reset";

export const SESSION_DAYS = 14;
const SESSION_KEY = "sessionId";

export async function hashPassword(password: string) {
  return bcrypt.hash(password, 10);
}

async function getSessionId(request: Request) {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  const id = session.get(SESSION_KEY);
  return typeof id === "string" ? id : null;
}

/** What every page knows of the signed-in user. */
export type SessionUser = { id: string; name: string; email: string; role: string; status: string };

type SessionRow = SessionUser & { expiresAt: string };

/**
 * The session and its user in one indexed statement. Every signed-in request reads it two or
 * three times (the root, the layout and the page loaders; Remix gives each its own copy of the
 * Request) and a Prisma call costs about 1 ms of CPU before SQLite runs, so it is a prepared
 * statement (prepared-reads.server.ts), shared for a few seconds and dropped by any committed
 * write — a sign-out, a password change or a disabled account is seen at once (decision 030).
 */
function readSession(sessionId: string): Promise<SessionRow | null> {
  return shortCached(`session:${sessionId}`, 10_000, async () => {
    const rows = await readRows<SessionRow>({
      sql: `SELECT s.expiresAt, u.id, u.name, u.email, u.role, u.status
            FROM Session s JOIN User u ON u.id = s.userId
            WHERE s.id = ?`,
      values: [sessionId],
    });
    return rows[0] ?? null;
  });
}

/** The logged-in, active user, or null. Expired sessions count as none. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  const session = await readSession(sessionId);
  if (!session || new Date(session.expiresAt) < new Date() || session.status !== "ACTIVE") return null;
  return { id: session.id, name: session.name, email: session.email, role: session.role, status: session.status };
}

export async function getUserId(request: Request) {
  return (await getUser(request))?.id ?? null;
}

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date }
  | { ok: false; reason: "disabled" };

/** Checks the password and applies the lockout rule. */
export async function verifyLogin(
  email: string,
  password: string,
  { request, now = new Date() }: { request?: Request; now?: Date } = {},
): Promise<LoginResult> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      status: true,
      failedLoginCount: true,
      lockedUntil: true,
      password: { select: { hash: true } },
    },
  });
  if (!user || !user.password) {
    // Spend the same time as a real check so timing does not reveal accounts.
    await bcrypt.compare(password, "$2b$10$agvTUlaVkaAd9WjSg0jCNuAl/KMoDjQHvZUI0LH5f3YswUE.Iqn.O");
    return { ok: false, reason: "invalid" };
  }
  if (isLocked(user.lockedUntil, now)) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil! };

  const valid = await bcrypt.compare(password, user.password.hash);
  if (!valid) {
    // Increment in the database, not from the value read above: parallel wrong
    // guesses would otherwise all write back the same count and never lock.
    const lockedUntil = await prisma.$transaction(async (tx) => {
      const { failedLoginCount } = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      });
      const next = afterFailedLogin(failedLoginCount - 1, now);
      if (!next.lockedUntil) return null;
      await tx.user.update({ where: { id: user.id }, data: next });
      await recordAudit(tx, {
        actorId: null,
        action: "user.lock",
        entityType: "User",
        entityId: user.id,
        toState: "LOCKED",
        reason: `连续 ${MAX_FAILED_LOGINS} 次密码错误`,
        request,
      });
      return next.lockedUntil;
    });
    if (lockedUntil) return { ok: false, reason: "locked", lockedUntil };
    return { ok: false, reason: "invalid" };
  }
  if (user.status !== "ACTIVE") return { ok: false, reason: "disabled" };

  await prisma.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  return { ok: true, userId: user.id };
}

/** Creates a database session and redirects with its cookie. */
export async function createUserSession(userId: string, redirectTo: string) {
  const dbSession = await prisma.session.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) },
    select: { id: true, expiresAt: true },
  });
  const cookieSession = await sessionStorage.getSession();
  cookieSession.set(SESSION_KEY, dbSession.id);
  return redirect(redirectTo, {
    headers: {
      "Set-Cookie": await sessionStorage.commitSession(cookieSession, { expires: dbSession.expiresAt }),
    },
  });
}

/** Cookie header value for a session id; tests use this to log in directly. */
export async function serializeSessionCookie(sessionId: string, expires: Date) {
  const cookieSession = await sessionStorage.getSession();
  cookieSession.set(SESSION_KEY, sessionId);
  return sessionStorage.commitSession(cookieSession, { expires });
}

export async function logout(request: Request, redirectTo = "/") {
  const sessionId = await getSessionId(request);
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  const cookieSession = await sessionStorage.getSession(request.headers.get("Cookie"));
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionStorage.destroySession(cookieSession) },
  });
}

function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Creates a one-time reset token and returns the raw token for the link. */
export async function createPasswordResetToken(userId: string, db: Tx | typeof prisma = prisma) {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000),
    },
  });
  return token;
}

/** The token row if it exists, is unused and has not expired. */
export async function findUsableResetToken(token: string) {
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { email: true } } },
  });
  if (!row || row.usedAt || row.expiresAt < new Date()) return null;
  return row;
}

/**
 * Sets a new password, consumes the token and ends every session of the user,
 * all in one transaction so a token can never be used twice.
 */
export async function resetPasswordWithToken(token: string, newPassword: string) {
  const hash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const consumed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (consumed.count !== 1) return null;
    const row = await tx.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { userId: true },
    });
    await tx.password.upsert({
      where: { userId: row.userId },
      create: { userId: row.userId, hash },
      update: { hash },
    });
    await tx.user.update({ where: { id: row.userId }, data: { failedLoginCount: 0, lockedUntil: null } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
    // Older links sent before this reset must not work afterwards.
    await tx.passwordResetToken.updateMany({
      where: { userId: row.userId, usedAt: null },
      data: { usedAt: new Date() },
    });
    return row.userId;
  });
}

export function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  const params = new URLSearchParams({ redirectTo });
  return redirect(`/login?${params}`);
}
