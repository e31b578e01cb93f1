// Arranging rating rounds for the browser specs: indicator schemes (unique per attempt), a small
// one of every leaf method, an open round, an organization registered long enough to apply, and
// an expert assigned to an application and signed in.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { checklist, defineRows, manual, tiers, yesNo, branch } from "~/modules/indicators/define";
import { createScheme } from "~/modules/indicators/scheme.server";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, loginAs } from "../playwright-utils";

/** The grade bands of the small scheme's 40 points. */
export const SMALL_SCHEME_BANDS = JSON.stringify([
  { grade: 5, min: 36 },
  { grade: 4, min: 32 },
  { grade: 3, min: 28 },
  { grade: 2, min: 24 },
  { grade: 1, min: 20 },
]);

/** Saves a 社会服务机构 rating scheme of these rows, its key and title made unique per attempt. */
export async function createRatingScheme(defined: ReturnType<typeof defineRows>, name: { key: string; title: string }) {
  const suffix = crypto.randomBytes(4).toString("hex");
  const title = `${name.title}${suffix}`;
  const scheme = await prisma.$transaction((tx) =>
    createScheme(
      tx,
      {
        key: `${name.key}-${suffix}`,
        title,
        purpose: "RATING",
        orgType: "SOCIAL_SERVICE",
        subtype: null,
        totalPoints: defined.totalPoints,
        bonusCap: 0,
        rules: defined.rules,
        createdById: null,
      },
      defined.rows,
    ),
  );
  return { id: scheme.id, title, suffix };
}

/** 40 points: 1 基础条件 (yes/no 10, tiers 10), 2 内部治理 (checklist 10, manual 10). */
export async function smallRatingScheme() {
  const defined = defineRows([
    branch("基础条件", [
      yesNo("按章程规定程序选举产生法定代表人", 10, "选举会议记录"),
      tiers(
        "办公场所面积",
        [
          ["80㎡及以上", 10],
          ["50–80㎡", 6],
        ],
        "房屋租赁合同",
      ),
    ]),
    branch("内部治理", [
      checklist(
        "财务制度",
        [
          ["建立财务管理制度", 5],
          ["年度审计", 5],
        ],
        "制度文本、审计报告",
      ),
      manual("信息公开", 10, "年度报告公开截图"),
    ]),
  ]);
  return createRatingScheme(defined, { key: "e2e-rating", title: "测试评估指标" });
}

/** A round OPEN today on `schemeId` for 社会服务机构, made straight in the database. */
export async function openRound(schemeId: string, title: string) {
  const today = new Date();
  return prisma.ratingRound.create({
    data: {
      year: 2026,
      title,
      rulesVersion: "2026",
      bands: SMALL_SCHEME_BANDS,
      applyOpensAt: addDays(today, -1),
      applyClosesAt: addDays(today, 10),
      reviewEndsAt: addDays(today, 30),
      reviewersPerApplication: 1,
      status: "OPEN",
      schemes: { create: { orgType: "SOCIAL_SERVICE", schemeId } },
    },
    select: { id: true },
  });
}

/** Makes the member's organization registered `years` ago. */
export async function registeredYearsAgo(organizationId: string, years: number) {
  await prisma.organization.update({
    where: { id: organizationId },
    data: { status: "REGISTERED", registeredAt: addDays(new Date(), -Math.round(years * 365) - 2) },
  });
}

/** Assigns the application to a new expert and signs the expert in (instead of whoever was). */
export async function assignExpertAndSignIn(page: Page, application: { id: string; roundId: string }) {
  const expert = await createUser({ role: "REVIEWER" });
  const assignment = await prisma.reviewAssignment.create({
    data: {
      subjectType: "RatingApplication",
      subjectId: application.id,
      roundId: application.roundId,
      reviewerId: expert.id,
    },
    select: { id: true },
  });
  await page.context().clearCookies();
  await loginAs(page, expert.id);
  return assignment;
}
