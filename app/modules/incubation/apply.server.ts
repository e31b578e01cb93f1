// The organization's side: its own applications, and applying to enter the base.
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma, type Prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";
import { succeed, type WriteResult } from "~/utils/write-result";
import { getIncubationEligibility } from "./eligibility.server";
import { INCUBATION_NEEDS, needLabel, OPEN_INCUBATION_STATES, parseNeeds, type IncubationNeed } from "./labels";
import { INCUBATION_ENTITY_TYPE } from "./move.server";
import { firstCheckDueAt } from "./schedule";

const historySelect = {
  id: true,
  status: true,
  plan: true,
  needs: true,
  appliedAt: true,
  firstCheckDueAt: true,
  firstCheckAt: true,
  firstCheckNote: true,
  reviewAt: true,
  reviewNote: true,
  agreementNo: true,
  termStart: true,
  termEnd: true,
  exitResult: true,
  exitAt: true,
  exitNote: true,
  handoverDueAt: true,
  services: {
    orderBy: [{ providedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, kind: true, description: true, providedAt: true, amountFen: true },
  },
} satisfies Prisma.IncubationApplicationSelect;

/** An organization's own applications, newest first, each with the services it received. */
export async function listOrgIncubations(organizationId: string, page: number) {
  const where = { organizationId };
  const [total, rows] = await Promise.all([
    prisma.incubationApplication.count({ where }),
    prisma.incubationApplication.findMany({
      where,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: historySelect,
    }),
  ]);
  return {
    total,
    incubations: rows.map((row) => ({
      ...row,
      needs: parseNeeds(row.needs),
      seedFundingFen: sumSeedFunding(row.services),
    })),
  };
}

function sumSeedFunding(services: ReadonlyArray<{ kind: string; amountFen: number | null }>) {
  return services.reduce((sum, s) => sum + (s.kind === "SEED_FUNDING" ? (s.amountFen ?? 0) : 0), 0);
}

/**
 * An organization applies to enter the base. The exclusion rules are checked
 * again here, inside the transaction, whatever the page showed.
 */
export async function applyForIncubation(input: {
  organizationId: string;
  actorId: string;
  plan: string;
  needs: IncubationNeed[];
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ id: string }>> {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const eligibility = await getIncubationEligibility(input.organizationId, { today: now, db: tx });
    // 403: the organization may not apply; each reason is a form message.
    if (!eligibility.eligible) return { ok: false, formErrors: eligibility.reasons, status: 403 };
    const rules = await getRules(now, tx);
    const needs = INCUBATION_NEEDS.filter((n) => input.needs.includes(n));
    const dueAt = firstCheckDueAt(now, rules);
    const created = await tx.incubationApplication.create({
      data: {
        organizationId: input.organizationId,
        status: "APPLIED",
        plan: input.plan,
        needs: JSON.stringify(needs),
        appliedAt: now,
        firstCheckDueAt: dueAt,
        createdById: input.actorId,
      },
      select: { id: true, organization: { select: { name: true } } },
    });
    // Two submissions at once both pass the check above; SQLite serializes the
    // writes, so the later one sees both rows here and rolls back.
    const open = await tx.incubationApplication.count({
      where: { organizationId: input.organizationId, status: { in: [...OPEN_INCUBATION_STATES] } },
    });
    if (open > 1) throw new WorkflowError("本机构已有一份入驻申请正在办理中，请勿重复提交");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "incubation.apply",
      entityType: INCUBATION_ENTITY_TYPE,
      entityId: created.id,
      toState: "APPLIED",
      reason: `需要的支持：${needs.map(needLabel).join("、")}`,
      request: input.request,
    });
    await notifyAdmins(tx, {
      title: `新的孵化基地入驻申请：${created.organization.name}`,
      body: `请于 ${formatDate(dueAt)} 前完成初审。`,
      link: `/admin/incubation/${created.id}`,
    });
    return succeed({ id: created.id });
  });
}
