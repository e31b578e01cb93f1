// 待办 lines of 登记/备案 (#16): staff decide submitted applications within the
// decision period; an organization answers a request for 补正.
import type { OrgQueueContext, QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";

const AWAITING_DECISION = ["SUBMITTED", "ACCEPTED"];

export const registrationsToDecide: QueueSource<StaffQueueContext> = async ({ now }) => {
  const where = { status: { in: AWAITING_DECISION } };
  const [count, overdue, first] = await Promise.all([
    prisma.registrationApplication.count({ where }),
    prisma.registrationApplication.count({ where: { ...where, dueAt: { lt: now } } }),
    prisma.registrationApplication.findMany({
      where,
      orderBy: { dueAt: "asc" },
      take: QUEUE_ENTRIES,
      select: { id: true, proposedName: true, dueAt: true },
    }),
  ]);
  return {
    key: "registration.decide",
    label: "登记/备案申请待决定",
    count,
    overdue,
    dueAt: first[0]?.dueAt ?? null,
    href: "/admin/registrations?status=SUBMITTED",
    entries: first.map((a) => ({ label: a.proposedName, href: `/admin/registrations/${a.id}`, dueAt: a.dueAt })),
  };
};

export const registrationCorrections: QueueSource<OrgQueueContext> = async ({ organizationId }) => {
  const list = (status: string) =>
    prisma.registrationApplication.findMany({
      where: { organizationId, status },
      orderBy: { createdAt: "desc" },
      take: QUEUE_ENTRIES,
      select: { id: true, proposedName: true },
    });
  const [corrections, drafts, correctionCount, draftCount] = await Promise.all([
    list("CORRECTION"),
    list("DRAFT"),
    prisma.registrationApplication.count({ where: { organizationId, status: "CORRECTION" } }),
    prisma.registrationApplication.count({ where: { organizationId, status: "DRAFT" } }),
  ]);
  const entry = (a: { id: string; proposedName: string }) => ({
    label: a.proposedName || "（未填写名称）",
    href: `/org/registration/${a.id}`,
  });
  return [
    {
      key: "registration.correction",
      label: "登记/备案申请需要补正",
      count: correctionCount,
      href: "/org/registration",
      entries: corrections.map(entry),
    },
    {
      key: "registration.draft",
      label: "登记/备案申请草稿待提交",
      count: draftCount,
      href: "/org/registration",
      entries: drafts.map(entry),
    },
  ];
};
