// Arranging rating rounds for the browser specs: a small indicator scheme of every leaf method
// (unique per attempt), and an organization registered long enough to apply.
import crypto from "node:crypto";
import { checklist, defineRows, manual, tiers, yesNo, branch } from "~/modules/indicators/define";
import { createScheme } from "~/modules/indicators/scheme.server";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

/** 40 points: 1 基础条件 (yes/no 10, tiers 10), 2 内部治理 (checklist 10, manual 10). */
export async function smallRatingScheme() {
  const suffix = crypto.randomBytes(4).toString("hex");
  const { rows, rules, totalPoints } = defineRows([
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
  const scheme = await prisma.$transaction((tx) =>
    createScheme(
      tx,
      {
        key: `e2e-rating-${suffix}`,
        title: `测试评估指标${suffix}`,
        purpose: "RATING",
        orgType: "SOCIAL_SERVICE",
        subtype: null,
        totalPoints,
        bonusCap: 0,
        rules,
        createdById: null,
      },
      rows,
    ),
  );
  return { id: scheme.id, title: `测试评估指标${suffix}`, suffix };
}

/** A round OPEN today on `schemeId` for 社会服务机构, made straight in the database. */
export async function openRound(schemeId: string, title: string) {
  const today = new Date();
  return prisma.ratingRound.create({
    data: {
      year: 2026,
      title,
      rulesVersion: "2026",
      bands: JSON.stringify([
        { grade: 5, min: 36 },
        { grade: 4, min: 32 },
        { grade: 3, min: 28 },
        { grade: 2, min: 24 },
        { grade: 1, min: 20 },
      ]),
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
