// Staff screening of 公益创投 project applications: 通过 / 退回补正 / 不通过, the
// per-call lists and counts, and the export rows.
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";
import { type ScreeningAction } from "../screening/screening";
import { grantApplicationWorkflow, grantStateLabel, stateOf, type GrantApplicationState } from "./application-workflow";
import { GRANT_SUBJECT_TYPE } from "./documents";
import { callRulesSelect } from "./eligibility.server";

const ENTITY_TYPE = GRANT_SUBJECT_TYPE;

/**
 * 通过 / 退回补正 / 不通过 for one or many applications, each through the
 * workflow, all in one transaction. Applications not in a state that allows the
 * step are skipped and reported.
 */
export async function screenApplications(input: {
  ids: string[];
  to: ScreeningAction;
  reason: string | null;
  correctionDueAt: Date | null;
  actorId: string;
  request: Request;
  /** only applications of this call (the list page) */
  callId?: string;
}) {
  const ids = [...new Set(input.ids)];
  return prisma.$transaction(async (tx) => {
    const rows = await tx.grantApplication.findMany({
      where: { id: { in: ids }, status: { not: "DRAFT" }, ...(input.callId ? { callId: input.callId } : {}) },
      select: { id: true, title: true, status: true, organizationId: true, call: { select: { title: true } } },
    });
    const done: string[] = [];
    const skipped: Array<{ id: string; title: string; why: string }> = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) {
        skipped.push({ id, title: "（未找到）", why: "未找到该申报" });
        continue;
      }
      const from = stateOf(row.status);
      const rule = grantApplicationWorkflow.find(from, input.to);
      if (!rule) {
        skipped.push({ id, title: row.title, why: `当前状态为「${grantStateLabel(from)}」` });
        continue;
      }
      const reason = input.reason?.trim() || null;
      const data =
        input.to === "CORRECTION"
          ? { status: input.to, correctionNotes: reason, correctionDueAt: input.correctionDueAt }
          : { status: input.to, screeningNote: reason };
      await runTransition(tx, {
        workflow: grantApplicationWorkflow,
        entityType: ENTITY_TYPE,
        entityId: id,
        from,
        to: input.to,
        actor: { id: input.actorId, role: "ADMIN" },
        reason,
        request: input.request,
        apply: async () => (await tx.grantApplication.updateMany({ where: { id, status: from }, data })).count,
      });
      const title =
        input.to === "SCREEN_PASSED"
          ? `公益创投项目通过资格审查：${row.title}`
          : input.to === "CORRECTION"
            ? `公益创投项目需补正：${row.title}`
            : `公益创投项目未通过资格审查：${row.title}`;
      const body =
        input.to === "CORRECTION"
          ? `请在 ${formatDate(input.correctionDueAt)} 前补正后重新提交。补正要求：${reason ?? ""}`
          : input.to === "SCREEN_FAILED"
            ? `原因：${reason ?? ""}`
            : `${row.call.title}，项目将进入专家评审。`;
      await notifyOrganization(tx, row.organizationId, { title, body, link: `/org/grants/${id}` });
      done.push(id);
    }
    return { done, skipped };
  });
}

export function parseStatusFilter(value: string | null): GrantApplicationState | null {
  return value && value !== "DRAFT" && grantApplicationWorkflow.isState(value) ? value : null;
}

export async function listCallApplications(
  callId: string,
  filter: { status: GrantApplicationState | null; category: string | null },
  page: number,
) {
  const where: Prisma.GrantApplicationWhereInput = {
    callId,
    status: filter.status ?? { not: "DRAFT" },
    ...(filter.category ? { category: filter.category } : {}),
  };
  const [applications, total] = await Promise.all([
    prisma.grantApplication.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        category: true,
        status: true,
        requestedFen: true,
        submittedAt: true,
        correctionDueAt: true,
        autoChecks: true,
        organization: { select: { name: true } },
      },
    }),
    prisma.grantApplication.count({ where }),
  ]);
  return { applications, total };
}

/**
 * The call's next application still awaiting screening (已提交), other than `exceptId`, in the
 * list's order, for "下一份" after a decision (#19 item 13); null when none is left.
 */
export async function nextToScreen(callId: string, exceptId: string) {
  return prisma.grantApplication.findFirst({
    where: { callId, status: "SUBMITTED", id: { not: exceptId } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, organization: { select: { name: true } } },
  });
}

/** Counts per status and per category (submitted applications; drafts counted apart). */
export async function callOverview(callId: string) {
  const [byStatus, byCategory] = await Promise.all([
    prisma.grantApplication.groupBy({ by: ["status"], where: { callId }, _count: { _all: true } }),
    prisma.grantApplication.groupBy({
      by: ["category"],
      where: { callId, status: { not: "DRAFT" } },
      _count: { _all: true },
    }),
  ]);
  return {
    byStatus: byStatus.map((s) => ({ status: s.status, label: grantStateLabel(s.status), count: s._count._all })),
    byCategory: byCategory.map((c) => ({ category: c.category ?? "未填写", count: c._count._all })),
  };
}

export async function getCall(callId: string) {
  return prisma.grantCall.findUnique({ where: { id: callId }, select: { ...callRulesSelect, screeningEndsAt: true } });
}

/** Every non-draft application of a call, for the Excel export. */
export async function listApplicationsForExport(callId: string) {
  return prisma.grantApplication.findMany({
    where: { callId, status: { not: "DRAFT" } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      category: true,
      status: true,
      requestedFen: true,
      totalBudgetFen: true,
      submittedAt: true,
      autoChecks: true,
      screeningNote: true,
      correctionNotes: true,
      organization: { select: { name: true, uscc: true } },
    },
  });
}
