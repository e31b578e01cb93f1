// Demo expert review for prisma/seed.ts: the autumn 社区微公益创投 call, whose
// screening ended on 20 October 2026 and whose expert review runs until
// 30 November 2026. Ten screened applications were assigned to the four active
// reviewers with the same automatic assignment the app uses (seed "5eed2026"),
// three reviewers per project. Everyone has submitted except 李建国
// (expert@yimiao.demo), who has a draft and two projects still to score, so the
// demo shows the reviewer workspace, review progress and a ranking preview.
import type { PrismaClient } from "~/generated/prisma/client";
import { GRANT_SUBJECT_TYPE, type GrantApplicationData } from "~/modules/grants/applications/application-form";
import { CallEligibilitySchema } from "~/modules/grants/calls/settings";
import {
  DEFAULT_CRITERIA,
  DEFAULT_TRANCHES,
  validateCallForPublish,
  type CallSettingsInput,
} from "~/modules/grants/calls/validation";
import { conflictingOrganizationIds, planAssignments } from "~/modules/review/assignment";
import { shanghaiEndOfDay, shanghaiMidnight } from "~/utils/dates";

const CALL_TITLE = "2026年江宁区社区微公益创投（秋季批次）";
const ASSIGNMENT_SEED = "5eed2026";
const STAFF_IP = "10.32.15.21";

function d(value: string) {
  const [day, time = "00:00"] = value.split(" ");
  return new Date(`${day}T${time}:00+08:00`);
}

const SETTINGS: CallSettingsInput = {
  categories: ["为老", "助残", "青少年", "社区治理", "其他"],
  poolFen: 40_000_000n,
  perProjectCapFen: 8_000_000,
  maxGrantSharePct: 70,
  minMatchRatioPct: 10,
  overheadCapPct: 10,
  applyOpensAt: shanghaiMidnight(2026, 8, 15),
  applyClosesAt: shanghaiEndOfDay(2026, 9, 30),
  screeningEndsAt: shanghaiEndOfDay(2026, 10, 20),
  reviewEndsAt: shanghaiEndOfDay(2026, 11, 30),
  publicityDays: 7,
  signingEndsAt: shanghaiEndOfDay(2026, 12, 31),
  eligibility: CallEligibilitySchema.parse({}),
  criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
  tranches: DEFAULT_TRANCHES.map((t) => ({ ...t })),
};

type ProjectSeed = {
  org: string;
  title: string;
  category: string;
  /** 元 */
  requested: number;
  own: number;
  matched: number;
  area: string;
  beneficiaries: string;
  count: number;
  needs: string;
  goals: string;
  /** how strong the project is, 0–100, drives the demo scores */
  quality: number;
};

const PROJECTS: ProjectSeed[] = [
  {
    org: "江宁区乐龄社区服务中心",
    title: "楼道互助“老伙伴”计划",
    category: "为老",
    requested: 60_000,
    own: 15_000,
    matched: 12_000,
    area: "江宁区东山街道",
    beneficiaries: "高龄独居老人及低龄志愿老人",
    count: 120,
    needs: "试点社区 80 岁以上独居老人 96 人，日常缺少照应；低龄老人有意愿参与互助但缺少组织。",
    goals: "组建 30 个楼道“老伙伴”互助小组，每周探访不少于 1 次，建立紧急联络机制。",
    quality: 88,
  },
  {
    org: "江宁区星语儿童康复中心",
    title: "孤独症儿童社区融合小组",
    category: "助残",
    requested: 75_000,
    own: 20_000,
    matched: 15_000,
    area: "江宁区秣陵街道",
    beneficiaries: "3—12 岁孤独症儿童及其家庭",
    count: 40,
    needs: "秣陵街道登记在册的孤独症儿童 52 名，康复机构训练之外缺少社区融合机会，家长照护压力大。",
    goals: "开展 24 次社区融合小组活动和 12 次家长喘息服务，培训 30 名社区志愿者。",
    quality: 84,
  },
  {
    org: "江宁区青禾青少年发展中心",
    title: "困境青少年“成长合伙人”陪伴",
    category: "青少年",
    requested: 70_000,
    own: 18_000,
    matched: 12_000,
    area: "江宁区淳化街道",
    beneficiaries: "留守、单亲及困境家庭青少年",
    count: 60,
    needs: "淳化街道困境青少年 140 余名，课后无人看护、学业和情绪支持不足。",
    goals: "一对一结对 60 名青少年，开展课业辅导、情绪支持和生涯探索，每月家访 1 次。",
    quality: 79,
  },
  {
    org: "江宁区百家湖社区发展服务中心",
    title: "小区议事会能力建设",
    category: "社区治理",
    requested: 50_000,
    own: 12_000,
    matched: 8_000,
    area: "江宁区百家湖街道",
    beneficiaries: "小区居民议事会成员和楼栋长",
    count: 200,
    needs: "辖区 18 个小区已成立议事会，但议事规则不清、居民参与低，停车和加装电梯等问题久拖不决。",
    goals: "为 18 个议事会提供议事规则培训和现场督导，推动解决不少于 10 项居民关心的问题。",
    quality: 73,
  },
  {
    org: "江宁区心晴心理咨询服务中心",
    title: "社区心理健康“守门人”培训",
    category: "其他",
    requested: 55_000,
    own: 10_000,
    matched: 10_000,
    area: "江宁区全区",
    beneficiaries: "社区工作者、网格员和志愿者",
    count: 150,
    needs: "社区工作者常遇到情绪危机居民，但缺少识别和转介能力。",
    goals: "培训 150 名心理健康“守门人”，建立社区—专业机构转介流程。",
    quality: 70,
  },
  {
    org: "江宁区禄口街道乐龄日间照料中心",
    title: "失能老人家庭照护者支持",
    category: "为老",
    requested: 65_000,
    own: 16_000,
    matched: 10_000,
    area: "江宁区禄口街道",
    beneficiaries: "居家失能、半失能老人的家庭照护者",
    count: 80,
    needs: "禄口街道居家失能老人约 300 名，家庭照护者普遍缺乏护理技能且身心疲惫。",
    goals: "开展照护技能培训 16 场，提供喘息服务 400 小时，组建照护者互助小组。",
    quality: 81,
  },
  {
    org: "江宁区同心社会工作服务中心",
    title: "新市民子女“四点半课堂”",
    category: "青少年",
    requested: 45_000,
    own: 10_000,
    matched: 6_000,
    area: "江宁区秣陵街道",
    beneficiaries: "外来务工人员子女",
    count: 90,
    needs: "辖区新市民子女放学后无人接送、作业辅导缺失。",
    goals: "每周 4 天提供课后托管和作业辅导，每学期开展 2 次亲子活动。",
    quality: 66,
  },
  {
    org: "江宁区阳光助残服务中心",
    title: "残疾人居家就业技能培训",
    category: "助残",
    requested: 68_000,
    own: 15_000,
    matched: 15_000,
    area: "江宁区全区",
    beneficiaries: "有就业意愿的持证残疾人",
    count: 50,
    needs: "全区有就业意愿的残疾人中，约六成因出行不便难以到岗就业。",
    goals: "开展电商客服和手工制作培训，帮助不少于 20 人实现居家就业。",
    quality: 76,
  },
  {
    org: "江宁区和谐人民调解服务中心",
    title: "社区矛盾纠纷“早调解”志愿服务",
    category: "社区治理",
    requested: 58_000,
    own: 12_000,
    matched: 9_000,
    area: "江宁区汤山街道",
    beneficiaries: "社区居民和楼栋调解志愿者",
    count: 300,
    needs: "汤山街道邻里纠纷逐年增多，小矛盾常因调解不及时而升级。",
    goals: "培训 40 名楼栋调解志愿者，全年化解邻里纠纷不少于 60 件。",
    quality: 62,
  },
  {
    org: "江宁区阳光社会工作服务中心",
    title: "“邻里帮”社区互助积分",
    category: "社区治理",
    requested: 52_000,
    own: 14_000,
    matched: 8_000,
    area: "江宁区东山街道",
    beneficiaries: "社区居民和志愿者",
    count: 500,
    needs: "社区志愿服务参与率低，居民间互助缺少激励和记录。",
    goals: "建立志愿服务积分和兑换机制，发展 300 名活跃志愿者，开展互助服务 2,000 小时。",
    quality: 74,
  },
];

/** Each reviewer's habit: a lenient or harsh scorer, so z-score normalisation has something to correct. */
const LENIENCY: Record<string, number> = { expert: 2, zhanghf: 5, liuzq: -8, zhoum: 0 };
const REVIEWER_EMAILS: Record<string, string> = {
  expert: "expert@yimiao.demo",
  zhanghf: "zhanghuifang@yimiao.demo",
  liuzq: "liuzhiqiang@yimiao.demo",
  zhoum: "zhoumin@yimiao.demo",
};

const COMMENTS = [
  "需求调研扎实，服务对象明确；建议细化志愿者培训安排，并补充过程评估方法。",
  "项目设计与目标衔接较好，预算基本合理；人员投入偏少，执行中注意服务质量的稳定。",
  "机构有相关服务经验，方案可行；创新性一般，建议加强与社区现有资源的联动。",
  "受益人群和指标清楚，但部分活动频次偏高，实施压力较大，建议调整进度安排。",
];

function scoreFor(quality: number, leniency: number, criterionIndex: number, salt: number) {
  // A deterministic wobble per reviewer and criterion keeps the demo scores varied but stable.
  const wobble = ((salt * 31 + criterionIndex * 17) % 11) - 5;
  return Math.max(40, Math.min(100, Math.round(quality + leniency + wobble)));
}

export async function seedGrantReview(prisma: PrismaClient) {
  if (await prisma.grantCall.findFirst({ where: { title: CALL_TITLE }, select: { id: true } })) return;
  const errors = validateCallForPublish(SETTINGS);
  if (Object.keys(errors).length > 0) throw new Error(`seedGrantReview: ${JSON.stringify(errors)}`);

  const [admin, reviewers, orgs] = await Promise.all([
    prisma.user.findFirst({
      where: { role: "ADMIN", status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    }),
    prisma.user.findMany({
      where: { email: { in: Object.values(REVIEWER_EMAILS) }, status: "ACTIVE" },
      select: {
        id: true,
        email: true,
        name: true,
        reviewerProfile: { select: { expertiseTags: true } },
        memberships: { select: { organizationId: true } },
        affiliations: { select: { organizationId: true } },
      },
    }),
    prisma.organization.findMany({
      where: { name: { in: PROJECTS.map((p) => p.org) }, status: "REGISTERED" },
      select: {
        id: true,
        name: true,
        legalRepresentative: true,
        memberships: { select: { userId: true }, orderBy: { createdAt: "asc" }, take: 1 },
      },
    }),
  ]);
  if (!admin) throw new Error("seedGrantReview: no administrator");
  const s = SETTINGS;
  const call = await prisma.grantCall.create({
    data: {
      title: CALL_TITLE,
      year: 2026,
      description:
        "面向全区社区社会组织征集小微公益项目，单个项目资助不超过 8 万元，资金总额 40 万元。本批次已完成资格审查，正在进行专家评审，评审结果经公示后签订资助协议。",
      status: "PUBLISHED",
      categories: JSON.stringify(s.categories),
      poolFen: s.poolFen,
      perProjectCapFen: s.perProjectCapFen,
      maxGrantSharePct: s.maxGrantSharePct,
      minMatchRatioPct: s.minMatchRatioPct,
      overheadCapPct: s.overheadCapPct,
      applyOpensAt: s.applyOpensAt,
      applyClosesAt: s.applyClosesAt,
      screeningEndsAt: s.screeningEndsAt,
      reviewEndsAt: s.reviewEndsAt,
      publicityDays: s.publicityDays,
      signingEndsAt: s.signingEndsAt,
      eligibility: JSON.stringify(s.eligibility),
      reviewersPerApplication: 3,
      aggregation: "MEAN",
      zScoreNormalize: true,
      disagreementThreshold: 15,
      assignmentSeed: ASSIGNMENT_SEED,
      createdById: admin.id,
      createdAt: d("2026-08-01 09:30"),
      publishedAt: d("2026-08-10 10:00"),
      criteria: { create: s.criteria.map((c, position) => ({ ...c, position })) },
      tranchePlan: { create: s.tranches.map((t, position) => ({ ...t, position })) },
    },
    select: { id: true, criteria: { select: { id: true }, orderBy: { position: "asc" } } },
  });

  const applications: Array<{ id: string; organizationId: string; category: string; quality: number; index: number }> =
    [];
  for (const [index, p] of PROJECTS.entries()) {
    const org = orgs.find((o) => o.name === p.org);
    if (!org) continue;
    const applicantId = org.memberships[0]?.userId ?? admin.id;
    const submittedAt = d(`2026-09-${String(10 + index * 2).padStart(2, "0")} 15:30`);
    const data: GrantApplicationData = {
      serviceArea: p.area,
      community: p.area.replace("江宁区", ""),
      beneficiaries: p.beneficiaries,
      beneficiaryCount: p.count,
      needs: p.needs,
      goals: p.goals,
      team: [{ name: "项目负责人", role: "项目主管", socialWorker: true, certificate: "SOCIAL_WORKER" }],
      declared: { requestedFen: p.requested * 100, ownFen: p.own * 100, matchedFen: p.matched * 100 },
    };
    const overhead = Math.round(p.requested * 0.08);
    const created = await prisma.grantApplication.create({
      data: {
        callId: call.id,
        organizationId: org.id,
        status: "SCREEN_PASSED",
        title: p.title,
        category: p.category,
        data: JSON.stringify(data),
        projectStart: d("2027-01-01"),
        projectEnd: d("2027-12-31"),
        requestedFen: p.requested * 100,
        ownFundsFen: p.own * 100,
        matchedFen: p.matched * 100,
        totalBudgetFen: (p.requested + p.own + p.matched) * 100,
        submittedAt,
        createdById: applicantId,
        createdAt: new Date(submittedAt.getTime() - 5 * 86_400_000),
        budgetLines: {
          create: [
            {
              category: "SOCIAL_WORK",
              description: "专业社工服务",
              requestedFen: (p.requested - overhead) * 100,
              ownFen: p.own * 100,
              matchedFen: 0,
              position: 0,
            },
            {
              category: "ACTIVITY",
              description: "社区活动物料",
              requestedFen: 0,
              ownFen: 0,
              matchedFen: p.matched * 100,
              position: 1,
            },
            {
              category: "OVERHEAD",
              description: "项目管理与审计",
              requestedFen: overhead * 100,
              ownFen: 0,
              matchedFen: 0,
              position: 2,
            },
          ],
        },
        milestones: {
          create: [
            { title: "项目启动", dueDate: d("2027-01-31"), position: 0 },
            { title: "中期评估", dueDate: d("2027-06-30"), position: 1 },
            { title: "结项", dueDate: d("2027-12-15"), position: 2 },
          ],
        },
        indicators: { create: [{ kind: "OUTPUT", name: "服务人数", target: `${p.count} 人`, position: 0 }] },
      },
      select: { id: true },
    });
    await prisma.auditEvent.createMany({
      data: [
        {
          actorId: applicantId,
          action: "grant_application.transition",
          entityType: GRANT_SUBJECT_TYPE,
          entityId: created.id,
          fromState: "DRAFT",
          toState: "SUBMITTED",
          reason: "提交申报",
          createdAt: submittedAt,
        },
        {
          actorId: admin.id,
          action: "grant_application.transition",
          entityType: GRANT_SUBJECT_TYPE,
          entityId: created.id,
          fromState: "SUBMITTED",
          toState: "SCREEN_PASSED",
          reason: "初审通过",
          ip: STAFF_IP,
          createdAt: d("2026-10-18 16:00"),
        },
      ],
    });
    applications.push({ id: created.id, organizationId: org.id, category: p.category, quality: p.quality, index });
  }

  const plan = planAssignments({
    subjects: applications.map((a) => ({ id: a.id, organizationId: a.organizationId, category: a.category })),
    reviewers: reviewers.map((r) => ({
      id: r.id,
      tags: JSON.parse(r.reviewerProfile?.expertiseTags ?? "[]") as string[],
      conflictOrganizationIds: conflictingOrganizationIds(
        {
          name: r.name,
          memberOrganizationIds: r.memberships.map((m) => m.organizationId),
          affiliatedOrganizationIds: r.affiliations.map((a) => a.organizationId),
        },
        orgs,
      ),
    })),
    existing: [],
    k: 3,
    seed: ASSIGNMENT_SEED,
  });

  const assignedAt = d("2026-10-21 09:30");
  const keyOf = (reviewerId: string) =>
    Object.entries(REVIEWER_EMAILS).find(
      ([, email]) => reviewers.find((r) => r.id === reviewerId)?.email === email,
    )![0];
  let expertTasks = 0;
  for (const [n, added] of plan.added.entries()) {
    const key = keyOf(added.reviewerId);
    const app = applications.find((a) => a.id === added.subjectId)!;
    // 李建国 (the demo reviewer) keeps a draft and two untouched tasks.
    const isExpert = key === "expert";
    const status = isExpert
      ? expertTasks === 0
        ? "DRAFTED"
        : expertTasks <= 2
          ? "ASSIGNED"
          : "SUBMITTED"
      : "SUBMITTED";
    if (isExpert) expertTasks++;
    const submittedAt = new Date(d("2026-11-02 10:00").getTime() + n * 5 * 3_600_000);
    const scores = call.criteria.map((c, i) => ({
      criterionId: c.id,
      score: scoreFor(app.quality, LENIENCY[key] ?? 0, i, n),
    }));
    const assignment = await prisma.reviewAssignment.create({
      data: {
        subjectType: GRANT_SUBJECT_TYPE,
        subjectId: added.subjectId,
        roundId: call.id,
        reviewerId: added.reviewerId,
        status,
        assignmentSeed: ASSIGNMENT_SEED,
        dueAt: s.reviewEndsAt,
        createdAt: assignedAt,
        comment: status === "ASSIGNED" ? null : COMMENTS[(n + app.index) % COMMENTS.length],
        recommendation:
          status === "SUBMITTED"
            ? app.quality >= 75
              ? "FUND"
              : app.quality >= 68
                ? "FUND_WITH_CHANGES"
                : "DO_NOT_FUND"
            : null,
        submittedAt: status === "SUBMITTED" ? submittedAt : null,
        scores: { create: status === "ASSIGNED" ? [] : status === "DRAFTED" ? scores.slice(0, 3) : scores },
      },
      select: { id: true },
    });
    if (status !== "ASSIGNED") {
      await prisma.auditEvent.create({
        data: {
          actorId: added.reviewerId,
          action: "review_assignment.transition",
          entityType: "ReviewAssignment",
          entityId: assignment.id,
          fromState: "ASSIGNED",
          toState: status,
          reason: status === "SUBMITTED" ? "提交评分" : "保存评分草稿",
          createdAt: submittedAt,
        },
      });
    }
  }
  await prisma.auditEvent.create({
    data: {
      actorId: admin.id,
      action: "grant_review.auto_assign",
      entityType: "GrantCall",
      entityId: call.id,
      reason: `随机种子 ${ASSIGNMENT_SEED}，每个项目 3 名专家，新增 ${plan.added.length} 项评审任务`,
      ip: STAFF_IP,
      createdAt: assignedAt,
    },
  });
}
