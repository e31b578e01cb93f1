import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { GRANT_SUBJECT_TYPE } from "./applications/application-form";
import { GRANT_PUBLICATION_TYPE } from "./publicity/publicity";
import { grantStaffQueue } from "./queue.server";

const DAY = 86_400_000;
const now = new Date("2027-03-01T04:00:00Z");

async function call(title: string, reviewStage: string, createdById: string, screeningEndsAt: Date) {
  return prisma.grantCall.create({
    data: {
      title,
      year: 2027,
      description: "面向全区社会组织征集公益服务项目。",
      status: "PUBLISHED",
      poolFen: BigInt(50_000_000),
      perProjectCapFen: 10_000_000,
      maxGrantSharePct: 80,
      overheadCapPct: 10,
      applyOpensAt: new Date(now.getTime() - 60 * DAY),
      applyClosesAt: new Date(now.getTime() - 30 * DAY),
      screeningEndsAt,
      reviewEndsAt: new Date(now.getTime() + 30 * DAY),
      signingEndsAt: new Date(now.getTime() + 60 * DAY),
      reviewStage,
      reviewersPerApplication: 3,
      createdById,
    },
    select: { id: true },
  });
}

async function applications(callId: string, organizationId: string, createdById: string, statuses: string[]) {
  const ids: string[] = [];
  for (const status of statuses) {
    const app = await prisma.grantApplication.create({
      data: { callId, organizationId, createdById, status, title: `项目${ids.length}`, category: "为老" },
      select: { id: true },
    });
    ids.push(app.id);
  }
  return ids;
}

describe("grantStaffQueue", () => {
  test("counts each active call's applications to screen, missing reviewers and pending objections", async () => {
    const staff = await prisma.user.create({ data: { email: "staff@example.com", name: "王敏", role: "ADMIN" } });
    const reviewer = await prisma.user.create({ data: { email: "r@example.com", name: "李评", role: "REVIEWER" } });
    const org = await prisma.organization.create({ data: { name: "竹山社区服务中心", type: "SOCIAL_SERVICE" } });
    const reviewing = await call("甲", "OPEN", staff.id, new Date(now.getTime() - DAY));
    const screening = await call("乙", "RANKED", staff.id, new Date(now.getTime() + 5 * DAY));
    const confirmed = await call("丙", "CONFIRMED", staff.id, new Date(now.getTime() - DAY));
    await applications(reviewing.id, org.id, staff.id, ["SUBMITTED", "SUBMITTED", "DRAFT"]);
    const screened = await applications(reviewing.id, org.id, staff.id, ["SCREEN_PASSED", "SCREEN_PASSED"]);
    await applications(screening.id, org.id, staff.id, ["SUBMITTED", "SCREEN_PASSED"]);
    await applications(confirmed.id, org.id, staff.id, ["SUBMITTED"]);
    // 2 screened × 3 reviewers = 6 tasks needed; 2 count (ASSIGNED, SUBMITTED), a recused one does not.
    const assignment = (subjectId: string, status: string, n: number) => ({
      subjectType: GRANT_SUBJECT_TYPE,
      subjectId,
      roundId: reviewing.id,
      reviewerId: reviewer.id,
      status,
      assignmentSeed: String(n),
    });
    await prisma.reviewAssignment.create({ data: assignment(screened[0]!, "ASSIGNED", 1) });
    await prisma.reviewAssignment.create({ data: assignment(screened[1]!, "SUBMITTED", 2) });
    const another = await prisma.user.create({ data: { email: "r2@example.com", name: "赵评", role: "REVIEWER" } });
    await prisma.reviewAssignment.create({
      data: { ...assignment(screened[0]!, "RECUSED", 3), reviewerId: another.id },
    });
    const objection = (publicationId: string, status: string, n: number) => ({
      publicationType: GRANT_PUBLICATION_TYPE,
      publicationId,
      entryType: GRANT_SUBJECT_TYPE,
      entryId: screened[0]!,
      name: "张三",
      contact: "13800000000",
      content: "异议",
      status,
      accessToken: `token-${n}`,
    });
    await prisma.objection.create({ data: objection(reviewing.id, "RECEIVED", 1) });
    await prisma.objection.create({ data: objection(reviewing.id, "DISMISSED", 2) });
    await prisma.objection.create({ data: objection(screening.id, "RECEIVED", 3) });
    await prisma.objection.create({ data: objection(screening.id, "RECEIVED", 4) });

    const lines = await grantStaffQueue({ now });
    const line = (key: string) => (Array.isArray(lines) ? lines : []).find((l) => l.key === key);

    expect(line(`grants.screen.${reviewing.id}`)).toMatchObject({ count: 2, overdue: 2 });
    expect(line(`grants.reviewers.${reviewing.id}`)).toMatchObject({
      count: 1,
      label: "评审专家不足（缺 4 人次） · 甲",
    });
    expect(line(`grants.objections.${reviewing.id}`)).toMatchObject({ count: 1 });
    // Not in review: screened applications do not make it short of reviewers; not yet overdue.
    expect(line(`grants.screen.${screening.id}`)).toMatchObject({ count: 1, overdue: 0 });
    expect(line(`grants.reviewers.${screening.id}`)).toMatchObject({
      count: 0,
      label: "评审专家不足（缺 0 人次） · 乙",
    });
    expect(line(`grants.objections.${screening.id}`)).toMatchObject({ count: 2 });
    // A confirmed call has no lines.
    expect(line(`grants.screen.${confirmed.id}`)).toBeUndefined();
  });
});
