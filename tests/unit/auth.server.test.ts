import bcrypt from "bcryptjs";
import { describe, expect, test } from "vitest";
import {
  createPasswordResetToken,
  findUsableResetToken,
  getUser,
  resetPasswordWithToken,
  serializeSessionCookie,
  verifyLogin,
} from "~/modules/auth/auth.server";
import { LOCK_MINUTES } from "~/modules/auth/lockout";
import { RESET_TOKEN_MINUTES } from "~/modules/auth/password-reset";
import { prisma } from "~/utils/db.server";
import { createTestUser, PASSWORD } from "./helpers/users";

const WRONG = "Wrong1password";

async function userState(id: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id },
    select: { failedLoginCount: true, lockedUntil: true, lastLoginAt: true },
  });
}

function lockEvents(userId: string) {
  return prisma.auditEvent.findMany({ where: { action: "user.lock", entityId: userId } });
}

describe("verifyLogin", () => {
  test("the right password logs in and records the time", async () => {
    const user = await createTestUser();
    const now = new Date("2026-05-31T01:00:00Z");
    expect(await verifyLogin(user.email, PASSWORD, { now })).toEqual({ ok: true, userId: user.id });
    expect((await userState(user.id)).lastLoginAt).toEqual(now);
  });

  test("a wrong password is refused and counted", async () => {
    const user = await createTestUser();
    expect(await verifyLogin(user.email, WRONG)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin(user.email, WRONG)).toEqual({ ok: false, reason: "invalid" });
    expect((await userState(user.id)).failedLoginCount).toBe(2);
  });

  test("an unknown email is refused like a wrong password", async () => {
    expect(await verifyLogin("nobody@test.yimiao.local", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  test("a user without a password cannot log in", async () => {
    const user = await createTestUser({ password: null });
    expect(await verifyLogin(user.email, "")).toMatchObject({ ok: false, reason: "invalid" });
  });

  test("four wrong passwords then the right one logs in and resets the count", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 4; i++) expect((await verifyLogin(user.email, WRONG)).ok).toBe(false);
    expect((await userState(user.id)).failedLoginCount).toBe(4);

    expect(await verifyLogin(user.email, PASSWORD)).toEqual({ ok: true, userId: user.id });
    expect(await userState(user.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });

    // The count really started over: four more failures still do not lock.
    for (let i = 0; i < 4; i++) await verifyLogin(user.email, WRONG);
    expect((await userState(user.id)).lockedUntil).toBeNull();
    expect(await lockEvents(user.id)).toHaveLength(0);
  });

  test("five wrong passwords lock the account for 15 minutes, even against the right password", async () => {
    const user = await createTestUser();
    const now = new Date("2026-05-31T02:00:00Z");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await verifyLogin(user.email, WRONG, { now }));

    expect(results.slice(0, 4).map((r) => r.ok === false && r.reason)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "invalid",
    ]);
    const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    expect(results[4]).toEqual({ ok: false, reason: "locked", lockedUntil });
    expect((await userState(user.id)).lockedUntil).toEqual(lockedUntil);

    // During the lock even the right password is refused and changes nothing.
    const during = new Date(lockedUntil.getTime() - 1);
    expect(await verifyLogin(user.email, PASSWORD, { now: during })).toEqual({
      ok: false,
      reason: "locked",
      lockedUntil,
    });
    expect(await verifyLogin(user.email, WRONG, { now: during })).toEqual({ ok: false, reason: "locked", lockedUntil });
    expect((await userState(user.id)).lastLoginAt).toBeNull();

    // When the lock ends, the right password works again.
    expect(await verifyLogin(user.email, PASSWORD, { now: lockedUntil })).toEqual({ ok: true, userId: user.id });
    expect(await userState(user.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  test("locking writes exactly one user.lock audit event with the client IP", async () => {
    const user = await createTestUser();
    const now = new Date("2026-05-31T03:00:00Z");
    const request = new Request("http://localhost/login", { headers: { "x-yimiao-client-ip": "203.0.113.7" } });
    for (let i = 0; i < 5; i++) await verifyLogin(user.email, WRONG, { now, request });
    // Attempts during the lock must not log another lock.
    for (let i = 0; i < 3; i++)
      await verifyLogin(user.email, WRONG, { now: new Date(now.getTime() + 60_000), request });

    const events = await lockEvents(user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: null,
      entityType: "User",
      entityId: user.id,
      toState: "LOCKED",
      reason: "连续 5 次密码错误",
      ip: "203.0.113.7",
    });
    expect(await prisma.auditEvent.count()).toBe(1);
  });

  // Guesses sent at once must not slip past the lock by overwriting each other's count.
  test("parallel wrong passwords still lock the account", async () => {
    const user = await createTestUser();
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyLogin(user.email, WRONG)));
    expect(results.some((r) => !r.ok && r.reason === "locked")).toBe(true);
    expect((await userState(user.id)).lockedUntil).not.toBeNull();
  });

  test("a disabled user is refused as disabled only after the right password", async () => {
    const user = await createTestUser({ status: "DISABLED" });
    expect(await verifyLogin(user.email, WRONG)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin(user.email, PASSWORD)).toEqual({ ok: false, reason: "disabled" });
    expect((await userState(user.id)).lastLoginAt).toBeNull();
  });
});

describe("getUser", () => {
  async function requestWithSession(userId: string, expiresAt = new Date(Date.now() + 3_600_000)) {
    const session = await prisma.session.create({ data: { userId, expiresAt }, select: { id: true } });
    const cookie = (await serializeSessionCookie(session.id, expiresAt)).split(";")[0];
    return new Request("http://localhost/", { headers: { Cookie: cookie } });
  }

  test("returns the active user of a valid session", async () => {
    const user = await createTestUser({ role: "ADMIN" });
    expect(await getUser(await requestWithSession(user.id))).toMatchObject({ id: user.id, role: "ADMIN" });
  });

  test("ignores expired sessions, disabled users and forged cookies", async () => {
    const user = await createTestUser();
    expect(await getUser(await requestWithSession(user.id, new Date(Date.now() - 1000)))).toBeNull();

    const disabled = await createTestUser({ status: "DISABLED" });
    expect(await getUser(await requestWithSession(disabled.id))).toBeNull();

    // A cookie not signed with our secret is ignored.
    const session = await prisma.session.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
      select: { id: true },
    });
    const forged = `yimiao_session=${Buffer.from(JSON.stringify({ sessionId: session.id })).toString("base64")}`;
    expect(await getUser(new Request("http://localhost/", { headers: { Cookie: forged } }))).toBeNull();
  });
});

describe("password reset", () => {
  test("stores only a hash of the token, valid for 30 minutes", async () => {
    const user = await createTestUser();
    const before = Date.now();
    const token = await createPasswordResetToken(user.id);
    const rows = await prisma.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const lifetime = rows[0].expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan((RESET_TOKEN_MINUTES - 1) * 60_000);
    expect(lifetime).toBeLessThanOrEqual(RESET_TOKEN_MINUTES * 60_000 + 1000);
    expect(await findUsableResetToken(token)).toMatchObject({ userId: user.id, user: { email: user.email } });
  });

  test("a token works once: sets the password, unlocks, and cannot be reused", async () => {
    const user = await createTestUser();
    await prisma.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 3, lockedUntil: new Date(Date.now() + 600_000) },
    });
    const token = await createPasswordResetToken(user.id);

    expect(await resetPasswordWithToken(token, "NewSecret99")).toBe(user.id);
    const hash = (await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash;
    expect(await bcrypt.compare("NewSecret99", hash)).toBe(true);
    expect(await userState(user.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect(await verifyLogin(user.email, "NewSecret99")).toEqual({ ok: true, userId: user.id });
    expect(await verifyLogin(user.email, PASSWORD)).toMatchObject({ ok: false, reason: "invalid" });

    // Second use: refused, and the password stays what the first use set.
    expect(await findUsableResetToken(token)).toBeNull();
    expect(await resetPasswordWithToken(token, "Hijacked123")).toBeNull();
    const after = (await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash;
    expect(after).toBe(hash);
  });

  test("an expired token is refused and changes nothing", async () => {
    const user = await createTestUser();
    const token = await createPasswordResetToken(user.id);
    await prisma.passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findUsableResetToken(token)).toBeNull();
    expect(await resetPasswordWithToken(token, "NewSecret99")).toBeNull();
    expect(await verifyLogin(user.email, PASSWORD)).toEqual({ ok: true, userId: user.id });
    const row = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.usedAt).toBeNull();
  });

  test("an unknown token is refused", async () => {
    expect(await findUsableResetToken("not-a-real-token")).toBeNull();
    expect(await resetPasswordWithToken("not-a-real-token", "NewSecret99")).toBeNull();
  });

  test("resetting ends every session of that user, and only that user", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const expiresAt = new Date(Date.now() + 86_400_000);
    await prisma.session.createMany({
      data: [
        { userId: user.id, expiresAt },
        { userId: user.id, expiresAt },
        { userId: other.id, expiresAt },
      ],
    });
    const token = await createPasswordResetToken(user.id);
    expect(await resetPasswordWithToken(token, "NewSecret99")).toBe(user.id);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: other.id } })).toBe(1);
  });

  test("a user without a password gets one from a reset", async () => {
    const user = await createTestUser({ password: null });
    const token = await createPasswordResetToken(user.id);
    expect(await resetPasswordWithToken(token, "FirstPass1")).toBe(user.id);
    expect(await verifyLogin(user.email, "FirstPass1")).toEqual({ ok: true, userId: user.id });
  });
});
