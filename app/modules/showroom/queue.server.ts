// 待办 lines of the showroom (#16): products submitted for listing, and paid
// orders to ship or hand over.
import type { QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";

export const showroomStaffQueue: QueueSource<StaffQueueContext> = async () => {
  const [pending, paid, firstPaid] = await Promise.all([
    prisma.product.count({ where: { status: "PENDING" } }),
    prisma.order.count({ where: { status: "PAID" } }),
    prisma.order.findMany({
      where: { status: "PAID" },
      orderBy: { expiresAt: "asc" },
      take: QUEUE_ENTRIES,
      select: { id: true, orderNo: true },
    }),
  ]);
  return [
    { key: "showroom.products", label: "商品上架待审核", count: pending, href: "/admin/products?status=PENDING" },
    {
      key: "showroom.orders",
      label: "已付款订单待发货/取货",
      count: paid,
      href: "/admin/orders?status=PAID",
      entries: firstPaid.map((o) => ({ label: `订单 ${o.orderNo}`, href: `/admin/orders/${o.id}` })),
    },
  ];
};
