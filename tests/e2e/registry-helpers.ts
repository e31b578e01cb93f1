// Arranging registered organizations for the registry journeys, straight in the e2e database.
import crypto from "node:crypto";
import { generateUscc } from "~/modules/organizations/uscc";
import { prisma } from "~/utils/db.server";

const CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/**
 * A registered 社会服务机构 with a valid, unique USCC. Registered long ago so it
 * does not change the home page's "newest" and "this year" figures.
 */
export async function createRegisteredOrg(prefix: string, { memberId }: { memberId?: string } = {}) {
  const suffix = crypto.randomBytes(3).toString("hex");
  const body = Array.from(crypto.randomBytes(8), (b) => CODE_ALPHABET[b % 31]).join("");
  return prisma.organization.create({
    data: {
      name: `${prefix}${suffix}`,
      type: "SOCIAL_SERVICE",
      status: "REGISTERED",
      uscc: generateUscc({ typeDigit: "2", areaCode: "320115", orgCodeBase8: body }),
      registeredAt: new Date("2015-04-20T00:00:00+08:00"),
      category: "城乡社区服务类",
      address: `南京市江宁区秣陵街道测试路${crypto.randomInt(1, 999)}号`,
      areaCode: "320115",
      area: "南京市江宁区",
      purpose: "为社区居民提供专业社会工作服务。",
      scope: "社区服务；社会工作培训。",
      legalRepresentative: "测试法人",
      capitalFen: 3_000_000n,
      contactName: "联系人",
      contactPhone: "13912345678",
      contactEmail: `contact-${suffix}@test.yimiao.local`,
      ...(memberId ? { memberships: { create: { userId: memberId, role: "OWNER" } } } : {}),
    },
    select: { id: true, name: true, address: true, uscc: true },
  });
}

/** Today in Shanghai as 2026年11月23日. */
export function todayShown() {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(new Date());
}
