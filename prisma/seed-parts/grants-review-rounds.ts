// The demo expert-review rounds (grants-review.ts), each in a different phase on
// the day the seed runs: a call funded about a year and a half ago (list confirmed,
// its projects ended about five months ago); this year's first batch in publicity (shortlist published, objections open); the second
// batch in expert review, the demo expert's tasks due in the coming days.
import { CallEligibilitySchema } from "~/modules/grants/calls/settings";
import type { CallSettingsInput } from "~/modules/grants/calls/validation";
import { DEFAULT_CRITERIA, DEFAULT_TRANCHES } from "~/modules/grants/calls/validation";
import { daysFromToday, endOfDayFromToday, storyDate, thisYear, yearOf } from "./dates";

export type ReviewRound = {
  /** which project titles the round uses (EARLIER_TITLES), and how far it has gone */
  key: "review" | "publicity" | "funded" | "delivery" | "signing";
  title: string;
  year: number;
  description: string;
  status: "PUBLISHED" | "CLOSED";
  settings: CallSettingsInput;
  createdAt: Date;
  publishedAt: Date;
  /** when the day's applications were submitted (one every two days from here) */
  submissionsFrom: Date;
  screenedAt: Date;
  assignedAt: Date;
  /** the first submitted review (one every five hours after) */
  reviewsFrom: Date;
  /** when the shortlist was published for publicity (publicity and funded rounds) */
  publishedShortlistAt?: Date;
  /** when the list was confirmed (funded round) */
  confirmedAt?: Date;
  projectStart: Date;
};

function settings(
  dates: Pick<
    CallSettingsInput,
    "applyOpensAt" | "applyClosesAt" | "screeningEndsAt" | "reviewEndsAt" | "signingEndsAt"
  >,
  money: Pick<CallSettingsInput, "poolFen" | "perProjectCapFen" | "maxGrantSharePct" | "minMatchRatioPct">,
): CallSettingsInput {
  return {
    categories: ["为老", "助残", "青少年", "社区治理", "其他"],
    overheadCapPct: 10,
    publicityDays: 7,
    eligibility: CallEligibilitySchema.parse({}),
    criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
    tranches: DEFAULT_TRANCHES.map((t) => ({ ...t })),
    ...dates,
    ...money,
  };
}

/** When the call in delivery (the "autumn call", confirmed about 200 days ago) opened. */
const DELIVERY_OPENS = daysFromToday(-340);
/** When the call whose agreements are being signed (confirmed 35 days ago) opened. */
const SIGNING_OPENS = daysFromToday(-125);

/** When the funded round (last year's call in the December story) opened for applications. */
const FUNDED_OPENS = daysFromToday(-635);

const MICRO = { poolFen: 40_000_000n, perProjectCapFen: 8_000_000, maxGrantSharePct: 70, minMatchRatioPct: 10 };

export const REVIEW_ROUNDS: ReviewRound[] = [
  {
    // Dated from today, not from the calendar year: its projects always ended about five
    // months ago, so the evaluation and closing seed (funding-*.ts) finds them finished
    // on any date; labelled by the year its applications opened (the "2025 call" when
    // the seed runs in December 2026).
    key: "funded",
    title: `${yearOf(FUNDED_OPENS)}年江宁区公益创投大赛`,
    year: yearOf(FUNDED_OPENS),
    description: `${yearOf(FUNDED_OPENS)} 年度公益创投活动面向全区社会组织征集为老、助残、青少年、救助帮困和社区治理类服务项目，资金总额 40 万元。立项名单已确认，资助项目已执行完毕，正在进行终期评估和结项。`,
    status: "CLOSED",
    settings: settings(
      {
        applyOpensAt: FUNDED_OPENS,
        applyClosesAt: endOfDayFromToday(-590),
        screeningEndsAt: endOfDayFromToday(-575),
        reviewEndsAt: endOfDayFromToday(-544),
        signingEndsAt: endOfDayFromToday(-514),
      },
      MICRO,
    ),
    createdAt: daysFromToday(-656, "09:00"),
    publishedAt: daysFromToday(-649, "09:00"),
    submissionsFrom: daysFromToday(-616, "15:30"),
    screenedAt: daysFromToday(-577, "16:00"),
    assignedAt: daysFromToday(-569, "09:30"),
    reviewsFrom: daysFromToday(-563, "10:00"),
    publishedShortlistAt: daysFromToday(-543, "10:00"),
    confirmedAt: daysFromToday(-533, "15:00"),
    projectStart: daysFromToday(-514),
  },
  {
    // Funding seed (funding*.ts): its projects signed about six months ago, in delivery
    // and mid-term evaluation.
    key: "delivery",
    title: `${yearOf(DELIVERY_OPENS)}年江宁区社区服务公益创投`,
    year: yearOf(DELIVERY_OPENS),
    description:
      "面向全区社会组织征集社区为老、助残、青少年和社区治理服务项目，资金总额 45 万元。立项名单已确认并签订资助协议，项目正在执行，已进入中期评估。",
    status: "CLOSED",
    settings: settings(
      {
        applyOpensAt: DELIVERY_OPENS,
        applyClosesAt: endOfDayFromToday(-300),
        screeningEndsAt: endOfDayFromToday(-285),
        reviewEndsAt: endOfDayFromToday(-230),
        signingEndsAt: endOfDayFromToday(-168),
      },
      { ...MICRO, poolFen: 45_000_000n },
    ),
    createdAt: daysFromToday(-352, "09:30"),
    publishedAt: daysFromToday(-346, "10:00"),
    submissionsFrom: daysFromToday(-330, "15:30"),
    screenedAt: daysFromToday(-288, "16:00"),
    assignedAt: daysFromToday(-280, "09:30"),
    reviewsFrom: daysFromToday(-268, "10:00"),
    publishedShortlistAt: daysFromToday(-215, "10:00"),
    confirmedAt: daysFromToday(-200, "15:00"),
    projectStart: daysFromToday(-185),
  },
  {
    // Funding seed: confirmed five weeks ago, agreements being signed before the deadline.
    key: "signing",
    title: `${yearOf(SIGNING_OPENS)}年江宁区为老助残公益创投专项`,
    year: yearOf(SIGNING_OPENS),
    description: "面向为老、助残服务领域的社会组织征集服务项目，资金总额 20 万元。立项名单已确认，正在签订资助协议。",
    status: "CLOSED",
    settings: settings(
      {
        applyOpensAt: SIGNING_OPENS,
        applyClosesAt: endOfDayFromToday(-85),
        screeningEndsAt: endOfDayFromToday(-72),
        reviewEndsAt: endOfDayFromToday(-52),
        signingEndsAt: endOfDayFromToday(12),
      },
      { ...MICRO, poolFen: 20_000_000n },
    ),
    createdAt: daysFromToday(-135, "09:30"),
    publishedAt: daysFromToday(-130, "10:00"),
    submissionsFrom: daysFromToday(-118, "15:30"),
    screenedAt: daysFromToday(-75, "16:00"),
    assignedAt: daysFromToday(-70, "09:30"),
    reviewsFrom: daysFromToday(-64, "10:00"),
    publishedShortlistAt: daysFromToday(-48, "10:00"),
    confirmedAt: daysFromToday(-35, "15:00"),
    projectStart: daysFromToday(20),
  },
  {
    key: "publicity",
    title: `${thisYear}年江宁区社区微公益创投（第一批）`,
    year: thisYear,
    description:
      "面向全区社区社会组织征集小微公益项目，单个项目资助不超过 8 万元，资金总额 40 万元。本批次专家评审已结束，拟入围名单正在公示，公示期内任何单位和个人均可提出异议。",
    status: "PUBLISHED",
    settings: settings(
      {
        applyOpensAt: daysFromToday(-150),
        applyClosesAt: endOfDayFromToday(-105),
        screeningEndsAt: endOfDayFromToday(-85),
        reviewEndsAt: endOfDayFromToday(-3),
        signingEndsAt: endOfDayFromToday(40),
      },
      MICRO,
    ),
    createdAt: daysFromToday(-170, "09:30"),
    publishedAt: daysFromToday(-160, "10:00"),
    submissionsFrom: daysFromToday(-125, "15:30"),
    screenedAt: daysFromToday(-90, "16:00"),
    assignedAt: daysFromToday(-84, "09:30"),
    reviewsFrom: daysFromToday(-60, "10:00"),
    publishedShortlistAt: daysFromToday(-2, "10:00"),
    projectStart: daysFromToday(45),
  },
  {
    key: "review",
    title: `${thisYear}年江宁区社区微公益创投（第二批）`,
    year: thisYear,
    description:
      "面向全区社区社会组织征集小微公益项目，单个项目资助不超过 8 万元，资金总额 40 万元。本批次已完成资格审查，正在进行专家评审，评审结果经公示后签订资助协议。",
    status: "PUBLISHED",
    settings: settings(
      {
        applyOpensAt: storyDate("2026-08-15"),
        applyClosesAt: endOfDayFromToday(-52),
        screeningEndsAt: endOfDayFromToday(-32),
        reviewEndsAt: endOfDayFromToday(9),
        signingEndsAt: endOfDayFromToday(40),
      },
      MICRO,
    ),
    createdAt: storyDate("2026-08-01 09:30"),
    publishedAt: storyDate("2026-08-10 10:00"),
    submissionsFrom: storyDate("2026-09-10 15:30"),
    screenedAt: storyDate("2026-10-18 16:00"),
    assignedAt: storyDate("2026-10-21 09:30"),
    reviewsFrom: storyDate("2026-11-02 10:00"),
    projectStart: storyDate("2027-01-01"),
  },
];
