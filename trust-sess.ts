import { serializeSessionCookie } from "~/modules/auth/auth.server";
import { prisma } from "~/utils/db.server";
const role = process.argv[2];
const u = await prisma.user.findFirstOrThrow({ where: { role, status: "ACTIVE" }, select: { id: true } });
const expiresAt = new Date(Date.now() + 86400000);
const s = await prisma.session.create({ data: { userId: u.id, expiresAt }, select: { id: true } });
console.log((await serializeSessionCookie(s.id, expiresAt)).split(";")[0]);
