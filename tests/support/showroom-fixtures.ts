// Arranges showroom data straight in the database (tests only).
import crypto from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";

let counter = 0;

export async function createShowroomOrg(prisma: PrismaClient, name?: string) {
  counter += 1;
  // Two workers can call this in the same millisecond with the same counter.
  const suffix = `${Date.now().toString(36)}${counter}${crypto.randomBytes(2).toString("hex")}`;
  const member = await prisma.user.create({
    data: { email: `maker-${suffix}@test.yimiao.local`, name: "李巧", role: "ORG_MEMBER" },
    select: { id: true },
  });
  const org = await prisma.organization.create({
    data: {
      name: name ?? `测试助残手工坊${suffix}`,
      type: "SOCIAL_SERVICE",
      status: "REGISTERED",
      memberships: { create: { userId: member.id, role: "OWNER" } },
    },
    select: { id: true, name: true },
  });
  return { org, member };
}

type ProductInput = {
  organizationId: string;
  createdById: string;
  name?: string;
  priceFen?: number;
  stock?: number;
  makerSharePct?: number;
};

export async function createListedProduct(prisma: PrismaClient, input: ProductInput) {
  return createProductRow(prisma, input, "LISTED");
}

/** A product waiting for staff screening (never listed). */
export async function createPendingProduct(prisma: PrismaClient, input: ProductInput) {
  return createProductRow(prisma, input, "PENDING");
}

async function createProductRow(prisma: PrismaClient, input: ProductInput, status: "LISTED" | "PENDING") {
  const makerSharePct = input.makerSharePct ?? 70;
  return prisma.product.create({
    data: {
      organizationId: input.organizationId,
      createdById: input.createdById,
      name: input.name ?? "手工编织杯垫",
      category: "HANDICRAFT",
      description: "纯棉线手工编织的杯垫，每一件都独一无二。",
      makerStory: "由社区助残工坊的学员手工编织，收入用于学员生活补贴。",
      priceFen: input.priceFen ?? 2990,
      stock: input.stock ?? 10,
      makerSharePct,
      fundSharePct: 100 - makerSharePct,
      fundName: "测试社区微基金",
      status,
      listedAt: status === "LISTED" ? new Date() : null,
    },
    select: { id: true, name: true, priceFen: true, stock: true },
  });
}
