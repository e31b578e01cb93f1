// Demo data for the charity product showroom (公益产品展销): twelve listed
// products from registered demo organizations with drawn pictures (product-art/),
// two waiting for screening, and a few past orders (paid, completed, and one
// counter order still waiting for payment).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { UPLOAD_ROOT } from "~/modules/attachments/uploads.server";
import type { ProductCategory } from "~/modules/showroom/labels";
import { PRODUCT_IMAGE_PURPOSE } from "~/modules/showroom/products.server";
import { daysFromToday } from "./dates";
import { drawProduct, type ArtKind } from "./product-art/drawings";

type ProductSeed = {
  name: string;
  category: ProductCategory;
  yuan: number;
  stock: number;
  maker: number;
  /** what the drawn picture shows (product-art/drawings.ts) */
  art: ArtKind;
  colour: [number, number, number];
  description: string;
  story: string;
  pickupOnly?: boolean;
  pending?: boolean;
};

const PRODUCTS: ProductSeed[] = [
  {
    name: "手工编织杯垫（四件套）",
    category: "HANDICRAFT",
    yuan: 39.9,
    stock: 40,
    maker: 70,
    art: "coasters",
    colour: [196, 120, 64],
    description: "纯棉线手工钩织，防烫防滑，可机洗。",
    story: "由街道残疾人之家的六位学员钩织，每套约需两天完成。",
  },
  {
    name: "布艺收纳篮",
    category: "HANDICRAFT",
    yuan: 58,
    stock: 25,
    maker: 70,
    art: "basket",
    colour: [120, 160, 200],
    description: "棉麻布料手工缝制，可折叠，适合收纳玩具和杂物。",
    story: "社区妈妈手工坊的作品，收入帮助全职妈妈重返社会。",
  },
  {
    name: "扎染丝巾",
    category: "HANDICRAFT",
    yuan: 88,
    stock: 15,
    maker: 80,
    art: "silkScarf",
    colour: [60, 90, 160],
    description: "植物染料手工扎染，每一条花纹都不相同。",
    story: "听障青年工作室的学员在老师指导下完成扎染全过程。",
  },
  {
    name: "社区记忆明信片（12张）",
    category: "CULTURAL",
    yuan: 25,
    stock: 100,
    maker: 60,
    art: "postcards",
    colour: [230, 200, 120],
    description: "老街巷手绘明信片一套十二张。",
    story: "由社区老年书画班的老人们写生创作，记录正在变化的街区。",
  },
  {
    name: "公益帆布袋",
    category: "CULTURAL",
    yuan: 32,
    stock: 60,
    maker: 60,
    art: "tote",
    colour: [240, 235, 220],
    description: "加厚帆布，印有孤独症儿童的画作。",
    story: "图案来自星星的孩子美术课，每售出一个即向画作者支付版权费。",
  },
  {
    name: "手绘书签（6枚）",
    category: "CULTURAL",
    yuan: 18,
    stock: 80,
    maker: 70,
    art: "bookmarks",
    colour: [180, 210, 170],
    description: "卡纸手绘书签，附丝带。",
    story: "阳光助残中心的学员手绘，是他们的第一份“工作”。",
  },
  {
    name: "高山云雾绿茶 250g",
    category: "FARM",
    yuan: 96,
    stock: 30,
    maker: 75,
    art: "teaTin",
    colour: [90, 140, 70],
    description: "结对帮扶村合作社出品，明前采摘，手工炒制。",
    story: "合作社吸纳了二十多户留守老人采茶，收入直接到户。",
    pickupOnly: false,
  },
  {
    name: "土鸡蛋 30枚",
    category: "FARM",
    yuan: 45,
    stock: 20,
    maker: 85,
    art: "eggs",
    colour: [235, 215, 180],
    description: "林下散养土鸡蛋，产后三天内送达展销厅。",
    story: "帮扶村的养殖户家庭，易碎品仅限到展销厅自提。",
    pickupOnly: true,
  },
  {
    name: "手工红薯粉条 1kg",
    category: "FARM",
    yuan: 28,
    stock: 50,
    maker: 80,
    art: "noodles",
    colour: [170, 120, 100],
    description: "传统工艺手工制作，无添加。",
    story: "由村里的老手艺人带着残疾人家庭一起制作。",
  },
  {
    name: "助残烘焙曲奇礼盒",
    category: "FOOD",
    yuan: 68,
    stock: 12,
    maker: 70,
    art: "cookies",
    colour: [210, 160, 90],
    description: "黄油曲奇三种口味，保质期 30 天。",
    story: "心智障碍青年烘焙坊出品，烘焙师都是坊里的学员。",
  },
  {
    name: "老人手作桂花糕",
    category: "FOOD",
    yuan: 36,
    stock: 10,
    maker: 70,
    art: "osmanthusCake",
    colour: [250, 220, 140],
    description: "当日制作，仅限自提，当日食用。",
    story: "社区长者食堂的阿姨们用老方子做的桂花糕。",
    pickupOnly: true,
  },
  {
    name: "公益爱心挂历",
    category: "OTHER",
    yuan: 30,
    stock: 3,
    maker: 50,
    art: "calendar",
    colour: [200, 80, 80],
    description: "2027 年挂历，收录十二位志愿者的故事。",
    story: "由志愿者协会编印，所得全部用于社区困难家庭帮扶。",
  },
  {
    name: "草木染围巾",
    category: "HANDICRAFT",
    yuan: 128,
    stock: 8,
    maker: 80,
    art: "woolScarf",
    colour: [120, 100, 60],
    description: "羊毛围巾，核桃皮草木染。",
    story: "新加入的残疾人手工坊作品，等待质量审核。",
    pending: true,
  },
  {
    name: "手工香皂礼盒",
    category: "OTHER",
    yuan: 49,
    stock: 20,
    maker: 70,
    art: "soap",
    colour: [200, 180, 220],
    description: "冷制工艺手工皂三块装。",
    story: "社区妈妈手工坊新开发的产品。",
    pending: true,
  },
];

async function writePicture(seed: ProductSeed, variant: number) {
  const storageKey = `showroom-demo/${crypto.randomUUID()}.png`;
  const png = drawProduct(seed.art, seed.colour, variant);
  await fs.mkdir(path.join(UPLOAD_ROOT, "showroom-demo"), { recursive: true });
  await fs.writeFile(path.join(UPLOAD_ROOT, storageKey), png);
  return { storageKey, size: png.length };
}

function daysAgo(days: number, hour = 10) {
  return daysFromToday(-days, `${hour}:00`);
}

export async function seedShowroom(prisma: PrismaClient) {
  if ((await prisma.product.count()) > 0) return;
  const orgs = await prisma.organization.findMany({
    where: { status: "REGISTERED", memberships: { some: {} } },
    orderBy: { name: "asc" },
    take: 4,
    select: { id: true, name: true, memberships: { take: 1, orderBy: { createdAt: "asc" }, select: { userId: true } } },
  });
  if (orgs.length === 0) return;

  const created: { id: string; name: string; organizationId: string; priceFen: number; maker: number }[] = [];
  for (const [i, seed] of PRODUCTS.entries()) {
    const org = orgs[i % orgs.length]!;
    const userId = org.memberships[0]!.userId;
    const listedAt = seed.pending ? null : daysAgo(40 - i * 2);
    const product = await prisma.product.create({
      data: {
        organizationId: org.id,
        createdById: userId,
        name: seed.name,
        category: seed.category,
        description: seed.description,
        makerStory: seed.story,
        priceFen: Math.round(seed.yuan * 100),
        stock: seed.stock,
        makerSharePct: seed.maker,
        fundSharePct: 100 - seed.maker,
        fundName: "街道社区微基金",
        allowShipping: !seed.pickupOnly,
        allowPickup: true,
        status: seed.pending ? "PENDING" : "LISTED",
        listedAt,
        createdAt: daysAgo(45 - i * 2),
      },
      select: { id: true },
    });
    for (const position of [0, 1]) {
      const file = await writePicture(seed, position);
      const attachment = await prisma.attachment.create({
        data: {
          uploaderId: userId,
          organizationId: org.id,
          purpose: PRODUCT_IMAGE_PURPOSE,
          originalName: `${seed.name}-${position + 1}.png`,
          mimeType: "image/png",
          sizeBytes: file.size,
          storageKey: file.storageKey,
          subjectType: "Product",
          subjectId: product.id,
          isPublic: true,
        },
        select: { id: true },
      });
      await prisma.productImage.create({
        data: { productId: product.id, attachmentId: attachment.id, position },
        select: { id: true },
      });
    }
    if (!seed.pending)
      created.push({
        id: product.id,
        name: seed.name,
        organizationId: org.id,
        priceFen: Math.round(seed.yuan * 100),
        maker: seed.maker,
      });
  }

  type OrderSeed = {
    no: string;
    buyer: string;
    phone: string;
    status: string;
    days: number;
    lines: [number, number][];
    method: string;
    delivery: string;
    address?: string;
  };
  const ORDERS: OrderSeed[] = [
    {
      no: "YM-DEMO-0001",
      buyer: "陈晓华",
      phone: "13900001111",
      status: "COMPLETED",
      days: 30,
      lines: [
        [0, 2],
        [3, 1],
      ],
      method: "COUNTER",
      delivery: "PICKUP",
    },
    {
      no: "YM-DEMO-0002",
      buyer: "刘芳",
      phone: "13900002222",
      status: "SHIPPED",
      days: 12,
      lines: [[6, 1]],
      method: "BANK_TRANSFER",
      delivery: "SHIPPING",
      address: "本区江滨路 88 号 3 栋 402 室",
    },
    {
      no: "YM-DEMO-0003",
      buyer: "周建国",
      phone: "13900003333",
      status: "PAID",
      days: 2,
      lines: [
        [9, 2],
        [4, 3],
      ],
      method: "COUNTER",
      delivery: "PICKUP",
    },
    {
      no: "YM-DEMO-0004",
      buyer: "吴丽",
      phone: "13900004444",
      status: "PENDING_PAYMENT",
      days: 0,
      lines: [[1, 1]],
      method: "COUNTER",
      delivery: "PICKUP",
    },
  ];
  for (const o of ORDERS) {
    const lines = o.lines.map(([index, quantity]) => ({ product: created[index % created.length]!, quantity }));
    // Today's counter order was placed an hour before the seed ran (or at 09:00 on SEED_TODAY).
    const createdAt =
      o.days === 0 ? (process.env.SEED_TODAY ? daysAgo(0, 9) : new Date(Date.now() - 3_600_000)) : daysAgo(o.days);
    const paid = o.status !== "PENDING_PAYMENT";
    await prisma.order.create({
      data: {
        orderNo: o.no,
        buyerName: o.buyer,
        buyerPhone: o.phone,
        delivery: o.delivery,
        address: o.address ?? null,
        paymentMethod: o.method,
        status: o.status,
        totalFen: lines.reduce((sum, l) => sum + l.product.priceFen * l.quantity, 0),
        // The pending counter order is held for a day so it is still there when the demo is shown.
        expiresAt: new Date(createdAt.getTime() + (paid ? 30 * 60_000 : 86_400_000)),
        paidAt: paid ? new Date(createdAt.getTime() + 20 * 60_000) : null,
        paymentReference: paid ? `柜台收据 ${o.no.slice(-4)}` : null,
        createdAt,
        lines: {
          create: lines.map((l) => ({
            productId: l.product.id,
            organizationId: l.product.organizationId,
            productName: l.product.name,
            unitPriceFen: l.product.priceFen,
            quantity: l.quantity,
            makerSharePct: l.product.maker,
            fundSharePct: 100 - l.product.maker,
          })),
        },
      },
      select: { id: true },
    });
    for (const l of lines) {
      await prisma.product.update({
        where: { id: l.product.id },
        data: { stock: { decrement: l.quantity }, ...(paid ? { soldCount: { increment: l.quantity } } : {}) },
        select: { id: true },
      });
    }
  }
}
