// The demo 公益创投 call open for applications on the day the seed runs (this year's
// 公益创投大赛, applications closing in a month). The rounds further on — in review,
// in publicity, last year's funded one — are seeded by grants-review.ts.
import type { PrismaClient } from "~/generated/prisma/client";
import { CallEligibilitySchema } from "~/modules/grants/calls/settings";
import {
  DEFAULT_CATEGORIES,
  DEFAULT_CRITERIA,
  DEFAULT_TRANCHES,
  validateCallForPublish,
  type CallSettingsInput,
} from "~/modules/grants/calls/validation";
import { storyDate, storyEndOfDay, thisYear } from "./dates";

/** This year's call, open for applications; grants-applications.ts fills it. */
export const OPEN_CALL_TITLE = `${thisYear}年江宁区公益创投大赛`;

const STAFF_IP = "10.32.15.21";

type CallSeed = {
  title: string;
  year: number;
  description: string;
  status: "PUBLISHED";
  createdAt: Date;
  publishedAt: Date;
  settings: CallSettingsInput;
};

const criteria = () => DEFAULT_CRITERIA.map((c) => ({ ...c }));
const tranches = () => DEFAULT_TRANCHES.map((t) => ({ ...t }));

const CALLS: CallSeed[] = [
  {
    title: OPEN_CALL_TITLE,
    year: thisYear,
    description:
      "为培育发展社区社会组织、回应群众身边的服务需求，区民政局安排福利彩票公益金 215 万元，面向全区社会组织征集公益服务项目。\n项目执行期原则上为 12 个月，服务须在本区范围内开展。申报机构须按要求提交项目申报书、预算表和机构资质材料，经资格审查、专家评审和公示后签订资助协议。",
    status: "PUBLISHED",
    createdAt: storyDate("2026-10-20 09:30"),
    publishedAt: storyDate("2026-10-28 10:15"),
    settings: {
      categories: [...DEFAULT_CATEGORIES],
      poolFen: 215_000_000n,
      perProjectCapFen: 10_000_000,
      maxGrantSharePct: 60,
      minMatchRatioPct: 20,
      overheadCapPct: 10,
      applyOpensAt: storyDate("2026-11-01"),
      applyClosesAt: storyEndOfDay("2026-12-20"),
      screeningEndsAt: storyEndOfDay("2027-01-10"),
      reviewEndsAt: storyEndOfDay("2027-02-28"),
      publicityDays: 7,
      signingEndsAt: storyEndOfDay("2027-03-31"),
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
    if (seed.createdAt >= storyDate("2025-12-01")) {
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
