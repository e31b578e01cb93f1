// 待办 lines of the incubation base (#16): applications waiting for the first
// check, and those waiting for the admission review.
import type { QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";

export const incubationChecks: QueueSource<StaffQueueContext> = async () => {
  const [applied, checked] = await Promise.all([
    prisma.incubationApplication.count({ where: { status: "APPLIED" } }),
    prisma.incubationApplication.count({ where: { status: "FIRST_CHECK_PASSED" } }),
  ]);
  return [
    {
      key: "incubation.first-check",
      label: "入驻申请待初审",
      count: applied,
      href: "/admin/incubation?status=APPLIED",
    },
    {
      key: "incubation.review",
      label: "入驻申请待评审",
      count: checked,
      href: "/admin/incubation?status=FIRST_CHECK_PASSED",
    },
  ];
};
