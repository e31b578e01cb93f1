// Demo annual-inspection records for prisma/seed.ts: two closed rounds over the
// registered organizations (mostly 合格, a few 基本合格 / 不合格 / 未参检, one
// organization missing then failing so the 拟撤销登记 list has an entry, one
// still-open rectification) and the open round, reports due and about a third filed.
// The years follow the seed's today (dates.ts): until July the open round is last
// year's (the reports due this spring), from August on this year's, opened early.
// Who must report and who is exempt is decided by the same rules the app uses.
import type { PrismaClient } from "~/generated/prisma/client";
import { RULE_KEYS, valuesInForce } from "~/modules/config/rules";
import {
  classifyObligation,
  deadlineFor,
  isSimplified,
  rectificationDueAt,
  roundDeadlines,
} from "~/modules/inspection/obligation";
import type { ReportData } from "~/modules/inspection/report-form";
import { formatDate } from "~/utils/format";
import { atShanghai, daysFromToday, endOfDayFromToday, lastYear, thisMonth, thisYear } from "./dates";

const STAFF_IP = "10.32.15.21";

type Outcome = { conclusion: "BASIC" | "UNQUALIFIED" | "MISSED"; reason?: string };

/** The results that were not 合格, by organization name. */
/** The open round's year; the closed rounds are the two before it. */
const OPEN_YEAR = thisMonth >= 8 ? thisYear : lastYear;

const OUTCOMES: Record<number, Record<string, Outcome>> = {
  [OPEN_YEAR - 2]: {
    江宁区悦动体育健身俱乐部: { conclusion: "MISSED" },
    秣陵街道殷巷社区广场舞队: { conclusion: "MISSED" },
    江宁区电子商务协会: { conclusion: "BASIC", reason: "未按规定召开会员代表大会，换届工作滞后。" },
    江宁区博雅艺术培训中心: { conclusion: "BASIC", reason: "收费公示不规范，部分课程收费未在住所公示。" },
    江宁区星语儿童康复中心: {
      conclusion: "UNQUALIFIED",
      reason: "年末净资产低于开办资金，且未作说明；财务报表与审计数据不一致。",
    },
  },
  [OPEN_YEAR - 1]: {
    江宁区悦动体育健身俱乐部: {
      conclusion: "UNQUALIFIED",
      reason: `未在住所开展活动，实际负责人与登记的法定代表人不一致，未完成${OPEN_YEAR - 2}年度未参检整改。`,
    },
    江宁区围棋协会: { conclusion: "MISSED" },
    江宁区老年协会: { conclusion: "BASIC", reason: "财务管理不规范：会费收入未全额开具票据，个别支出无审批手续。" },
    江宁区物业管理协会: { conclusion: "BASIC", reason: "党建工作指导员未到位，党建活动记录不完整。" },
  },
};

/** A small deterministic number generator per organization, so reruns give the same figures. */
function seeded(text: string) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>> 0) % 10000) / 10000;
  };
}

function reportData(name: string, type: string, year: number): ReportData {
  const r = seeded(`${name}${year}`);
  const yuan = (max: number) => Math.round(r() * max) * 100;
  const income = {
    incomeDonation: type === "FOUNDATION" ? yuan(3_000_000) : yuan(80_000),
    incomeMembershipFee: type === "SOCIAL_GROUP" ? yuan(120_000) : 0,
    incomeService: type === "SOCIAL_SERVICE" ? yuan(600_000) : 0,
    incomeGovernment: yuan(300_000),
    incomeInvestment: type === "FOUNDATION" ? yuan(200_000) : 0,
    incomeOther: yuan(5_000),
  };
  const incomeTotal = Object.values(income).reduce((a, b) => a + b, 0);
  const expenseProgram = Math.round(incomeTotal * (0.7 + r() * 0.15));
  const expenseManagement = Math.round(incomeTotal * (0.05 + r() * 0.1));
  const expenseFundraising = type === "FOUNDATION" ? Math.round(incomeTotal * 0.01) : 0;
  const expenseOther = yuan(3_000);
  const liabilitiesTotal = yuan(150_000);
  const netAssetsTotal = yuan(900_000) + 50_000_00;
  return {
    activitiesSummary:
      type === "FOUNDATION"
        ? `${year}年度共资助公益项目${4 + Math.floor(r() * 10)}个，受益${200 + Math.floor(r() * 2000)}人次，按章程规定的宗旨和业务范围开展活动。`
        : `${year}年度围绕章程规定的业务范围开展活动${20 + Math.floor(r() * 100)}场次，服务${300 + Math.floor(r() * 3000)}人次。`,
    charterCompliance: "是",
    personnelChanges: r() < 0.2 ? `${year}年度理事会换届，新增理事2名。` : "无",
    structureChanges: "无",
    memberCount: type === "SOCIAL_GROUP" ? 50 + Math.floor(r() * 300) : 0,
    staffCount: 1 + Math.floor(r() * 20),
    volunteerCount: Math.floor(r() * 80),
    partyOrgStatus:
      r() < 0.4 ? "已单独建立党组织" : r() < 0.7 ? "已联合建立党组织" : "未建立党组织，已选派党建工作指导员",
    partyMemberCount: Math.floor(r() * 8),
    ...income,
    incomeTotal,
    expenseProgram,
    expenseManagement,
    expenseFundraising,
    expenseOther,
    expenseTotal: expenseProgram + expenseManagement + expenseFundraising + expenseOther,
    assetsTotal: liabilitiesTotal + netAssetsTotal,
    liabilitiesTotal,
    netAssetsTotal,
  };
}

type RoundSeed = { year: number; openedAt: Date; conclusionsFrom: Date | null };

const ROUNDS: RoundSeed[] = [
  {
    year: OPEN_YEAR - 2,
    openedAt: atShanghai(OPEN_YEAR - 1, 1, 6, "09:00"),
    conclusionsFrom: atShanghai(OPEN_YEAR - 1, 6, 16),
  },
  {
    year: OPEN_YEAR - 1,
    openedAt: atShanghai(OPEN_YEAR, 1, 5, "09:30"),
    conclusionsFrom: atShanghai(OPEN_YEAR, 6, 15),
  },
  {
    year: OPEN_YEAR,
    // Opened twelve days ago, or on 5 January when last year's round opened on time.
    openedAt: new Date(
      Math.min(atShanghai(OPEN_YEAR + 1, 1, 5, "09:30").getTime(), daysFromToday(-12, "10:00").getTime()),
    ),
    conclusionsFrom: null,
  },
];

/** The open round's deadlines, extended to a month from today when the rule's date is (nearly) past. */
function openDeadlines(deadlines: { deadline: Date; foundationDeadline: Date }) {
  const soon = endOfDayFromToday(14);
  const extended = endOfDayFromToday(30);
  return {
    deadline: deadlines.deadline < soon ? extended : deadlines.deadline,
    foundationDeadline: deadlines.foundationDeadline < soon ? extended : deadlines.foundationDeadline,
  };
}

/** Every third organization of the open round has filed its report already, the demo organization not. */
function filesEarly(index: number, name: string) {
  return index % 3 === 1 && name !== DEMO_ORGANIZATION;
}
const DEMO_ORGANIZATION = "江宁区阳光社会工作服务中心";

export async function seedInspection(prisma: PrismaClient) {
  const admin = await prisma.user.findFirst({
    where: { role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const adminId = admin?.id ?? null;
  const ruleRows = await prisma.ruleParameter.findMany({
    where: { key: { in: RULE_KEYS } },
    select: { key: true, value: true, effectiveFrom: true },
  });
  const organizations = await prisma.organization.findMany({
    where: { status: "REGISTERED" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      type: true,
      status: true,
      registeredAt: true,
      currentGrade: true,
      supervisingUnit: true,
    },
  });
  const members = await prisma.membership.findMany({
    where: { organizationId: { in: organizations.map((o) => o.id) } },
    select: { userId: true, organizationId: true },
  });

  for (const seed of ROUNDS) {
    const openedAt = seed.openedAt;
    const rules = valuesInForce(ruleRows, openedAt);
    const closed = seed.conclusionsFrom !== null;
    const deadlines = closed ? roundDeadlines(seed.year, rules) : openDeadlines(roundDeadlines(seed.year, rules));
    const round = await prisma.inspectionRound.create({
      data: {
        year: seed.year,
        ...deadlines,
        status: closed ? "CLOSED" : "OPEN",
        openedById: adminId,
        openedAt,
        missedMarkedAt: closed ? new Date(deadlines.deadline.getTime() + 86_400_000 + 9 * 3_600_000) : null,
      },
      select: { id: true },
    });
    const outcomes = OUTCOMES[seed.year] ?? {};
    const rows = [];
    const rectifications: Array<{ organizationId: string; outcome: Outcome; concludedAt: Date; name: string }> = [];
    let i = 0;
    for (const org of organizations) {
      const obligation = classifyObligation(org, seed.year, rules);
      if (obligation.kind === "NONE") continue;
      const base = {
        roundId: round.id,
        organizationId: org.id,
        year: seed.year,
        simplified:
          obligation.kind === "REPORT" && isSimplified(org.currentGrade, rules["inspection.simplifiedMinGrade"]),
        createdAt: openedAt,
      };
      if (obligation.kind === "EXEMPT") {
        rows.push({ ...base, status: "EXEMPT", exemptReason: obligation.reason });
        continue;
      }
      i++;
      if (!closed) {
        const filed = filesEarly(i, org.name);
        rows.push({
          ...base,
          status: filed ? "SUBMITTED" : "PENDING",
          data: filed ? JSON.stringify(reportData(org.name, org.type, seed.year)) : undefined,
          submittedAt: filed ? daysFromToday(-(i % 10), "16:20") : undefined,
        });
        continue;
      }
      const outcome = outcomes[org.name];
      const deadline = deadlineFor(org.type, deadlines);
      if (outcome?.conclusion === "MISSED") {
        const concludedAt = new Date(deadlines.deadline.getTime() + 86_400_000 + 9 * 3_600_000);
        rows.push({ ...base, status: "MISSED", conclusion: "MISSED", concludedAt, concludedById: adminId });
        rectifications.push({ organizationId: org.id, outcome, concludedAt, name: org.name });
        continue;
      }
      // Filed in the weeks before the deadline; concluded in the summer.
      const submittedAt = new Date(deadline.getTime() - (5 + ((i * 7) % 50)) * 86_400_000 - 6 * 3_600_000);
      const concludedAt = new Date(seed.conclusionsFrom!.getTime() + (i % 30) * 86_400_000 + 10 * 3_600_000);
      rows.push({
        ...base,
        status: "CONCLUDED",
        data: JSON.stringify(reportData(org.name, org.type, seed.year)),
        submittedAt,
        // Organizations with a supervising unit had its preliminary opinion first.
        supervisorOpinion: org.supervisingUnit
          ? outcome?.conclusion === "UNQUALIFIED"
            ? "拟不合格"
            : outcome?.conclusion === "BASIC"
              ? "拟基本合格"
              : "拟合格"
          : null,
        conclusion: outcome?.conclusion ?? "QUALIFIED",
        conclusionReason: outcome?.reason ?? null,
        concludedAt,
        concludedById: adminId,
      });
      if (outcome) rectifications.push({ organizationId: org.id, outcome, concludedAt, name: org.name });
    }
    await prisma.inspectionReport.createMany({ data: rows });

    if (rectifications.length > 0) {
      const reports = await prisma.inspectionReport.findMany({
        where: { roundId: round.id, organizationId: { in: rectifications.map((r) => r.organizationId) } },
        select: { id: true, organizationId: true },
      });
      const reportOf = new Map(reports.map((r) => [r.organizationId, r.id]));
      await prisma.rectification.createMany({
        data: rectifications.map(({ organizationId, outcome, concludedAt, name }) => {
          const dueAt = rectificationDueAt(concludedAt, rules["inspection.rectificationDays"]);
          const requirement =
            outcome.conclusion === "MISSED"
              ? `未按期参加${seed.year}年度年检。请说明未参检的原因并提交整改报告，同时补报${seed.year}年度工作情况。`
              : outcome.reason!;
          const submittedAt = new Date(dueAt.getTime() - 20 * 86_400_000);
          // The older round: all settled except the club that went on to fail the next (returned).
          // Last round: the 老年协会 still has to report (open); the 围棋协会 has reported (awaiting review); the rest accepted.
          const older = seed.year === OPEN_YEAR - 2;
          let status = "ACCEPTED";
          if (name === "江宁区悦动体育健身俱乐部") status = older ? "RETURNED" : "SUBMITTED";
          if (!older && name === "江宁区老年协会") status = "OPEN";
          if (!older && name === "江宁区围棋协会") status = "SUBMITTED";
          const filed = status !== "OPEN";
          return {
            reportId: reportOf.get(organizationId)!,
            organizationId,
            requirement,
            dueAt,
            status,
            createdAt: concludedAt,
            reportText: filed
              ? `针对“${requirement.slice(0, 30)}”，本机构已召开理事会专题研究，制定整改措施并落实到人，相关制度已修订完善。`
              : null,
            submittedAt: filed ? submittedAt : null,
            reviewNote: status === "RETURNED" ? "整改报告未说明具体措施和完成时间，请补充。" : null,
            reviewedAt:
              status === "ACCEPTED" || status === "RETURNED" ? new Date(submittedAt.getTime() + 10 * 86_400_000) : null,
          };
        }),
      });
    }

    const listed = rows.filter((r) => r.status !== "EXEMPT").length;
    const exempt = rows.length - listed;
    await prisma.auditEvent.create({
      data: {
        actorId: adminId,
        action: "inspection.round_open",
        entityType: "InspectionRound",
        entityId: round.id,
        toState: "OPEN",
        reason: `${seed.year}年度：应参检 ${listed} 家，免检 ${exempt} 家`,
        ip: STAFF_IP,
        createdAt: openedAt,
      },
      select: { id: true },
    });
    if (!closed) {
      const pending = new Set(rows.filter((r) => r.status === "PENDING").map((r) => r.organizationId));
      const typeOf = new Map(organizations.map((o) => [o.id, o.type]));
      await prisma.notification.createMany({
        data: members
          .filter((m) => pending.has(m.organizationId))
          .map((m) => ({
            userId: m.userId,
            title: `请填报${seed.year}年度工作报告（年检）`,
            body: `${seed.year}年度年检已开始，请于${formatDate(deadlineFor(typeOf.get(m.organizationId) ?? "", deadlines))}前提交年度工作报告。`,
            link: "/org/inspection",
            createdAt: openedAt,
          })),
      });
    }
  }
}
