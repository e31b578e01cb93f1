import { expect, test } from "vitest";
import { solidPng } from "~/modules/showroom/png";
import type { ProductValues } from "~/modules/showroom/product-form";
import { changeProductStatus, createProduct, updateProduct } from "~/modules/showroom/products.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { createShowroomOrg } from "../support/showroom-fixtures";

const values: ProductValues = {
  name: "手工编织杯垫",
  category: "HANDICRAFT",
  description: "纯棉线手工编织的杯垫，每一件都独一无二。",
  makerStory: "由社区助残工坊的学员手工编织完成。",
  price: 2990,
  stock: 10,
  makerSharePct: 70,
  fundSharePct: 30,
  fundName: "社区微基金",
  allowShipping: true,
  allowPickup: false,
};

const png = (name: string) => new File([solidPng(8, 8, [1, 2, 3])], name, { type: "image/png" });

async function status(id: string) {
  return (await prisma.product.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

test("submission, screening, edits that need screening again and edits that don't", async () => {
  const { org, member } = await createShowroomOrg(prisma);
  const admin = await prisma.user.create({
    data: { email: "staff@test.yimiao.local", name: "王敏", role: "ADMIN" },
    select: { id: true },
  });
  const product = await createProduct({
    organizationId: org.id,
    userId: member.id,
    values,
    images: [png("a.png"), png("b.png")],
  });
  expect(await status(product.id)).toBe("PENDING");
  const images = await prisma.productImage.findMany({
    where: { productId: product.id },
    orderBy: { position: "asc" },
    select: { position: true, attachmentId: true },
  });
  expect(images.map((i) => i.position)).toEqual([0, 1]);
  const attachments = await prisma.attachment.findMany({
    where: { id: { in: images.map((i) => i.attachmentId) } },
    select: { isPublic: true },
  });
  expect(attachments.every((a) => a.isPublic)).toBe(true);
  expect(await prisma.notification.count({ where: { userId: admin.id } })).toBe(1);

  // Members cannot list their own product; staff must give a reason to return it.
  await expect(
    changeProductStatus({
      productId: product.id,
      to: "LISTED",
      organizationId: org.id,
      actor: { id: member.id, role: "ORG_MEMBER" },
    }),
  ).rejects.toThrow(WorkflowError);
  await expect(
    changeProductStatus({ productId: product.id, to: "RETURNED", actor: { id: admin.id, role: "ADMIN" }, reason: "" }),
  ).rejects.toThrow("必须填写理由");
  await changeProductStatus({ productId: product.id, to: "LISTED", actor: { id: admin.id, role: "ADMIN" } });
  expect(await status(product.id)).toBe("LISTED");

  // Stock only: stays listed.
  const stockOnly = await updateProduct({
    organizationId: org.id,
    userId: member.id,
    productId: product.id,
    values: { ...values, stock: 25 },
    images: [],
  });
  expect(stockOnly.rescreening).toBe(false);
  expect(
    await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { status: true, stock: true } }),
  ).toEqual({ status: "LISTED", stock: 25 });

  // Price: back to screening, and it leaves the catalogue.
  const repriced = await updateProduct({
    organizationId: org.id,
    userId: member.id,
    productId: product.id,
    values: { ...values, stock: 25, price: 3500 },
    images: [],
  });
  expect(repriced.rescreening).toBe(true);
  expect(await status(product.id)).toBe("PENDING");
  await changeProductStatus({ productId: product.id, to: "LISTED", actor: { id: admin.id, role: "ADMIN" } });

  // Story: back to screening too.
  await updateProduct({
    organizationId: org.id,
    userId: member.id,
    productId: product.id,
    values: { ...values, price: 3500, makerStory: "新的故事：学员们又学会了新的针法。" },
    images: [],
  });
  expect(await status(product.id)).toBe("PENDING");

  // Another organization cannot touch it.
  const other = await createShowroomOrg(prisma);
  await expect(
    updateProduct({ organizationId: other.org.id, userId: other.member.id, productId: product.id, values, images: [] }),
  ).rejects.toThrow("未找到该产品");

  // The organization takes it down with a reason.
  await changeProductStatus({ productId: product.id, to: "LISTED", actor: { id: admin.id, role: "ADMIN" } });
  await changeProductStatus({
    productId: product.id,
    to: "UNLISTED",
    organizationId: org.id,
    actor: { id: member.id, role: "ORG_MEMBER" },
    reason: "原料用完，暂停销售",
  });
  expect(
    await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { status: true, returnReason: true } }),
  ).toEqual({
    status: "UNLISTED",
    returnReason: "原料用完，暂停销售",
  });
  expect(
    await prisma.auditEvent.count({
      where: { entityType: "Product", entityId: product.id, action: "product.transition" },
    }),
  ).toBe(6);
});
