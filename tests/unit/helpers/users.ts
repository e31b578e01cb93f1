import crypto from "node:crypto";
import { hashPassword } from "~/modules/auth/auth.server";
import { prisma } from "~/utils/db.server";

export const PASSWORD = "Correct1horse";

/** Creates a user with a password straight in the test database. */
export async function createTestUser({
  role = "ORG_MEMBER",
  status = "ACTIVE",
  password = PASSWORD,
  email,
}: { role?: string; status?: string; password?: string | null; email?: string } = {}) {
  const suffix = crypto.randomBytes(4).toString("hex");
  return prisma.user.create({
    data: {
      email: email ?? `user-${suffix}@test.yimiao.local`,
      name: `测试${suffix.slice(0, 4)}`,
      role,
      status,
      ...(password ? { password: { create: { hash: await hashPassword(password) } } } : {}),
    },
    select: { id: true, email: true, role: true },
  });
}
