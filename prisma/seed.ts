// Demo data for one district. Run by scripts/setup-db.ts on an empty database.
import { hashPassword } from "~/modules/auth/auth.server";
import { prisma } from "~/utils/db.server";

export const DEMO_PASSWORD = "Yimiao2026";

async function main() {
  const hash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    await tx.user.create({
      data: { email: "admin@yimiao.demo", name: "王敏（民政局）", role: "ADMIN", phone: "13800000001", password: { create: { hash } } },
    });
    await tx.user.create({
      data: {
        email: "expert@yimiao.demo",
        name: "李建国",
        role: "REVIEWER",
        phone: "13800000002",
        password: { create: { hash } },
        reviewerProfile: { create: { expertiseTags: JSON.stringify(["为老", "社区治理"]), title: "副教授", employer: "市社会工作学院" } },
      },
    });
    const member = await tx.user.create({
      data: { email: "org@yimiao.demo", name: "陈晓", role: "ORG_MEMBER", phone: "13800000003", password: { create: { hash } } },
    });
    await tx.organization.create({
      data: {
        type: "SOCIAL_SERVICE",
        name: "阳光社会工作服务中心",
        status: "REGISTERED",
        memberships: { create: { userId: member.id, role: "OWNER" } },
      },
    });
  });
  console.log("Demo data loaded.");
}

main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  })
  .finally(() => prisma.$disconnect());
