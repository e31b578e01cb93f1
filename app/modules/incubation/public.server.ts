// What the public sees of the base: who is in residence, who graduated.
import { PUBLIC_ORG_STATUSES } from "~/modules/organizations/directory.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { incubationStatusLabel, PUBLIC_INCUBATION_STATES } from "./labels";

const publicOrgWhere = { status: { in: [...PUBLIC_ORG_STATUSES] } } satisfies Prisma.OrganizationWhereInput;

/**
 * The public incubation page: organizations in residence (with their term)
 * and those that graduated (with the exit date). Only organizations whose
 * registration is public are named; groups still preparing are only counted.
 */
export async function listPublicIncubations({
  residentPage,
  graduatedPage,
}: {
  residentPage: number;
  graduatedPage: number;
}) {
  const select = {
    id: true,
    termStart: true,
    termEnd: true,
    exitAt: true,
    organization: { select: { id: true, name: true, type: true } },
  } satisfies Prisma.IncubationApplicationSelect;
  const residentWhere = {
    status: "IN_RESIDENCE",
    organization: publicOrgWhere,
  } satisfies Prisma.IncubationApplicationWhereInput;
  const graduatedWhere = {
    status: "GRADUATED",
    organization: publicOrgWhere,
  } satisfies Prisma.IncubationApplicationWhereInput;
  const [residentTotal, residents, graduatedTotal, graduated, preparingInResidence] = await Promise.all([
    prisma.incubationApplication.count({ where: residentWhere }),
    prisma.incubationApplication.findMany({
      where: residentWhere,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (residentPage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select,
    }),
    prisma.incubationApplication.count({ where: graduatedWhere }),
    prisma.incubationApplication.findMany({
      where: graduatedWhere,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (graduatedPage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select,
    }),
    prisma.incubationApplication.count({ where: { status: "IN_RESIDENCE", organization: { status: "PREPARING" } } }),
  ]);
  return { residentTotal, residents, graduatedTotal, graduated, preparingInResidence };
}

/**
 * One organization's public incubation history, for its directory page:
 * its stays in the base (in residence or graduated), newest first. Nothing
 * for organizations that are not public. Applications, rejections and 退驻
 * are not published.
 */
export async function listPublicIncubationHistory(organizationId: string) {
  const rows = await prisma.incubationApplication.findMany({
    where: {
      organizationId,
      status: { in: [...PUBLIC_INCUBATION_STATES] },
      organization: publicOrgWhere,
    },
    orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, termStart: true, termEnd: true, exitAt: true },
  });
  return rows.map((row) => ({ ...row, statusLabel: incubationStatusLabel(row.status) }));
}
