// Demo 公益创投 applications for prisma/seed.ts, in the open call seeded by
// grants-calls.ts (this year's 公益创投大赛): drafts, submitted ones (one over
// the grant share), one returned for 补正, two passed and one failed at
// screening. The automatic checks are run with the same rules the app uses.
import type { PrismaClient } from "~/generated/prisma/client";
import { GRANT_SUBJECT_TYPE, type GrantApplicationData } from "~/modules/grants/applications/application-form";
import type { GrantApplicationState } from "~/modules/grants/applications/application-workflow";
import type { BudgetCategory } from "~/modules/grants/applications/budget-checks";
import { loadEligibilityFacts } from "~/modules/grants/applications/eligibility.server";
import { parseCallEligibility } from "~/modules/grants/calls/settings";
import { runAutoChecks } from "~/modules/grants/screening/screening";
import { storyDate, storyYear, today } from "./dates";
import { OPEN_CALL_TITLE } from "./grants-calls";

const STAFF_IP = "10.32.15.21";

type Seed = {
  org: string;
  title: string;
  category: string;
  status: Extract<GrantApplicationState, "DRAFT" | "SUBMITTED" | "CORRECTION" | "SCREEN_PASSED" | "SCREEN_FAILED">;
  /** 元 */
  requested: number;
  own: number;
  matched: number;
  overhead: number;
  area: string;
  community: string;
  beneficiaries: string;
  count: number;
  needs: string;
  goals: string;
  lead: { name: string; certificate?: "ASSISTANT" | "SOCIAL_WORKER" | "SENIOR" };
  outputs: [string, string][];
  outcomes: [string, string][];
  submittedAt?: string;
  screenedAt?: string;
  note?: string;
  correctionDueAt?: string;
  /** drafts stop partway: no budget or milestones yet */
  partial?: boolean;
};

const SEEDS: Seed[] = [
  {
    org: "江宁区东山街道居家养老服务中心",
    title: "银龄暖心助餐计划",
    category: "为老",
    status: "SCREEN_PASSED",
    requested: 90_000,
    own: 40_000,
    matched: 30_000,
    overhead: 8_000,
    area: "江宁区东山街道",
    community: "竹山社区、上坊社区",
    beneficiaries: "辖区 70 岁以上独居、空巢老人",
    count: 180,
    needs: `东山街道 60 岁以上户籍老人占比 23.6%，其中独居、空巢老人约 1,100 人。${storyYear(2026)} 年入户走访显示，近四成独居老人存在“做饭难、吃饭凑合”的问题。`,
    goals: "依托社区长者食堂为 180 名老人提供每周 5 天的助餐服务，对行动不便老人送餐上门，并通过送餐开展每周探访。",
    lead: { name: "周婷", certificate: "SOCIAL_WORKER" },
    outputs: [
      ["助餐服务人次", "18,000 人次"],
      ["送餐上门探访", "2,400 次"],
    ],
    outcomes: [["服务对象满意度", "不低于 90%"]],
    submittedAt: "2026-11-08 10:20",
    screenedAt: "2026-11-20 15:10",
  },
  {
    // Not 阳光助残服务中心: it is barred after its terminated project (grants-review-projects.ts).
    org: "江宁区肢残人协会",
    title: "“心手相连”残健融合艺术坊",
    category: "助残",
    status: "SCREEN_PASSED",
    requested: 75_000,
    own: 35_000,
    matched: 20_000,
    overhead: 6_000,
    area: "江宁区秣陵街道",
    community: "殷巷社区、将军社区",
    beneficiaries: "16–45 岁心智障碍及肢体残疾人士及其家庭",
    count: 60,
    needs: "辖区持证残疾人中 16–45 岁约 420 人，社区可参与的文化活动少，家庭照护压力大。",
    goals: "开设手工、绘画、非洲鼓三个艺术小组，每周活动 2 次，年内举办一次残健融合作品展。",
    lead: { name: "刘洋", certificate: "ASSISTANT" },
    outputs: [
      ["艺术小组活动", "90 节"],
      ["融合作品展", "1 场"],
    ],
    outcomes: [["参与者社交能力量表提升", "平均提升 15%"]],
    submittedAt: "2026-11-10 14:05",
    screenedAt: "2026-11-20 15:12",
  },
  {
    // Not 青禾青少年发展中心: it is barred after its final 不合格 (grants-review-projects.ts).
    org: "江宁区志愿者协会",
    title: "“护苗成长”困境青少年陪伴计划",
    category: "青少年",
    status: "SUBMITTED",
    requested: 80_000,
    own: 30_000,
    matched: 25_000,
    overhead: 7_000,
    area: "江宁区淳化街道",
    community: "青龙社区、新兴社区",
    beneficiaries: "留守、单亲等困境家庭的 10–16 岁青少年",
    count: 80,
    needs: "淳化街道困境儿童台账在册 96 人，课后无人看护、学业困难和情绪问题较为突出。",
    goals: "开展课后托管、一对一学业辅导和团体心理辅导，建立 20 人的大学生志愿者陪伴队伍。",
    lead: { name: "孙立华", certificate: "SOCIAL_WORKER" },
    outputs: [
      ["课后托管服务", "160 天"],
      ["个案辅导", "40 个"],
    ],
    outcomes: [["学业成绩提升的服务对象比例", "不低于 60%"]],
    submittedAt: "2026-11-15 09:40",
  },
  {
    org: "江宁区乐龄社区服务中心",
    title: "智慧助老数字课堂",
    category: "为老",
    status: "SUBMITTED",
    requested: 98_000,
    own: 12_000,
    matched: 10_000,
    overhead: 9_000,
    area: "江宁区百家湖街道",
    community: "百家湖社区、岔路口社区",
    beneficiaries: "不会使用智能手机的 60 岁以上老人",
    count: 300,
    needs: "调研显示辖区 62% 的老人不会用手机挂号、扫码乘车，日常生活受限。",
    goals: "开设 30 期智能手机培训班，编写图文教材，培养 40 名“数字助老”志愿者。",
    lead: { name: "吴佳" },
    outputs: [
      ["培训班", "30 期"],
      ["助老志愿者", "40 名"],
    ],
    outcomes: [["能独立完成线上挂号的学员比例", "不低于 70%"]],
    submittedAt: "2026-11-18 16:30",
  },
  {
    org: "江宁区同心社会工作服务中心",
    title: "“邻里守望”社区治理议事厅",
    category: "社区治理",
    status: "SUBMITTED",
    requested: 60_000,
    own: 30_000,
    matched: 15_000,
    overhead: 5_000,
    area: "江宁区江宁街道",
    community: "江宁社区、陆郎社区",
    beneficiaries: "社区居民、楼栋长和物业代表",
    count: 500,
    needs: "老旧小区加装电梯、停车等矛盾多，居民参与议事的渠道少。",
    goals: "建立 2 个社区议事厅，培育 30 名楼栋议事骨干，每月开展议事协商。",
    lead: { name: "黄蕾", certificate: "SENIOR" },
    outputs: [
      ["议事协商会议", "24 次"],
      ["议事骨干培训", "6 期"],
    ],
    outcomes: [["议事事项办结率", "不低于 80%"]],
    submittedAt: "2026-11-21 11:15",
  },
  {
    org: "江宁区星语儿童康复中心",
    title: "孤独症儿童家庭喘息服务",
    category: "助残",
    status: "CORRECTION",
    requested: 85_000,
    own: 40_000,
    matched: 20_000,
    overhead: 8_500,
    area: "江宁区东山街道",
    community: "全街道",
    beneficiaries: "3–12 岁孤独症儿童家庭",
    count: 40,
    needs: "孤独症儿童家长长期高强度照护，焦虑和抑郁比例高，缺少临时照护支持。",
    goals: "为 40 个家庭提供每月 2 次、每次 4 小时的临托服务，并开展家长支持小组。",
    lead: { name: "陈静", certificate: "SOCIAL_WORKER" },
    outputs: [
      ["临托服务", "960 小时"],
      ["家长支持小组", "12 次"],
    ],
    outcomes: [["家长压力量表得分下降", "平均下降 10%"]],
    submittedAt: "2026-11-09 15:00",
    screenedAt: "2026-11-19 10:30",
    note: "1. 请补充临托服务场地的安全评估材料；2. 专业社工服务费请列明服务时数和单价。",
    correctionDueAt: "2026-11-30 23:59",
  },
  {
    org: "江宁区慈善协会",
    title: "困难家庭学生助学帮扶",
    category: "救助帮困",
    status: "SCREEN_FAILED",
    requested: 100_000,
    own: 20_000,
    matched: 10_000,
    overhead: 10_000,
    area: "江宁区全区",
    community: "全区",
    beneficiaries: "低保、低边家庭在校学生",
    count: 100,
    needs: "全区低保、低边家庭在校学生约 1,300 人，部分学生课外学习资源不足。",
    goals: "为 100 名学生发放助学金并开展学业辅导。",
    lead: { name: "钱明" },
    outputs: [["助学金发放", "100 人"]],
    outcomes: [["学生学业稳定率", "100%"]],
    submittedAt: "2026-11-06 10:00",
    screenedAt: "2026-11-19 10:45",
    note: "申请资助金额超过项目总预算的 60%，且项目以直接发放助学金为主，不属于本次公益创投支持的服务类项目。",
  },
  {
    org: "江宁区阳光社会工作服务中心",
    title: "社区矫正对象社会融入支持",
    category: "其他",
    status: "DRAFT",
    requested: 70_000,
    own: 25_000,
    matched: 20_000,
    overhead: 6_000,
    area: "江宁区禄口街道",
    community: "禄口社区",
    beneficiaries: "社区矫正对象及其家庭",
    count: 50,
    needs: "矫正对象就业难、家庭关系紧张，再犯风险需要社会支持来降低。",
    goals: "开展就业技能培训、家庭关系辅导和公益劳动，帮助矫正对象顺利回归社会。",
    lead: { name: "王立" },
    outputs: [["就业技能培训", "8 期"]],
    outcomes: [["实现就业的服务对象比例", "不低于 50%"]],
  },
  {
    org: "江宁区心晴心理咨询服务中心",
    title: "“晴朗心灵”社区心理服务站",
    category: "社区治理",
    status: "DRAFT",
    requested: 50_000,
    own: 20_000,
    matched: 10_000,
    overhead: 4_000,
    area: "江宁区汤山街道",
    community: "汤山社区",
    beneficiaries: "社区居民",
    count: 400,
    needs: "社区居民心理服务需求上升，基层缺少专业心理服务力量。",
    goals: "",
    lead: { name: "李梅" },
    outputs: [],
    outcomes: [],
    partial: true,
  },
  {
    org: "江宁区禄口街道乐龄日间照料中心",
    title: "临终关怀志愿陪伴",
    category: "为老",
    status: "DRAFT",
    requested: 0,
    own: 0,
    matched: 0,
    overhead: 0,
    area: "",
    community: "",
    beneficiaries: "",
    count: 0,
    needs: "",
    goals: "",
    lead: { name: "" },
    outputs: [],
    outcomes: [],
    partial: true,
  },
];

function budgetLines(s: Seed) {
  const y = (n: number) => Math.round(n * 100);
  const activity = Math.round(s.requested * 0.35);
  const lines: Array<{
    category: BudgetCategory;
    description: string;
    requestedFen: number;
    ownFen: number;
    matchedFen: number;
  }> = [
    {
      category: "SOCIAL_WORK",
      description: "专业社工服务（驻点社工服务时数）",
      requestedFen: y(s.requested - activity - s.overhead),
      ownFen: 0,
      matchedFen: 0,
    },
    {
      category: "ACTIVITY",
      description: "小组和社区活动",
      requestedFen: y(activity),
      ownFen: 0,
      matchedFen: y(s.matched),
    },
    {
      category: "PERSONNEL",
      description: "项目人员工资（机构自筹）",
      requestedFen: 0,
      ownFen: y(s.own),
      matchedFen: 0,
    },
    { category: "OVERHEAD", description: "项目管理与财务审计", requestedFen: y(s.overhead), ownFen: 0, matchedFen: 0 },
  ];
  return lines.map((l, position) => ({ ...l, position }));
}

export async function seedGrantApplications(prisma: PrismaClient) {
  const call = await prisma.grantCall.findFirst({
    where: { title: OPEN_CALL_TITLE, status: "PUBLISHED" },
    select: {
      id: true,
      title: true,
      eligibility: true,
      perProjectCapFen: true,
      maxGrantSharePct: true,
      minMatchRatioPct: true,
      overheadCapPct: true,
    },
  });
  if (!call) return;
  if ((await prisma.grantApplication.count({ where: { callId: call.id } })) > 0) return;

  const [orgs, admin] = await Promise.all([
    prisma.organization.findMany({
      where: { name: { in: SEEDS.map((s) => s.org) }, status: "REGISTERED" },
      select: {
        id: true,
        name: true,
        memberships: { select: { userId: true }, orderBy: { createdAt: "asc" }, take: 1 },
      },
    }),
    prisma.user.findFirst({
      where: { role: "ADMIN", status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    }),
  ]);
  if (!admin) throw new Error("seedGrantApplications: no administrator");
  const now = today;
  const facts = await loadEligibilityFacts(
    prisma,
    orgs.map((o) => o.id),
    call.id,
    now,
  );
  const eligibilityRules = parseCallEligibility(call.eligibility);

  for (const s of SEEDS) {
    const org = orgs.find((o) => o.name === s.org);
    if (!org) continue;
    const applicantId = org.memberships[0]?.userId ?? admin.id;
    const start = storyDate("2027-01-01");
    const end = storyDate("2027-12-31");
    const lines = s.partial ? [] : budgetLines(s);
    const milestones = s.partial
      ? []
      : [
          {
            title: "项目启动与需求评估",
            description: "入户走访，建立服务对象档案",
            dueDate: storyDate("2027-01-20"),
            position: 0,
          },
          {
            title: "中期总结",
            description: "完成过半服务量并接受中期评估",
            dueDate: storyDate("2027-06-30"),
            position: 1,
          },
          { title: "结项评估与成果展示", description: null, dueDate: storyDate("2027-12-15"), position: 2 },
        ];
    const indicators = [
      ...s.outputs.map(([name, target]) => ({ kind: "OUTPUT", name, target })),
      ...s.outcomes.map(([name, target]) => ({ kind: "OUTCOME", name, target })),
    ].map((i, position) => ({ ...i, position }));
    const declared = s.partial
      ? { requestedFen: null, ownFen: null, matchedFen: null }
      : { requestedFen: s.requested * 100, ownFen: s.own * 100, matchedFen: s.matched * 100 };
    const data: GrantApplicationData = {
      serviceArea: s.area || undefined,
      community: s.community || undefined,
      beneficiaries: s.beneficiaries || undefined,
      beneficiaryCount: s.count || undefined,
      needs: s.needs || undefined,
      goals: s.goals || undefined,
      team: s.lead.name
        ? [
            {
              name: s.lead.name,
              role: "项目负责人",
              socialWorker: !!s.lead.certificate,
              certificate: s.lead.certificate,
            },
            { name: "志愿者队长", role: "志愿者协调", socialWorker: false },
          ]
        : [],
      declared,
    };
    const checks =
      s.status === "DRAFT"
        ? null
        : runAutoChecks({
            eligibilityRules,
            facts: facts.get(org.id)!,
            budgetRules: call,
            application: { projectStart: start, projectEnd: end, budgetLines: lines, milestones, data },
            now: s.submittedAt ? storyDate(s.submittedAt) : now,
          });
    const created = await prisma.grantApplication.create({
      data: {
        callId: call.id,
        organizationId: org.id,
        status: s.status,
        title: s.title,
        category: s.category,
        data: JSON.stringify(data),
        projectStart: s.partial && !s.area ? null : start,
        projectEnd: s.partial && !s.area ? null : end,
        requestedFen: declared.requestedFen ?? 0,
        ownFundsFen: declared.ownFen ?? 0,
        matchedFen: declared.matchedFen ?? 0,
        totalBudgetFen: (declared.requestedFen ?? 0) + (declared.ownFen ?? 0) + (declared.matchedFen ?? 0),
        correctionNotes: s.status === "CORRECTION" ? s.note : null,
        correctionDueAt: s.correctionDueAt ? storyDate(s.correctionDueAt) : null,
        screeningNote: s.status === "SCREEN_FAILED" ? s.note : null,
        autoChecks: checks ? JSON.stringify(checks) : null,
        submittedAt: s.submittedAt ? storyDate(s.submittedAt) : null,
        createdById: applicantId,
        createdAt: s.submittedAt
          ? new Date(storyDate(s.submittedAt).getTime() - 3 * 86_400_000)
          : storyDate("2026-11-16 20:00"),
        budgetLines: { create: lines },
        milestones: { create: milestones },
        indicators: { create: indicators },
      },
      select: { id: true },
    });

    // The audit trail of what happened to it.
    const events: Array<{
      actorId: string;
      fromState: string | null;
      toState: string;
      at: Date;
      reason: string;
      ip?: string;
    }> = [
      {
        actorId: applicantId,
        fromState: null,
        toState: "DRAFT",
        at: new Date(storyDate(s.submittedAt ?? "2026-11-16 20:00").getTime() - 3 * 86_400_000),
        reason: call.title,
      },
    ];
    if (s.submittedAt)
      events.push({
        actorId: applicantId,
        fromState: "DRAFT",
        toState: "SUBMITTED",
        at: storyDate(s.submittedAt),
        reason: "提交申报",
      });
    if (s.screenedAt) {
      const reason = s.status === "SCREEN_PASSED" ? "初审通过" : (s.note ?? "");
      events.push({
        actorId: admin.id,
        fromState: "SUBMITTED",
        toState: s.status,
        at: storyDate(s.screenedAt),
        reason,
        ip: STAFF_IP,
      });
    }
    await prisma.auditEvent.createMany({
      data: events.map((e) => ({
        actorId: e.actorId,
        action: e.fromState ? "grant_application.transition" : "grant_application.create",
        entityType: GRANT_SUBJECT_TYPE,
        entityId: created.id,
        fromState: e.fromState,
        toState: e.toState,
        reason: e.reason,
        ip: e.ip ?? null,
        createdAt: e.at,
      })),
    });
  }
}
