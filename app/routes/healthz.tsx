import { prisma } from "~/utils/db.server";

// Used by the test runner and deployments to know the app and database are up.
export async function loader() {
  await prisma.$queryRawUnsafe("SELECT 1");
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
