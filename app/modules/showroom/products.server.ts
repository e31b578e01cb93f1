import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { needsRescreening, type ProductValues } from "./product-form";
import { PRODUCT_DESCRIPTION_FIELDS } from "./product-select";
import { productWorkflow, type ProductState } from "./product-workflow";

export const PRODUCT_IMAGE_PURPOSE = "showroom.product-image";

const PRODUCT_EDIT_SELECT = {
  ...PRODUCT_DESCRIPTION_FIELDS,
  organizationId: true,
  status: true,
  returnReason: true,
  listedAt: true,
  createdAt: true,
  images: { orderBy: { position: "asc" }, select: { attachmentId: true, position: true } },
} as const;

function productData(values: ProductValues) {
  return {
    name: values.name,
    category: values.category,
    description: values.description,
    makerStory: values.makerStory,
    priceFen: values.price,
    stock: values.stock,
    makerSharePct: values.makerSharePct,
    fundSharePct: values.fundSharePct,
    fundName: values.fundName?.trim() || null,
    allowShipping: values.allowShipping ?? false,
    allowPickup: values.allowPickup ?? false,
  };
}

async function attachImages(
  tx: Tx,
  productId: string,
  organizationId: string,
  uploaderId: string,
  files: File[],
  stored: Awaited<Parameters<Parameters<typeof withStoredUploads>[1]>[1]>,
) {
  for (const [i, s] of stored.entries()) {
    const attachment = await tx.attachment.create({
      data: {
        ...attachmentData(files[i]!, s, { uploaderId, organizationId, purpose: PRODUCT_IMAGE_PURPOSE, isPublic: true }),
        subjectType: "Product",
        subjectId: productId,
      },
      select: { id: true },
    });
    await tx.productImage.create({
      data: { productId, attachmentId: attachment.id, position: i },
      select: { id: true },
    });
  }
}

/** An organization submits a product; it waits for screening. */
export async function createProduct(input: {
  organizationId: string;
  userId: string;
  values: ProductValues;
  images: File[];
  request?: Request;
}) {
  return withStoredUploads(input.images, async (tx, stored) => {
    const product = await tx.product.create({
      data: {
        ...productData(input.values),
        organizationId: input.organizationId,
        createdById: input.userId,
        status: "PENDING",
      },
      select: { id: true, name: true },
    });
    await attachImages(tx, product.id, input.organizationId, input.userId, input.images, stored);
    await recordAudit(tx, {
      actorId: input.userId,
      action: "product.create",
      entityType: "Product",
      entityId: product.id,
      toState: "PENDING",
    });
    await notifyAdmins(tx, { title: `新的公益产品待审核：${product.name}`, link: "/admin/products?status=PENDING" });
    return product;
  });
}

export async function getOrgProduct(organizationId: string, productId: string) {
  return prisma.product.findFirst({ where: { id: productId, organizationId }, select: PRODUCT_EDIT_SELECT });
}

export async function listOrgProducts(organizationId: string, page: number, pageSize = PAGE_SIZE) {
  const where = { organizationId };
  const [total, products] = await Promise.all([
    prisma.product.count({ where }),
    prisma.product.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        category: true,
        priceFen: true,
        stock: true,
        soldCount: true,
        status: true,
        returnReason: true,
      },
    }),
  ]);
  return { total, products };
}

/**
 * An organization edits its product. A listed product whose price or story
 * changes goes back to screening; a returned one is resubmitted; stock and
 * other edits keep the status. New images (if any) replace the old ones.
 */
export async function updateProduct(input: {
  organizationId: string;
  userId: string;
  productId: string;
  values: ProductValues;
  images: File[];
  request?: Request;
}) {
  return withStoredUploads(input.images, async (tx, stored) => {
    const current = await tx.product.findFirst({
      where: { id: input.productId, organizationId: input.organizationId },
      select: { id: true, status: true, priceFen: true, makerStory: true, name: true, updatedAt: true },
    });
    if (!current) throw new WorkflowError("未找到该产品", 403);
    const status = current.status as ProductState;
    const data = productData(input.values);
    let to: ProductState | null = null;
    if (status === "LISTED" && needsRescreening(current, { priceFen: data.priceFen, makerStory: data.makerStory }))
      to = "PENDING";
    if (status === "RETURNED") to = "PENDING";
    if (to) {
      await runTransition(tx, {
        workflow: productWorkflow,
        entityType: "Product",
        entityId: current.id,
        from: status,
        to,
        actor: { id: input.userId, role: "ORG_MEMBER" },
        request: input.request,
        apply: async () =>
          (
            await tx.product.updateMany({
              where: { id: current.id, status },
              data: { ...data, status: to!, returnReason: null },
            })
          ).count,
      });
      await notifyAdmins(tx, { title: `公益产品待重新审核：${data.name}`, link: "/admin/products?status=PENDING" });
    } else {
      const { count } = await tx.product.updateMany({ where: { id: current.id, status }, data });
      if (count !== 1) throw new WorkflowError("该产品已被他人更新，请刷新后重试");
    }
    if (stored.length) {
      const old = await tx.productImage.findMany({ where: { productId: current.id }, select: { attachmentId: true } });
      await tx.productImage.deleteMany({ where: { productId: current.id } });
      // Keep the old files' rows unlinked from the product but not public any more.
      await tx.attachment.updateMany({
        where: { id: { in: old.map((o) => o.attachmentId) } },
        data: { isPublic: false },
      });
      await attachImages(tx, current.id, input.organizationId, input.userId, input.images, stored);
    }
    return { rescreening: to === "PENDING" };
  });
}

/** Staff 上架 / 退回 / 下架, or an organization 下架 / 申请重新上架. */
export async function changeProductStatus(input: {
  productId: string;
  to: ProductState;
  actor: { id: string; role: Actor };
  /** Set for organization members: the product must be theirs. */
  organizationId?: string;
  reason?: string | null;
  request?: Request;
}) {
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: input.productId, ...(input.organizationId ? { organizationId: input.organizationId } : {}) },
      select: { id: true, status: true, name: true, organizationId: true },
    });
    if (!product) throw new WorkflowError("未找到该产品", 403);
    const from = product.status as ProductState;
    const reason = input.reason?.trim() || null;
    await runTransition(tx, {
      workflow: productWorkflow,
      entityType: "Product",
      entityId: product.id,
      from,
      to: input.to,
      actor: input.actor,
      reason,
      request: input.request,
      apply: async () =>
        (
          await tx.product.updateMany({
            where: { id: product.id, status: from },
            data: {
              status: input.to,
              returnReason: input.to === "RETURNED" || input.to === "UNLISTED" ? reason : null,
              ...(input.to === "LISTED" ? { listedAt: new Date() } : {}),
            },
          })
        ).count,
    });
    if (input.actor.role === "ADMIN") {
      const label = productWorkflow.stateLabels[input.to];
      await notifyOrganization(tx, product.organizationId, {
        title: `公益产品「${product.name}」${label}`,
        body: reason ?? undefined,
        link: `/org/products/${product.id}`,
      });
    } else if (input.to === "PENDING") {
      await notifyAdmins(tx, { title: `公益产品待审核：${product.name}`, link: "/admin/products?status=PENDING" });
    }
  });
}
