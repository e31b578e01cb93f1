// Demo 公益创投 calls for prisma/seed.ts: the 2026 call, published and open for
// applications until 20 December 2026, and the 2025 call, closed. The 2025 round
// ran before the platform opened (1 December 2025), so it has no audit trail.
import type { PrismaClient } from "~/generated/prisma/client";
import { CallEligibilitySchema } from "~/modules/grants/calls/settings";
import {
  DEFAULT_CATEGORIES,
  DEFAULT_CRITERIA,
  DEFAULT_TRANCHES,
  validateCallForPublish,
  type CallSettingsInput,
} from "~/modules/grants/calls/validation";
import { shanghaiEndOfDay, shanghaiMidnight } from "~/utils/dates";

/** A date and time in Asia/Shanghai, e.g. d("2026-10-28 10:15"). */
function d(value: string) {
  const [day, time = "00:00"] = value.split(" ");
  return new Date(`${day}T${time}:00+08:00`);
}

const STAFF_IP = "10.32.15.21";

type CallSeed = {
  title: string;
  year: number;
  description: string;
  status: "PUBLISHED" | "CLOSED";
  createdAt: Date;
  publishedAt: Date;
  settings: CallSettingsInput;
};

const criteria = () => DEFAULT_CRITERIA.map((c) => ({ ...c }));
const tranches = () => DEFAULT_TRANCHES.map((t) => ({ ...t }));

const CALLS: CallSeed[] = [
  {
    title: "2026年江宁区公益创投大赛",
    year: 2026,
    description:
      "为培育发展社区社会组织、回应群众身边的服务需求，区民政局安排福利彩票公益金 215 万元，面向全区社会组织征集公益服务项目。\n项目执行期原则上为 12 个月，服务须在本区范围内开展。申报机构须按要求提交项目申报书、预算表和机构资质材料，经资格审查、专家评审和公示后签订资助协议。",
    status: "PUBLISHED",
    createdAt: d("2026-10-20 09:30"),
    publishedAt: d("2026-10-28 10:15"),
    settings: {
      categories: [...DEFAULT_CATEGORIES],
      poolFen: 215_000_000n,
      perProjectCapFen: 10_000_000,
      maxGrantSharePct: 60,
      minMatchRatioPct: 20,
      overheadCapPct: 10,
      applyOpensAt: shanghaiMidnight(2026, 11, 1),
      applyClosesAt: shanghaiEndOfDay(2026, 12, 20),
      screeningEndsAt: shanghaiEndOfDay(2027, 1, 10),
      reviewEndsAt: shanghaiEndOfDay(2027, 2, 28),
      publicityDays: 7,
      signingEndsAt: shanghaiEndOfDay(2027, 3, 31),
      eligibility: CallEligibilitySchema.parse({}),
      criteria: criteria(),
      tranches: tranches(),
    },
  },
  {
    title: "2025年江宁区公益创投大赛",
    year: 2025,
    description:
      "2025 年度公益创投活动面向全区社会组织征集为老、助残、青少年、救助帮困和社区治理类服务项目，资金总额 180 万元。活动已结束，资助项目正在执行中。",
    status: "CLOSED",
    createdAt: d("2025-02-18 09:00"),
    publishedAt: d("2025-02-25 09:00"),
    settings: {
      categories: ["为老", "助残", "青少年", "救助帮困", "社区治理"],
      poolFen: 180_000_000n,
      perProjectCapFen: 8_000_000,
      maxGrantSharePct: 70,
      minMatchRatioPct: 10,
      overheadCapPct: 10,
      applyOpensAt: shanghaiMidnight(2025, 3, 1),
      applyClosesAt: shanghaiEndOfDay(2025, 4, 15),
      screeningEndsAt: shanghaiEndOfDay(2025, 4, 30),
      reviewEndsAt: shanghaiEndOfDay(2025, 5, 31),
      publicityDays: 7,
      signingEndsAt: shanghaiEndOfDay(2025, 6, 30),
      eligibility: CallEligibilitySchema.parse({}),
      criteria: criteria(),
      tranches: tranches(),
    },
  },
];

export async function seedGrantCalls(prisma: PrismaClient) {
  const admin = await prisma.user.findFirst({
    where: { role: "ADMIN", status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!admin) throw new Error("seedGrantCalls: no administrator to record as the calls' author");

  for (const seed of CALLS) {
    // The demo calls must satisfy the same checks as publishing through the editor.
    const errors = validateCallForPublish(seed.settings);
    if (Object.keys(errors).length > 0) throw new Error(`seedGrantCalls: ${seed.title}: ${JSON.stringify(errors)}`);
    const s = seed.settings;
    const call = await prisma.grantCall.create({
      data: {
        title: seed.title,
        year: seed.year,
        description: seed.description,
        status: seed.status,
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
        createdById: admin.id,
        createdAt: seed.createdAt,
        publishedAt: seed.publishedAt,
        criteria: { create: s.criteria.map((c, position) => ({ ...c, position })) },
        tranchePlan: { create: s.tranches.map((t, position) => ({ ...t, position })) },
      },
      select: { id: true },
    });
    if (seed.createdAt >= d("2025-12-01")) {
      await prisma.auditEvent.createMany({
        data: [
          {
            actorId: admin.id,
            action: "grant_call.create",
            entityType: "GrantCall",
            entityId: call.id,
            reason: seed.title,
            ip: STAFF_IP,
            createdAt: seed.createdAt,
          },
          {
            actorId: admin.id,
            action: "grant_call.transition",
            entityType: "GrantCall",
            entityId: call.id,
            fromState: "DRAFT",
            toState: "PUBLISHED",
            reason: "发布",
            ip: STAFF_IP,
            createdAt: seed.publishedAt,
          },
        ],
      });
    }
  }
}
