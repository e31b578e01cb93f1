// Staff steps before residence: 初审, 评审 and the agreement. Each runs in one
// transaction with its audit event (runTransition) and the organization's notification.
import { getRules } from "~/modules/config/rules.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { loadForChange, moveIncubation, ORG_INCUBATION_LINK, type StaffActor } from "./move.server";
import { defaultTermEnd } from "./schedule";
import type { IncubationState } from "./workflow";

type DecisionInput = {
  id: string;
  actor: StaffActor;
  pass: boolean;
  note?: string | null;
  request?: Request;
  now?: Date;
};

/** The two pass-or-reject steps before admission differ only in these facts. */
const DECISION_STEPS = {
  firstCheck: {
    passed: "FIRST_CHECK_PASSED" as IncubationState,
    start: "APPLIED" as IncubationState,
    stamp: (now: Date, note: string | null) => ({ firstCheckAt: now, firstCheckNote: note }),
    passTitle: "孵化基地入驻申请已通过初审",
    failTitle: "孵化基地入驻申请未通过初审",
    passBody: (note: string | null) => `您的入驻申请已通过初审，下一步为评审。${note ? `初审意见：${note}` : ""}`,
  },
  review: {
    passed: "ADMITTED" as IncubationState,
    start: "FIRST_CHECK_PASSED" as IncubationState,
    stamp: (now: Date, note: string | null) => ({ reviewAt: now, reviewNote: note }),
    passTitle: "孵化基地入驻申请已通过评审",
    failTitle: "孵化基地入驻申请未通过评审",
    passBody: (note: string | null) => `请与区民政局联系签订入驻协议。${note ? `评审意见：${note}` : ""}`,
  },
};

/** One pass-or-reject step: `start` → its passed state, or REJECTED with a reason. */
async function recordDecision(step: (typeof DECISION_STEPS)[keyof typeof DECISION_STEPS], input: DecisionInput) {
  const now = input.now ?? new Date();
  const note = input.note?.trim() || null;
  await prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    await moveIncubation(tx, {
      id: row.id,
      from: step.start,
      to: input.pass ? step.passed : "REJECTED",
      actorId: input.actor.id,
      reason: note,
      request: input.request,
      data: step.stamp(now, note),
    });
    await notifyOrganization(tx, row.organizationId, {
      title: input.pass ? step.passTitle : step.failTitle,
      body: input.pass ? step.passBody(note) : `理由：${note}`,
      link: ORG_INCUBATION_LINK,
    });
  });
}

/** 初审: APPLIED → FIRST_CHECK_PASSED, or REJECTED with a reason. */
export function recordFirstCheck(input: DecisionInput) {
  return recordDecision(DECISION_STEPS.firstCheck, input);
}

/** 评审: FIRST_CHECK_PASSED → ADMITTED, or REJECTED with a reason. */
export function recordReview(input: DecisionInput) {
  return recordDecision(DECISION_STEPS.review, input);
}

/** 签订入驻协议: ADMITTED → IN_RESIDENCE with the agreement number and term. */
export async function signAgreement(input: {
  id: string;
  actor: StaffActor;
  agreementNo: string;
  termStart: Date;
  /** Defaults to termStart + rule incubation.termMonths. */
  termEnd?: Date | null;
  request?: Request;
}): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    const rules = await getRules(input.termStart, tx);
    const termEnd = input.termEnd ?? defaultTermEnd(input.termStart, rules);
    if (termEnd.getTime() <= input.termStart.getTime()) {
      return fail("结束日期须晚于开始日期", { field: "termEnd" });
    }
    const agreementNo = input.agreementNo.trim();
    await moveIncubation(tx, {
      id: row.id,
      from: "ADMITTED",
      to: "IN_RESIDENCE",
      actorId: input.actor.id,
      reason: `入驻协议 ${agreementNo}，孵化期 ${formatDate(input.termStart)} 至 ${formatDate(termEnd)}`,
      request: input.request,
      data: { agreementNo, termStart: input.termStart, termEnd },
    });
    await notifyOrganization(tx, row.organizationId, {
      title: "已签订孵化基地入驻协议",
      body: `协议编号 ${agreementNo}，孵化期 ${formatDate(input.termStart)} 至 ${formatDate(termEnd)}。`,
      link: ORG_INCUBATION_LINK,
    });
    return succeed();
  });
}
