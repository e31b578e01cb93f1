// What an objector reads behind their secret link (decision 013).
import { prisma } from "~/utils/db.server";
import { OBJECTION_SUBJECT_TYPE } from "./objection";

/** One objection of the given publication type by its token; null (404) for anything else. */
export async function getObjectionByToken(token: string, publicationType: string) {
  if (!token || token.length > 100) return null;
  const row = await prisma.objection.findUnique({
    where: { accessToken: token },
    select: {
      id: true,
      publicationType: true,
      publicationId: true,
      entryId: true,
      name: true,
      content: true,
      status: true,
      reply: true,
      upheldAction: true,
      changedAmountFen: true,
      decidedAt: true,
      createdAt: true,
    },
  });
  if (!row || row.publicationType !== publicationType) return null;
  const evidence = await prisma.attachment.findFirst({
    where: { subjectType: OBJECTION_SUBJECT_TYPE, subjectId: row.id },
    select: { originalName: true },
  });
  const { id: _id, publicationType: _type, ...rest } = row;
  return { ...rest, evidenceName: evidence?.originalName ?? null };
}
