// Arrangements shared by the directory specs: an organization whose record meets
// every necessary condition (registered, last year's report concluded 合格 with
// enough full-time staff), and a year of its own for a test edition.
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

/**
 * Each spec's edition has a year of its own, far from the seed's: specs run two at a time on one
 * database, so one spec must never delete or supersede another's edition. The organization's
 * page (/org/directory) shows the highest year, which is directory-review's (an open edition).
 */
const SPEC_YEARS = { review: 2099, publish: 2098, removal: 2097 } as const;

/** The spec's edition year, cleared of a previous attempt's edition (a retry must not meet it). */
export async function freshEditionYear(spec: keyof typeof SPEC_YEARS) {
  const year = SPEC_YEARS[spec];
  await prisma.directoryEdition.deleteMany({ where: { year } });
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
