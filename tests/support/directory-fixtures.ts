// Records for the directory's tests (vitest and Playwright): an organization with
// the record the necessary conditions read, and an edition moved through the
// directory module's own functions.
import crypto from "node:crypto";
import { createEdition, moveEdition } from "~/modules/directory/editions.server";
import { lastInspectionYear } from "~/modules/grants/calls/eligibility";
import { addDays, shanghaiMidnight, shanghaiParts, toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

export type DirectoryOrgOptions = {
  name?: string;
  category?: string;
  /** a grade in force today */
  grade?: number | null;
  /** 专职工作人员数 in last year's report */
  staff?: number;
  /** last year's conclusion (null: no report) */
  conclusion?: "QUALIFIED" | "BASIC" | "UNQUALIFIED" | null;
  street?: string;
  memberUserId?: string;
};

/** An inspection round for `year` (one per year, shared by every test that needs it). */
export async function inspectionRound(year: number) {
  return prisma.inspectionRound.upsert({
    where: { year },
    update: {},
    create: {
      year,
      deadline: shanghaiMidnight(year + 1, 5, 31),
      foundationDeadline: shanghaiMidnight(year + 1, 3, 31),
    },
    select: { id: true },
  });
}

/** A registered organization that meets every condition unless told otherwise. */
export async function createDirectoryOrg(options: DirectoryOrgOptions = {}) {
  const suffix = crypto.randomBytes(4).toString("hex");
  const now = new Date();
  const org = await prisma.organization.create({
    data: {
      name: options.name ?? `目录测试服务中心${suffix}`,
      type: options.category === "行业协会商会" ? "SOCIAL_GROUP" : "SOCIAL_SERVICE",
      category: options.category ?? "公益慈善类",
      status: "REGISTERED",
      registeredAt: shanghaiMidnight(2018, 3, 1),
      address: `南京市江宁区${options.street ?? "东山街道"}测试路${suffix}号`,
      ...(options.memberUserId ? { memberships: { create: { userId: options.memberUserId, role: "OWNER" } } } : {}),
    },
    select: { id: true, name: true },
  });
  const year = lastInspectionYear(now);
  if (options.conclusion !== null) {
    const round = await inspectionRound(year);
    await prisma.inspectionReport.create({
      data: {
        roundId: round.id,
        organizationId: org.id,
        year,
        status: "CONCLUDED",
        conclusion: options.conclusion ?? "QUALIFIED",
        concludedAt: addDays(now, -60),
        submittedAt: addDays(now, -90),
        data: JSON.stringify({ staffCount: options.staff ?? 3 }),
      },
    });
  }
  if (options.grade) {
    const y = shanghaiParts(now).year;
    await prisma.organizationGrade.create({
      data: {
        organizationId: org.id,
        grade: options.grade,
        announcedAt: shanghaiMidnight(y - 1, 12, 1),
        validFrom: shanghaiMidnight(y - 1, 12, 1),
        validTo: shanghaiMidnight(y + 3, 12, 31),
      },
    });
    await prisma.organization.update({ where: { id: org.id }, data: { currentGrade: options.grade } });
  }
  return org;
}

/** An edition for `year` open for applications since yesterday, closing in 30 days. */
export async function createOpenEdition(year: number, staffId: string, now = new Date()) {
  const created = await createEdition(
    {
      year,
      title: `${year}年度政府购买服务推荐性目录`,
      applyOpensAt: toDateInput(addDays(now, -1)),
      applyClosesAt: toDateInput(addDays(now, 30)),
      serviceAreas: "为老、助残、青少年、社区治理、社会工作、其他",
      publicityDays: 7,
    },
    { id: staffId },
  );
  if (!created.ok) throw new Error(`createOpenEdition: ${created.formErrors?.join() ?? "refused"}`);
  await moveEdition(created.id, "OPEN", { id: staffId }, now);
  return { id: created.id };
}

/** Deletes `year`'s edition (a retried e2e attempt starts clean). */
export async function deleteEdition(year: number) {
  await prisma.directoryEdition.deleteMany({ where: { year } });
}

/** Puts an organization straight into an edition as LISTED (for removal tests: the listing itself is tested elsewhere). */
export async function listOrganization(editionId: string, organizationId: string, listedAt = addDays(new Date(), -30)) {
  return prisma.directoryEntry.create({
    data: {
      editionId,
      organizationId,
      route: "APPLIED",
      status: "LISTED",
      street: "东山街道",
      capability: "长期为社区老年人提供助餐、助浴和上门探访服务，专职社工 3 人。",
      decidedAt: listedAt,
      listedAt,
      areas: { create: [{ area: "为老" }] },
    },
    select: { id: true },
  });
}
