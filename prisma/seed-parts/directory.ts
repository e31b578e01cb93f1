// Demo data of the recommended directory (#15): last year's edition published and in force,
// with listed organizations (one removed during the year, with its date and reason), and this
// year's edition in its publicity, its proposed list open to objections.
import type { PrismaClient } from "~/generated/prisma/client";
import { DIRECTORY_RULES } from "~/modules/config/rules-directory";
import { streetOf } from "~/modules/directory/conditions";
import { daysFromToday, lastYear, thisYear } from "./dates";

const AREAS = DIRECTORY_RULES["directory.serviceAreas"].defaultValue;

export async function seedDirectory(prisma: PrismaClient) {
  if ((await prisma.directoryEdition.count({ where: { year: { in: [lastYear, thisYear] } } })) > 0) return;
  const orgs = await prisma.organization.findMany({
    where: { status: "REGISTERED" },
    orderBy: [{ currentGrade: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    select: { id: true, address: true, currentGrade: true },
    take: 10,
  });
  if (orgs.length < 6) return;
  const areas = JSON.stringify(AREAS);
  const published = await prisma.directoryEdition.create({
    data: {
      year: lastYear,
      title: `${lastYear}年度政府购买服务推荐性目录`,
      status: "PUBLISHED",
      applyOpensAt: daysFromToday(-300),
      applyClosesAt: daysFromToday(-270),
      serviceAreas: areas,
      publicityDays: 7,
      publicityStartsAt: daysFromToday(-260),
      publicityEndsAt: daysFromToday(-253),
      publishedAt: daysFromToday(-252),
    },
  });
  const inPublicity = await prisma.directoryEdition.create({
    data: {
      year: thisYear,
      title: `${thisYear}年度政府购买服务推荐性目录`,
      status: "PUBLICITY",
      applyOpensAt: daysFromToday(-40),
      applyClosesAt: daysFromToday(-10),
      serviceAreas: areas,
      publicityDays: 7,
      publicityStartsAt: daysFromToday(-2),
      publicityEndsAt: daysFromToday(5),
    },
  });
  for (const [i, org] of orgs.slice(0, 6).entries()) {
    const removed = i === 5;
    await prisma.directoryEntry.create({
      data: {
        editionId: published.id,
        organizationId: org.id,
        route: (org.currentGrade ?? 0) >= 5 ? "AUTO_5A" : "APPLIED",
        status: removed ? "REMOVED" : "LISTED",
        street: streetOf(org.address),
        markerGrade: (org.currentGrade ?? 0) >= 3,
        submittedAt: daysFromToday(-280),
        decidedAt: daysFromToday(-265),
        listedAt: daysFromToday(-252),
        removedAt: removed ? daysFromToday(-60) : null,
        removalReason: removed ? "年度检查结论为不合格" : null,
        areas: { create: [{ area: AREAS[i % AREAS.length]! }] },
      },
    });
  }
  // The organization removed last year is not proposed again.
  for (const [i, org] of orgs
    .filter((_, n) => n !== 5)
    .slice(2)
    .entries()) {
    await prisma.directoryEntry.create({
      data: {
        editionId: inPublicity.id,
        organizationId: org.id,
        route: (org.currentGrade ?? 0) >= 5 ? "AUTO_5A" : "CARRY_OVER",
        status: "PASSED",
        street: streetOf(org.address),
        markerGrade: (org.currentGrade ?? 0) >= 3,
        submittedAt: daysFromToday(-20),
        decidedAt: daysFromToday(-5),
        areas: { create: [{ area: AREAS[(i + 1) % AREAS.length]! }] },
      },
    });
  }
}
