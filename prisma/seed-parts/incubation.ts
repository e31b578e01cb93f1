// Demo incubation-base records for prisma/seed.ts: organizations in residence
// with the services they received, two that graduated, one 续驻, one 退驻 with
// the space still to be handed back, one rejected at the first check, one
// waiting for review and one application whose first check is overdue.
// Deadlines are computed with the same rules the app uses.
import type { PrismaClient } from "~/generated/prisma/client";
import { RULE_KEYS, valuesInForce } from "~/modules/config/rules";
import { needLabel, type ExitResult, type IncubationNeed } from "~/modules/incubation/labels";
import { defaultTermEnd, firstCheckDueAt, handoverDueAt } from "~/modules/incubation/schedule";
import type { IncubationState } from "~/modules/incubation/workflow";
import { formatDate, formatFen } from "~/utils/format";
import { storyDate } from "./dates";

/** Steps before the platform opened (the first accounts date from 1 December 2025) were entered from paper files and have no audit trail. */
const PLATFORM_START = storyDate("2025-12-01");
const STAFF_IP = "10.32.15.21";

type ServiceSeed = { kind: IncubationNeed; at: string; description: string; yuan?: number };

type IncubationSeed = {
  org: string;
  /** Applied through this member's account; otherwise entered by staff at the counter. */
  applicantEmail?: string;
  status: IncubationState;
  needs: IncubationNeed[];
  plan: string;
  appliedAt: string;
  firstCheck?: { at: string; note?: string };
  review?: { at: string; note?: string };
  agreement?: { no: string; start: string; end?: string };
  services?: ServiceSeed[];
  exit?: { result: ExitResult; at: string; note: string; newTermEnd?: string };
};

const INCUBATIONS: IncubationSeed[] = [
  // ── Graduated ────────────────────────────────────────────────────────────
  {
    org: "江宁区绿洲环境保护服务中心",
    status: "GRADUATED",
    needs: ["SPACE", "TRAINING", "SEED_FUNDING"],
    plan: "围绕垃圾分类和河道保护开展社区环保宣教，组建青少年“河小青”志愿服务队，建立可持续的环保志愿者培训体系。",
    appliedAt: "2022-04-11 10:20",
    firstCheck: { at: "2022-04-14 15:00", note: "材料齐全，符合入驻条件" },
    review: { at: "2022-04-27 16:30", note: "项目定位清晰，团队有环保专业背景，同意入驻" },
    agreement: { no: "JNFH-2022-002", start: "2022-05-05" },
    services: [
      { kind: "SPACE", at: "2022-05-05", description: "基地二楼 205 工位 3 个" },
      { kind: "TRAINING", at: "2022-07-21", description: "社会组织项目设计与申报实务培训" },
      { kind: "SEED_FUNDING", at: "2022-09-01", description: "“守护秦淮河”青少年志愿服务项目种子资金", yuan: 20_000 },
      { kind: "MENTORING", at: "2023-03-16", description: "督导陪伴：志愿者招募与激励机制梳理" },
    ],
    exit: {
      result: "GRADUATED",
      at: "2024-04-26 10:00",
      note: "已建立规范的财务和志愿者管理制度，连续两年独立承接街道环保项目，同意出壳",
    },
  },
  {
    org: "江宁区青禾青少年发展中心",
    status: "GRADUATED",
    needs: ["SPACE", "MENTORING", "SEED_FUNDING"],
    plan: "面向流动儿童开展课后陪伴和成长小组服务，入驻期间完善理事会治理，培养两名持证社工，形成可复制的服务模式。",
    appliedAt: "2024-03-04 09:15",
    firstCheck: { at: "2024-03-07 14:00", note: "材料齐全" },
    review: { at: "2024-03-22 15:30", note: "服务对象明确，同意入驻" },
    agreement: { no: "JNFH-2024-001", start: "2024-04-01" },
    services: [
      { kind: "SPACE", at: "2024-04-01", description: "基地一楼 106 办公室" },
      { kind: "SEED_FUNDING", at: "2024-06-12", description: "“青禾课堂”流动儿童课后陪伴项目种子资金", yuan: 30_000 },
      { kind: "MENTORING", at: "2024-10-17", description: "督导陪伴：理事会议事规则和财务审批流程" },
      { kind: "TRAINING", at: "2025-05-22", description: "儿童保护政策与个案管理培训，3 人参加" },
      { kind: "VENUE", at: "2026-01-10", description: "借用基地多功能厅举办寒假成长营开营式（80 人）" },
    ],
    exit: {
      result: "GRADUATED",
      at: "2026-03-27 10:30",
      note: "治理结构健全，已独立承接区教育局购买服务项目，服务模式在两个街道推广，同意出壳",
    },
  },
  // ── In residence ─────────────────────────────────────────────────────────
  {
    org: "江宁区百家湖社区发展服务中心",
    status: "IN_RESIDENCE",
    needs: ["SPACE", "TRAINING", "SEED_FUNDING"],
    plan: "以“邻里议事厅”为载体，推动百家湖片区居民参与社区公共事务，孵化 5 个楼栋自治小组，培养社区骨干 30 名。",
    appliedAt: "2024-05-06 09:40",
    firstCheck: { at: "2024-05-09 11:00", note: "材料齐全，符合入驻条件" },
    review: { at: "2024-05-24 16:00", note: "项目设计贴近社区需求，同意入驻" },
    agreement: { no: "JNFH-2024-003", start: "2024-06-03" },
    services: [
      { kind: "SPACE", at: "2024-06-03", description: "基地二楼 203 工位 4 个" },
      { kind: "TRAINING", at: "2024-09-12", description: "社会组织财务管理与税务实务培训（半天）" },
      { kind: "SEED_FUNDING", at: "2024-10-15", description: "首期种子资金，用于“邻里议事厅”项目", yuan: 30_000 },
      { kind: "MENTORING", at: "2025-03-20", description: "督导驻点陪伴，梳理议事规则和会议记录规范" },
      { kind: "SEED_FUNDING", at: "2025-09-08", description: "第二期种子资金，用于楼栋自治小组活动", yuan: 20_000 },
      { kind: "VENUE", at: "2026-04-18", description: "借用基地多功能厅举办社区议事会（60 人）" },
    ],
    exit: {
      result: "EXTENDED",
      at: "2026-05-27 15:00",
      note: "项目进入推广阶段，仍需场地和督导支持，同意续驻一年",
      newTermEnd: "2027-06-03",
    },
  },
  {
    org: "江宁区禄口街道乐龄日间照料中心",
    status: "IN_RESIDENCE",
    needs: ["SPACE", "MENTORING", "SEED_FUNDING", "TRAINING"],
    plan: "为禄口街道失能、半失能老人提供日间照料和助餐服务，入驻期间建立服务标准和护理员培训体系，实现收支平衡。",
    appliedAt: "2025-10-09 10:15",
    firstCheck: { at: "2025-10-14 09:30", note: "材料齐全" },
    review: { at: "2025-10-28 15:00", note: "养老服务需求迫切，运营方案可行，同意入驻" },
    agreement: { no: "JNFH-2025-007", start: "2025-11-03" },
    services: [
      { kind: "SPACE", at: "2025-11-03", description: "基地一楼 108 办公室" },
      { kind: "MENTORING", at: "2026-01-15", description: "养老服务标准化督导（每月一次，首次）" },
      { kind: "SEED_FUNDING", at: "2026-03-02", description: "助餐点适老化改造种子资金", yuan: 50_000 },
      { kind: "TRAINING", at: "2026-06-18", description: "护理员岗位技能培训，12 人参加" },
    ],
  },
  {
    org: "江宁区湖熟街道普惠托育中心",
    status: "IN_RESIDENCE",
    needs: ["VENUE", "TRAINING", "MENTORING"],
    plan: "为湖熟街道 3 岁以下婴幼儿家庭提供普惠托育和科学育儿指导，入驻期间完成托育人员持证上岗和家长课堂体系建设。",
    appliedAt: "2026-04-07 14:20",
    firstCheck: { at: "2026-04-10 10:00", note: "材料齐全" },
    review: { at: "2026-04-24 15:30", note: "同意入驻，建议加强安全管理制度建设" },
    agreement: { no: "JNFH-2026-004", start: "2026-05-06" },
    services: [
      { kind: "VENUE", at: "2026-06-01", description: "借用基地活动室举办亲子阅读活动（20 组家庭）" },
      { kind: "TRAINING", at: "2026-09-10", description: "婴幼儿照护安全与应急处置培训" },
    ],
  },
  // ── 退驻: the space is still to be handed back ──────────────────────────────
  {
    org: "江宁区乐龄社区服务中心",
    status: "EXITED",
    needs: ["SPACE", "SEED_FUNDING"],
    plan: "在东山街道开展老年人文体活动和互助服务，组建 10 支老年兴趣团队。",
    appliedAt: "2024-10-21 09:00",
    firstCheck: { at: "2024-10-24 10:00", note: "材料齐全" },
    review: { at: "2024-11-08 15:00", note: "同意入驻" },
    agreement: { no: "JNFH-2024-006", start: "2024-11-18" },
    services: [
      { kind: "SPACE", at: "2024-11-18", description: "基地三楼 302 工位 2 个" },
      { kind: "SEED_FUNDING", at: "2025-03-10", description: "老年兴趣团队活动种子资金", yuan: 10_000 },
    ],
    exit: {
      result: "EXITED",
      at: "2026-11-18 14:00",
      note: "孵化期内活动开展不足，工位长期闲置，种子资金项目未按计划实施，经评审不予续驻，予以退驻",
    },
  },
  // ── Rejected at the first check ───────────────────────────────────────────
  {
    org: "江宁区心晴心理咨询服务中心",
    status: "REJECTED",
    needs: ["SPACE", "SEED_FUNDING"],
    plan: "在基地设立心理咨询室，开设个体心理咨询和企业员工心理辅导收费课程，扩大机构营业收入。",
    appliedAt: "2026-02-10 11:20",
    firstCheck: {
      at: "2026-02-13 16:00",
      note: "入驻计划以收费心理咨询为主，公益服务内容不足，不符合孵化基地培育公益性社会组织的定位",
    },
  },
  // ── Waiting for review ────────────────────────────────────────────────────
  {
    org: "江宁区人工智能学会",
    status: "FIRST_CHECK_PASSED",
    needs: ["VENUE", "TRAINING"],
    plan: "面向社区老年人和青少年开展人工智能科普和防诈骗宣传，每季度在基地举办一次公益讲座，组建科普志愿讲师团。",
    appliedAt: "2026-11-16 10:05",
    firstCheck: { at: "2026-11-18 09:45", note: "材料齐全，提交评审" },
  },
  // ── Applied; the first check is overdue ───────────────────────────────────
  {
    org: "江宁区暖心陪伴社会工作服务中心",
    applicantEmail: "huanglei@yimiao.demo",
    status: "APPLIED",
    needs: ["SPACE", "MENTORING", "TRAINING"],
    plan: "筹备期间在基地办公，完成登记前的章程、理事会和财务制度准备；登记后为独居老人和困境儿童提供陪伴探访服务，培育 20 名陪伴志愿者。",
    appliedAt: "2026-11-12 20:30",
  },
];

export async function seedIncubation(prisma: PrismaClient) {
  const ruleRows = await prisma.ruleParameter.findMany({
    where: { key: { in: RULE_KEYS } },
    select: { key: true, value: true, effectiveFrom: true },
  });
  const rulesAt = (at: Date) => valuesInForce(ruleRows, at);

  const orgs = await prisma.organization.findMany({
    where: { name: { in: INCUBATIONS.map((i) => i.org) } },
    select: { id: true, name: true },
  });
  const users = await prisma.user.findMany({
    where: {
      email: { in: ["admin@yimiao.demo", "admin2@yimiao.demo", ...INCUBATIONS.flatMap((i) => i.applicantEmail ?? [])] },
    },
    select: { id: true, email: true, role: true },
  });
  const orgId = (name: string) => {
    const id = orgs.find((o) => o.name === name)?.id;
    if (!id) throw new Error(`seedIncubation: no demo organization named ${name}`);
    return id;
  };
  const userId = (email: string) => {
    const id = users.find((u) => u.email === email)?.id;
    if (!id) throw new Error(`seedIncubation: no demo user ${email}`);
    return id;
  };
  const admin = userId("admin@yimiao.demo");
  const admin2 = userId("admin2@yimiao.demo");

  const audits: Array<{
    actorId: string;
    action: string;
    entityType: string;
    entityId: string;
    fromState?: string;
    toState?: string;
    reason?: string;
    ip: string;
    createdAt: Date;
  }> = [];
  const adminNotifications: Array<{ title: string; body: string; link: string; createdAt: Date }> = [];

  for (const seed of INCUBATIONS) {
    const appliedAt = storyDate(seed.appliedAt);
    const applicant = seed.applicantEmail ? userId(seed.applicantEmail) : admin;
    const termStart = seed.agreement ? storyDate(seed.agreement.start) : null;
    const originalEnd = seed.agreement
      ? seed.agreement.end
        ? storyDate(seed.agreement.end)
        : defaultTermEnd(termStart!, rulesAt(termStart!))
      : null;
    const exitAt = seed.exit && seed.exit.result !== "EXTENDED" ? storyDate(seed.exit.at) : null;
    const termEnd = seed.exit?.newTermEnd ? storyDate(seed.exit.newTermEnd) : originalEnd;
    const dueAt = firstCheckDueAt(appliedAt, rulesAt(appliedAt));

    const row = await prisma.incubationApplication.create({
      data: {
        organizationId: orgId(seed.org),
        status: seed.status,
        plan: seed.plan,
        needs: JSON.stringify(seed.needs),
        appliedAt,
        firstCheckDueAt: dueAt,
        firstCheckAt: seed.firstCheck ? storyDate(seed.firstCheck.at) : null,
        firstCheckNote: seed.firstCheck?.note ?? null,
        reviewAt: seed.review ? storyDate(seed.review.at) : null,
        reviewNote: seed.review?.note ?? null,
        agreementNo: seed.agreement?.no ?? null,
        termStart,
        termEnd,
        exitResult: seed.exit?.result ?? null,
        exitAt,
        exitNote: seed.exit?.note ?? null,
        handoverDueAt: exitAt && seed.exit?.result === "EXITED" ? handoverDueAt(exitAt, rulesAt(exitAt)) : null,
        createdById: applicant,
        createdAt: appliedAt,
        updatedAt: appliedAt,
        services: seed.services
          ? {
              create: seed.services.map((s) => ({
                kind: s.kind,
                description: s.description,
                providedAt: storyDate(s.at),
                amountFen: s.yuan != null ? s.yuan * 100 : null,
                recordedById: admin,
                createdAt: storyDate(`${s.at} 16:00`),
              })),
            }
          : undefined,
      },
      select: { id: true },
    });

    // The audit trail of what happened on the platform.
    const event = (at: Date, e: Omit<(typeof audits)[number], "entityType" | "entityId" | "ip" | "createdAt">) => {
      if (at >= PLATFORM_START)
        audits.push({ ...e, entityType: "IncubationApplication", entityId: row.id, ip: STAFF_IP, createdAt: at });
    };
    event(appliedAt, {
      actorId: applicant,
      action: "incubation.apply",
      toState: "APPLIED",
      reason: `需要的支持：${seed.needs.map(needLabel).join("、")}`,
    });
    if (appliedAt >= PLATFORM_START && seed.status === "APPLIED") {
      adminNotifications.push({
        title: `新的孵化基地入驻申请：${seed.org}`,
        body: `请于 ${formatDate(dueAt)} 前完成初审。`,
        link: `/admin/incubation/${row.id}`,
        createdAt: appliedAt,
      });
    }
    if (seed.firstCheck) {
      const passed = !(seed.status === "REJECTED" && !seed.review);
      event(storyDate(seed.firstCheck.at), {
        actorId: admin,
        action: "incubation.transition",
        fromState: "APPLIED",
        toState: passed ? "FIRST_CHECK_PASSED" : "REJECTED",
        reason: seed.firstCheck.note ?? (passed ? "初审通过" : undefined),
      });
    }
    if (seed.review) {
      const passed = seed.status !== "REJECTED";
      event(storyDate(seed.review.at), {
        actorId: admin2,
        action: "incubation.transition",
        fromState: "FIRST_CHECK_PASSED",
        toState: passed ? "ADMITTED" : "REJECTED",
        reason: seed.review.note ?? "评审通过",
      });
    }
    if (seed.agreement && termStart && originalEnd) {
      event(storyDate(`${seed.agreement.start} 09:30`), {
        actorId: admin,
        action: "incubation.transition",
        fromState: "ADMITTED",
        toState: "IN_RESIDENCE",
        reason: `入驻协议 ${seed.agreement.no}，孵化期 ${formatDate(termStart)} 至 ${formatDate(originalEnd)}`,
      });
    }
    for (const s of seed.services ?? []) {
      const amount = s.yuan != null ? `（${formatFen(s.yuan * 100)}）` : "";
      event(storyDate(`${s.at} 16:00`), {
        actorId: admin,
        action: "incubation.service",
        reason: `${formatDate(storyDate(s.at))} ${needLabel(s.kind)}：${s.description}${amount}`,
      });
    }
    if (seed.exit) {
      const at = storyDate(seed.exit.at);
      const to = seed.exit.result === "EXTENDED" ? "IN_RESIDENCE" : seed.exit.result;
      const suffix =
        seed.exit.result === "EXTENDED"
          ? `（孵化期延长至 ${formatDate(termEnd)}）`
          : seed.exit.result === "EXITED"
            ? `（须于 ${formatDate(handoverDueAt(at, rulesAt(at)))} 前交还场地）`
            : "";
      event(at, {
        actorId: admin2,
        action: "incubation.transition",
        fromState: "IN_RESIDENCE",
        toState: to,
        reason: `${seed.exit.note}${suffix}`,
      });
    }
  }

  if (audits.length) await prisma.auditEvent.createMany({ data: audits });
  if (adminNotifications.length) {
    await prisma.notification.createMany({
      data: adminNotifications.flatMap((n) => [admin, admin2].map((userId) => ({ ...n, userId }))),
    });
  }
}
