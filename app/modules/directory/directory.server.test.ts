// Automatic listing, carry-over, applications and every removal trigger through the
// write paths that create the facts, on the test database.
import { describe, expect, test } from "vitest";
import { markMissed } from "~/modules/inspection/missed.server";
import { concludeReport } from "~/modules/inspection/review.server";
import { applyGradeChange } from "~/modules/rating/downgrade.server";
import { addCreditRecord } from "~/modules/registry/registry.server";
import { addDays, shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import {
  createDirectoryOrg,
  createOpenEdition,
  inspectionRound,
  listOrganization,
} from "../../../tests/support/directory-fixtures";
import { createTestUser } from "../../../tests/unit/helpers/users";
import { applyToEdition, reviewEntry } from "./applications.server";
import { runDirectoryChecks } from "./checks.server";
import { moveEdition } from "./editions.server";

const thisYear = () => shanghaiParts(new Date()).year;
const entryOf = (editionId: string, organizationId: string) =>
  prisma.directoryEntry.findUnique({
    where: { editionId_organizationId: { editionId, organizationId } },
    select: { status: true, route: true, removalReason: true, removedAt: true, markerGrade: true },
  });

/** Last year's edition, published, with the given organizations listed. */
async function publishedLastYear(staffId: string, organizationIds: string[]) {
  const edition = await prisma.directoryEdition.create({
    data: {
      year: thisYear() - 1,
      title: `${thisYear() - 1}年度推荐性目录`,
      status: "PUBLISHED",
      applyOpensAt: addDays(new Date(), -400),
      applyClosesAt: addDays(new Date(), -370),
      serviceAreas: JSON.stringify(["为老", "助残"]),
      publishedAt: addDays(new Date(), -340),
      createdById: staffId,
    },
    select: { id: true },
  });
  for (const id of organizationIds) await listOrganization(edition.id, id, addDays(new Date(), -340));
  return edition;
}

describe("automatic listing and carry-over", () => {
  test("opening lists 5A organizations that meet every condition, and carries last year's clean entries", async () => {
    const staff = await createTestUser({ role: "ADMIN" });
    const fiveA = await createDirectoryOrg({ grade: 5 });
    const fiveAFailing = await createDirectoryOrg({ grade: 5, staff: 0 });
    const fourA = await createDirectoryOrg({ grade: 4 });
    const carried = await createDirectoryOrg();
    const notCarried = await createDirectoryOrg({ conclusion: "UNQUALIFIED" });
    const last = await publishedLastYear(staff.id, [carried.id, notCarried.id]);

    const edition = await createOpenEdition(thisYear(), staff.id);

    expect(await entryOf(edition.id, fiveA.id)).toMatchObject({
      status: "PASSED",
      route: "AUTO_5A",
      markerGrade: true,
    });
    expect(await entryOf(edition.id, fiveAFailing.id)).toBeNull();
    expect(await entryOf(edition.id, fourA.id)).toBeNull();
    expect(await entryOf(edition.id, carried.id)).toMatchObject({ status: "PASSED", route: "CARRY_OVER" });
    expect(await entryOf(edition.id, notCarried.id)).toBeNull();
    const areas = await prisma.directoryEntryArea.findMany({
      where: { entry: { editionId: edition.id, organizationId: carried.id } },
      select: { area: true },
    });
    expect(areas).toEqual([{ area: "为老" }]);
    expect(await prisma.auditEvent.count({ where: { action: "directory_entry.auto" } })).toBe(2);
    expect(last.id).not.toBe(edition.id);
  });
});

describe("applications and publication", () => {
  test("an organization failing a condition is refused; another applies, is passed and published", async () => {
    const staff = await createTestUser({ role: "ADMIN" });
    const member = await createTestUser();
    const other = await createTestUser();
    const failing = await createDirectoryOrg({ staff: 1, memberUserId: other.id });
    const good = await createDirectoryOrg({ grade: 3, memberUserId: member.id });
    const edition = await createOpenEdition(thisYear(), staff.id);
    const apply = (organizationId: string, userId: string) =>
      applyToEdition({
        editionId: edition.id,
        organizationId,
        userId,
        serviceAreas: ["为老", "社区治理"],
        capability: "专职社工团队为辖区老年人提供助餐、助浴、探访和心理慰藉服务。",
        taxDeclared: true,
        taxNote: "苏财税〔2025〕12号",
      });

    const refused = await apply(failing.id, other.id);
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect(refused.ok ? "" : refused.formErrors?.[0]).toMatch("专职工作人员不少于 2 人");
    expect(await entryOf(edition.id, failing.id)).toBeNull();

    expect(await apply(good.id, member.id)).toEqual({ ok: true });
    const entry = await prisma.directoryEntry.findFirstOrThrow({
      where: { editionId: edition.id, organizationId: good.id },
      select: { id: true, status: true },
    });
    expect(entry.status).toBe("SUBMITTED");
    expect(
      await reviewEntry({
        editionId: edition.id,
        entryId: entry.id,
        decision: "PASSED",
        taxChecked: true,
        actorId: staff.id,
      }),
    ).toEqual({ ok: true });
    expect(await entryOf(edition.id, good.id)).toMatchObject({ status: "PASSED", markerGrade: true });

    await moveEdition(edition.id, "REVIEWING", { id: staff.id });
    await moveEdition(edition.id, "PUBLICITY", { id: staff.id });
    await expect(moveEdition(edition.id, "PUBLISHED", { id: staff.id })).rejects.toThrow("公示期尚未结束");
    await moveEdition(edition.id, "PUBLISHED", { id: staff.id }, addDays(new Date(), 8));
    expect(await entryOf(edition.id, good.id)).toMatchObject({ status: "LISTED" });
    expect(await prisma.notification.count({ where: { userId: member.id, title: { contains: "已发布" } } })).toBe(1);
  });
});

describe("removal triggers", () => {
  async function listed() {
    const staff = await createTestUser({ role: "ADMIN" });
    const member = await createTestUser();
    const org = await createDirectoryOrg({ grade: 4, memberUserId: member.id });
    const edition = await prisma.directoryEdition.create({
      data: {
        year: thisYear(),
        title: "本年度推荐性目录",
        status: "PUBLISHED",
        applyOpensAt: addDays(new Date(), -90),
        applyClosesAt: addDays(new Date(), -60),
        serviceAreas: JSON.stringify(["为老"]),
        publishedAt: addDays(new Date(), -30),
      },
      select: { id: true },
    });
    await listOrganization(edition.id, org.id);
    return { staff, member, org, edition };
  }

  const expectRemoved = async (editionId: string, orgId: string, reason: string | RegExp) => {
    const entry = await entryOf(editionId, orgId);
    expect(entry?.status).toBe("REMOVED");
    expect(entry?.removedAt).not.toBeNull();
    expect(entry?.removalReason).toMatch(reason);
  };

  test("an annual report concluded 不合格", async () => {
    const { staff, member, org, edition } = await listed();
    const year = thisYear();
    const round = await inspectionRound(year);
    const report = await prisma.inspectionReport.create({
      data: { roundId: round.id, organizationId: org.id, year, status: "SUBMITTED", submittedAt: new Date() },
      select: { id: true },
    });
    await concludeReport({
      reportId: report.id,
      conclusion: "UNQUALIFIED",
      reason: "财务制度不健全",
      actorId: staff.id,
    });
    await expectRemoved(edition.id, org.id, `${year}年度年检结论为不合格`);
    expect(await prisma.notification.count({ where: { userId: member.id, title: { startsWith: "已移出" } } })).toBe(1);
  });

  test("an annual report that is late (未参检)", async () => {
    const { staff, org, edition } = await listed();
    const year = thisYear() - 3;
    const round = await prisma.inspectionRound.create({
      data: { year, deadline: addDays(new Date(), -10), foundationDeadline: addDays(new Date(), -20) },
      select: { id: true },
    });
    await prisma.inspectionReport.create({
      data: { roundId: round.id, organizationId: org.id, year, status: "PENDING" },
    });
    await markMissed({ roundId: round.id, actorId: staff.id });
    await expectRemoved(edition.id, org.id, `${year}年度未按期参加年检`);
  });

  test("an administrative penalty and an abnormal listing", async () => {
    const first = await listed();
    await addCreditRecord(
      {
        organizationId: first.org.id,
        kind: "ADMIN_PENALTY",
        description: "违规收费，警告",
        authority: "区民政局",
        decidedAt: new Date(),
      },
      { actorId: first.staff.id },
    );
    await expectRemoved(first.edition.id, first.org.id, "行政处罚：违规收费，警告");

    await prisma.directoryEdition.delete({ where: { id: first.edition.id } });
    const second = await listed();
    await addCreditRecord(
      {
        organizationId: second.org.id,
        kind: "ABNORMAL_LIST",
        description: "通过登记住所无法联系",
        authority: null,
        decidedAt: new Date(),
      },
      { actorId: second.staff.id },
    );
    await expectRemoved(second.edition.id, second.org.id, "列入活动异常名录：通过登记住所无法联系");
  });

  test("a grade cancelled", async () => {
    const { staff, org, edition } = await listed();
    const grade = await prisma.organizationGrade.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true },
    });
    await prisma.$transaction((tx) =>
      applyGradeChange(tx, {
        gradeId: grade.id,
        toGrade: null,
        reason: "提供虚假材料",
        now: new Date(),
        actorId: staff.id,
      }),
    );
    await expectRemoved(edition.id, org.id, "评估等级被取消");
  });

  test("a grade lowered below the minimum, but not above it", async () => {
    const { staff, org, edition } = await listed();
    await prisma.ruleParameter.create({
      data: { key: "directory.minGrade", value: "3", effectiveFrom: addDays(new Date(), -1) },
    });
    const grade = await prisma.organizationGrade.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true },
    });
    await prisma.$transaction((tx) =>
      applyGradeChange(tx, { gradeId: grade.id, toGrade: 3, reason: "跟踪评估", now: new Date(), actorId: staff.id }),
    );
    expect((await entryOf(edition.id, org.id))?.status).toBe("LISTED");
    const lowered = await prisma.organizationGrade.findFirstOrThrow({
      where: { organizationId: org.id, grade: 3 },
      select: { id: true },
    });
    await prisma.$transaction((tx) =>
      applyGradeChange(tx, { gradeId: lowered.id, toGrade: 2, reason: "跟踪评估", now: new Date(), actorId: staff.id }),
    );
    await expectRemoved(edition.id, org.id, "评估等级降为 2A，低于目录要求的 3A");
  });

  test("a venture-philanthropy ban, found by the staff's run checks", async () => {
    const { staff, org, edition } = await listed();
    await prisma.grantBan.create({
      data: {
        organizationId: org.id,
        reason: "项目被终止",
        startsAt: addDays(new Date(), -1),
        endsAt: addDays(new Date(), 700),
      },
    });
    expect((await entryOf(edition.id, org.id))?.status).toBe("LISTED");
    const result = await runDirectoryChecks(edition.id, { id: staff.id });
    expect(result).toMatchObject({ checked: 1, removed: 1 });
    await expectRemoved(edition.id, org.id, /公益创投禁入至.*项目被终止/);
  });
});
