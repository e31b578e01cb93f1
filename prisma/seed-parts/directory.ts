// Demo data of the recommended directory (#15), every date from the seed's today:
// - the edition of the year before last, superseded;
// - last year's edition, put in publicity with two objections (one upheld: that
//   organization is struck; one dismissed), then published through the app's own
//   writes, which list the proposed organizations and supersede the older edition;
//   during the year an administrative penalty recorded through the registry's write
//   takes one organization off it at once, with the date and reason shown publicly;
// - this year's edition open for applications (window still open), with organizations
//   listed automatically (5A), carried over from last year, and applications in each
//   phase (待审核, 退回补正, 拟列入, 不予列入).
// 江宁区悦动体育健身俱乐部 (demo account yuedong@) fails a necessary condition (on the
// abnormal-activity list) and is told which before it applies.
// This year's entries are written as rows: the conditions are read from the record on the
// day, and in spring last year's annual reports are not concluded yet, so the app's
// automatic listing would put nobody on the list then.
import type { PrismaClient } from "~/generated/prisma/client";
import { DIRECTORY_RULES } from "~/modules/config/rules-directory";
import { streetOf } from "~/modules/directory/conditions";
import { moveEdition } from "~/modules/directory/editions.server";
import type { EntryRoute, EntryState } from "~/modules/directory/entry-workflow";
import { decideDirectoryObjection, directoryObjectionTarget } from "~/modules/directory/objections.server";
import { fileObjection } from "~/modules/publicity/file-objection.server";
import { addCreditRecord } from "~/modules/registry/registry.server";
import { daysFromToday, endOfDayFromToday, lastYear, thisYear } from "./dates";
import { SEED_REQUEST, seedStaff } from "./funding-seed-projects";
import { atStoryTime } from "./story-clock";

const AREAS = DIRECTORY_RULES["directory.serviceAreas"].defaultValue;
const title = (year: number) => `${year}年度政府购买服务推荐性目录`;

type Entry = {
  name: string;
  route: EntryRoute;
  status: EntryState;
  areas: string[];
  capability?: string;
  returnNote?: string;
  rejectReason?: string;
};

/** The edition of the year before last, superseded when last year's was published. */
const OLDEST: Entry[] = [
  { name: "江宁区老年协会", route: "AUTO_5A", status: "LISTED", areas: ["为老"] },
  { name: "江宁区慈善基金会", route: "AUTO_5A", status: "LISTED", areas: ["社会工作", "其他"] },
  { name: "江宁区阳光社会工作服务中心", route: "APPLIED", status: "LISTED", areas: ["社会工作", "社区治理"] },
  { name: "江宁区同心社会工作服务中心", route: "CARRY_OVER", status: "LISTED", areas: ["社会工作"] },
];

/** Last year's proposed list, as put in publicity. */
const LAST_YEAR: Entry[] = [
  { name: "江宁区老年协会", route: "AUTO_5A", status: "PASSED", areas: ["为老"] },
  { name: "江宁区慈善基金会", route: "AUTO_5A", status: "PASSED", areas: ["社会工作", "其他"] },
  { name: "江宁区阳光社会工作服务中心", route: "CARRY_OVER", status: "PASSED", areas: ["社会工作", "社区治理"] },
  { name: "江宁区同心社会工作服务中心", route: "CARRY_OVER", status: "PASSED", areas: ["社会工作"] },
  { name: "江宁区志愿者协会", route: "APPLIED", status: "PASSED", areas: ["社区治理", "其他"] },
  { name: "江宁区康宁护理院", route: "APPLIED", status: "PASSED", areas: ["为老", "助残"] },
  { name: "江宁区东山街道居家养老服务中心", route: "APPLIED", status: "PASSED", areas: ["为老"] },
  { name: "江宁区博雅艺术培训中心", route: "APPLIED", status: "PASSED", areas: ["青少年"] },
  {
    name: "江宁区智汇科技创新服务中心",
    route: "APPLIED",
    status: "REJECTED",
    areas: ["其他"],
    rejectReason: "服务能力说明所列业务均为企业技术咨询，不属于政府向社会组织购买服务的范围。",
  },
];

/** This year's edition, open: automatic entries and applications in each phase. */
const THIS_YEAR: Entry[] = [
  { name: "江宁区老年协会", route: "AUTO_5A", status: "PASSED", areas: ["为老"] },
  { name: "江宁区慈善基金会", route: "AUTO_5A", status: "PASSED", areas: ["社会工作", "其他"] },
  { name: "江宁区阳光社会工作服务中心", route: "CARRY_OVER", status: "PASSED", areas: ["社会工作", "社区治理"] },
  { name: "江宁区同心社会工作服务中心", route: "CARRY_OVER", status: "PASSED", areas: ["社会工作"] },
  { name: "江宁区志愿者协会", route: "CARRY_OVER", status: "PASSED", areas: ["社区治理", "其他"] },
  { name: "江宁区东山街道居家养老服务中心", route: "CARRY_OVER", status: "PASSED", areas: ["为老"] },
  { name: "江宁区乐龄社区服务中心", route: "APPLIED", status: "PASSED", areas: ["为老", "社区治理"] },
  { name: "江宁区心晴心理咨询服务中心", route: "APPLIED", status: "SUBMITTED", areas: ["青少年", "社会工作"] },
  { name: "江宁区百家湖社区发展服务中心", route: "APPLIED", status: "SUBMITTED", areas: ["社区治理"] },
  {
    name: "江宁区星语儿童康复中心",
    route: "APPLIED",
    status: "RETURNED",
    areas: ["助残", "青少年"],
    returnNote: "请补充康复师的执业资格和近一年服务的儿童人数。",
  },
  {
    name: "江宁区启航职业技能培训学校",
    route: "APPLIED",
    status: "REJECTED",
    areas: ["其他"],
    rejectReason: "申报的服务均为收费的职业技能培训，不属于政府购买服务的范围。",
  },
];

const CAPABILITY: Record<string, string> = {
  江宁区阳光社会工作服务中心: "专职社工 12 名，承接街道社工站运营，年服务困境家庭 300 余户。",
  江宁区志愿者协会: "注册志愿者 2,000 余人，常年组织社区志愿服务和大型活动保障。",
  江宁区康宁护理院: "护理床位 120 张，医护人员 40 名，提供失能老人长期照护。",
  江宁区东山街道居家养老服务中心: "为辖区 600 余名居家老人提供助餐、助洁和探访服务。",
  江宁区博雅艺术培训中心: "为社区青少年开设公益美术、书法课程，年服务 800 人次。",
  江宁区乐龄社区服务中心: "运营 3 个社区日间照料站，年服务老人 1.2 万人次。",
  江宁区心晴心理咨询服务中心: "持证心理咨询师 8 名，为中小学和社区提供心理健康服务。",
  江宁区百家湖社区发展服务中心: "协助 6 个社区开展居民议事和社区营造项目。",
  江宁区星语儿童康复中心: "为孤独症和发育迟缓儿童提供康复训练，在训儿童 60 名。",
  江宁区启航职业技能培训学校: "开设电工、育婴师等职业技能培训班。",
  江宁区智汇科技创新服务中心: "为中小企业提供技术咨询和知识产权服务。",
};

type Org = { id: string; name: string; address: string | null; currentGrade: number | null };

async function createEntries(
  prisma: PrismaClient,
  editionId: string,
  entries: Entry[],
  orgs: Map<string, Org>,
  times: { submittedAt: Date; decidedAt: Date; listedAt: Date | null },
) {
  for (const e of entries) {
    const org = orgs.get(e.name);
    if (!org) continue;
    const decided = e.status !== "SUBMITTED";
    await prisma.directoryEntry.create({
      data: {
        editionId,
        organizationId: org.id,
        route: e.route,
        status: e.status,
        street: streetOf(org.address),
        capability: CAPABILITY[e.name] ?? null,
        markerGrade: (org.currentGrade ?? 0) >= 3,
        returnNote: e.returnNote ?? null,
        rejectReason: e.rejectReason ?? null,
        submittedAt: e.route === "APPLIED" ? times.submittedAt : null,
        decidedAt: decided ? times.decidedAt : null,
        listedAt: e.status === "LISTED" ? times.listedAt : null,
        areas: { create: e.areas.map((area) => ({ area })) },
      },
    });
  }
}

export async function seedDirectory(prisma: PrismaClient) {
  if ((await prisma.directoryEdition.count({ where: { year: { in: [lastYear, thisYear] } } })) > 0) return;
  const names = [...new Set([...OLDEST, ...LAST_YEAR, ...THIS_YEAR].map((e) => e.name))];
  const [rows, staff] = await Promise.all([
    prisma.organization.findMany({
      where: { name: { in: names }, status: "REGISTERED" },
      select: { id: true, name: true, address: true, currentGrade: true },
    }),
    seedStaff(prisma),
  ]);
  if (!staff || rows.length < names.length) return;
  const orgs = new Map(rows.map((o) => [o.name, o]));
  const areas = JSON.stringify(AREAS);

  // The year before last: published, superseded by last year's (below).
  const oldest = await prisma.directoryEdition.create({
    data: {
      year: lastYear - 1,
      title: title(lastYear - 1),
      status: "PUBLISHED",
      applyOpensAt: daysFromToday(-770),
      applyClosesAt: daysFromToday(-740),
      serviceAreas: areas,
      publicityStartsAt: daysFromToday(-725),
      publicityEndsAt: daysFromToday(-718),
      publishedAt: daysFromToday(-716, "10:00"),
      createdById: staff.id,
    },
    select: { id: true },
  });
  await createEntries(prisma, oldest.id, OLDEST, orgs, {
    submittedAt: daysFromToday(-750, "10:00"),
    decidedAt: daysFromToday(-735, "15:00"),
    listedAt: daysFromToday(-716, "10:00"),
  });

  // Last year's: in publicity, as staff left it after the review.
  const published = await prisma.directoryEdition.create({
    data: {
      year: lastYear,
      title: title(lastYear),
      status: "PUBLICITY",
      applyOpensAt: daysFromToday(-405),
      applyClosesAt: daysFromToday(-375),
      serviceAreas: areas,
      publicityDays: 7,
      publicityStartsAt: daysFromToday(-365, "09:00"),
      publicityEndsAt: daysFromToday(-358, "09:00"),
      createdById: staff.id,
    },
    select: { id: true },
  });
  await createEntries(prisma, published.id, LAST_YEAR, orgs, {
    submittedAt: daysFromToday(-390, "10:00"),
    decidedAt: daysFromToday(-370, "15:00"),
    listedAt: null,
  });
  await lastYearPublicity(prisma, published.id, orgs, staff.id);

  // During the year: a penalty recorded through the registry takes one organization off at once.
  const penalized = orgs.get("江宁区康宁护理院")!;
  const penalty = await atStoryTime(daysFromToday(-60, "14:20"), () =>
    addCreditRecord(
      {
        organizationId: penalized.id,
        kind: "ADMIN_PENALTY",
        description: "违规向入住老人收取大额押金，责令限期退还并处警告。",
        authority: "南京市江宁区民政局",
        decidedAt: daysFromToday(-60),
      },
      { actorId: staff.id, request: SEED_REQUEST() },
    ),
  );
  if (!penalty.ok) throw new Error("seedDirectory: the penalty was refused");

  // This year's: open, the window closing in a few weeks.
  const open = await prisma.directoryEdition.create({
    data: {
      year: thisYear,
      title: title(thisYear),
      status: "OPEN",
      applyOpensAt: daysFromToday(-20),
      applyClosesAt: endOfDayFromToday(25),
      serviceAreas: areas,
      publicityDays: 7,
      createdById: staff.id,
    },
    select: { id: true },
  });
  await createEntries(prisma, open.id, THIS_YEAR, orgs, {
    submittedAt: daysFromToday(-12, "10:30"),
    decidedAt: daysFromToday(-4, "16:00"),
    listedAt: null,
  });
}

/** Last year's publicity through the shared objection primitive, then publication (which supersedes the oldest). */
async function lastYearPublicity(prisma: PrismaClient, editionId: string, orgs: Map<string, Org>, staffId: string) {
  const entryOf = async (name: string) =>
    (
      await prisma.directoryEntry.findFirstOrThrow({
        where: { editionId, organizationId: orgs.get(name)!.id },
        select: { id: true },
      })
    ).id;
  const objections = [
    {
      name: "江宁区博雅艺术培训中心",
      at: daysFromToday(-363, "20:15"),
      content: "该中心的“公益课程”实际按课时收费，与申报的公益服务不符，请核实。",
      outcome: "UPHELD" as const,
      reply: "经核实，所列公益课程均向学员收费，不符合列入条件，不予列入。",
    },
    {
      name: "江宁区东山街道居家养老服务中心",
      at: daysFromToday(-362, "11:40"),
      content: "听说该中心的助餐点去年停业过一段时间，服务能力是否属实？",
      outcome: "DISMISSED" as const,
      reply: "经核实，助餐点停业系场地改造，两个月后已恢复服务，服务能力属实。",
    },
  ];
  for (const o of objections) {
    const entryId = await entryOf(o.name);
    const filed = await atStoryTime(o.at, () =>
      fileObjection(directoryObjectionTarget(editionId, entryId), {
        name: "居民",
        contact: "13905170000",
        content: o.content,
        request: SEED_REQUEST(),
      }),
    );
    if (!filed.ok) throw new Error(`seedDirectory: the objection against ${o.name} was refused`);
    const objection = await prisma.objection.findFirstOrThrow({
      where: { entryId, publicationId: editionId },
      select: { id: true },
    });
    const decided = await atStoryTime(new Date(o.at.getTime() + 2 * 86_400_000), () =>
      decideDirectoryObjection({
        editionId,
        objectionId: objection.id,
        outcome: o.outcome,
        reply: o.reply,
        actorId: staffId,
      }),
    );
    if (!decided.ok) throw new Error(`seedDirectory: the objection against ${o.name} was not decided`);
  }
  const result = await atStoryTime(daysFromToday(-357, "10:00"), () =>
    moveEdition(editionId, "PUBLISHED", { id: staffId, request: SEED_REQUEST() }),
  );
  if (!result.ok) throw new Error("seedDirectory: last year's edition was not published");
}
