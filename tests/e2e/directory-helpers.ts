// Arrangements shared by the directory specs: an organization whose record meets
// every necessary condition (registered, last year's report concluded 合格 with
// enough full-time staff), and a year of its own for a test edition.
import crypto from "node:crypto";
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

/** A year far from the seed's editions, fresh per attempt (a retry must not meet the first try's edition). */
export async function freshEditionYear() {
  const year = 2090 + crypto.randomInt(0, 10);
  await prisma.directoryEdition.deleteMany({ where: { year: { gte: 2090 } } });
  return year;
}

export async function lastYearRound() {
  const lastYear = shanghaiParts(new Date()).year - 1;
  return prisma.inspectionRound.upsert({
    where: { year: lastYear },
    create: {
      year: lastYear,
      deadline: new Date(`${lastYear + 1}-05-31T23:59:59+08:00`),
      foundationDeadline: new Date(`${lastYear + 1}-03-31T23:59:59+08:00`),
    },
    update: {},
    select: { id: true, year: true },
  });
}

/** Registered, with an address in a street, and last year's report concluded 合格 with `staff` full-time staff. */
export async function makeEligible(organizationId: string, input: { street: string; staff?: number }) {
  await prisma.organization.update({
    where: { id: organizationId },
    data: {
      status: "REGISTERED",
      registeredAt: new Date("2021-06-01T00:00:00+08:00"),
      address: `南京市江宁区${input.street}竹山路 18 号`,
    },
  });
  const round = await lastYearRound();
  await prisma.inspectionReport.create({
    data: {
      roundId: round.id,
      organizationId,
      year: round.year,
      status: "CONCLUDED",
      conclusion: "QUALIFIED",
      concludedAt: new Date(),
      data: JSON.stringify({ staffCount: String(input.staff ?? 4) }),
    },
  });
}
