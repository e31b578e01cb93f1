// "What is due next" for a funded project (#13 items 9-10), read by the
// organization's project list, the staff call list and the work queues. Pure: the
// caller loads the facts (funding/next-due.server.ts), this decides the items and
// their order. Each helper adds its own facts and items here, in this one function.
/** Who has to act. */
export type DueParty = "ORG" | "STAFF";

/** The project tab the item is done on (project-tabs.ts keys). */
export type DueTab = "agreement" | "tranches" | "reports" | "monitoring" | "budget" | "evaluations" | "closing";

export type DueItem = {
  /** stable, e.g. "report:ckx…" */
  key: string;
  party: DueParty;
  label: string;
  tab: DueTab;
  dueAt: Date | null;
  overdue: boolean;
};

/** The facts of one project the rules read; absent lists count as empty. */
export type ProjectDueFacts = {
  status: string;
  signingDueAt: Date | null;
  /** the status of the agreement version being signed (agreement-workflow.ts), if any */
  agreementStatus?: string | null;
  tranches?: { position: number; status: string; dueAt: Date | null }[];
  reports?: { id: string; sequence: number; status: string; dueAt: Date }[];
  visits?: { id: string; visitedOn: Date; status: string; replyDueAt: Date | null }[];
  /** budget changes waiting for staff (status PENDING) */
  pendingBudgetChanges?: { id: string; createdAt: Date }[];
  /** evaluations waiting for the organization's report (status AWAITING_REPORT) */
  evaluations?: { id: string; kind: string; status: string; dueAt: Date }[];
};

const OPEN_REPORT = new Set(["SCHEDULED", "DRAFT", "RETURNED"]);
/** Projects with nothing left to deliver (closing adds its refund items when it needs them). */
const ENDED = new Set(["WITHDRAWN", "TERMINATED", "CLOSED"]);

function item(base: Omit<DueItem, "overdue">, now: Date): DueItem {
  return { ...base, overdue: base.dueAt != null && base.dueAt.getTime() < now.getTime() };
}

function signingItems(f: ProjectDueFacts, now: Date): DueItem[] {
  if (f.status !== "AWAITING_SIGNATURE") return [];
  const dueAt = f.signingDueAt;
  if (f.agreementStatus === "AWAITING_ORG") {
    return [item({ key: "sign:org", party: "ORG", label: "签署资助协议", tab: "agreement", dueAt }, now)];
  }
  if (f.agreementStatus === "AWAITING_BUREAU") {
    return [item({ key: "sign:bureau", party: "STAFF", label: "会签资助协议", tab: "agreement", dueAt }, now)];
  }
  return [item({ key: "sign:issue", party: "STAFF", label: "审定并发出资助协议", tab: "agreement", dueAt }, now)];
}

function trancheItems(f: ProjectDueFacts, now: Date): DueItem[] {
  return (f.tranches ?? [])
    .filter((t) => t.status === "PAYABLE")
    .map((t) =>
      item(
        {
          key: `tranche:${t.position}`,
          party: "STAFF",
          label: `拨付第 ${t.position} 笔资金`,
          tab: "tranches",
          dueAt: t.dueAt,
        },
        now,
      ),
    );
}

function reportItems(f: ProjectDueFacts, now: Date): DueItem[] {
  const reports = [...(f.reports ?? [])].sort((a, b) => a.sequence - b.sequence);
  const items: DueItem[] = [];
  // The organization: every overdue or returned report, and the next one to file.
  const open = reports.filter((r) => OPEN_REPORT.has(r.status));
  const next = open.find((r) => r.dueAt.getTime() >= now.getTime());
  for (const r of open) {
    const pressing = r.status === "RETURNED" || r.dueAt.getTime() < now.getTime() || r === next;
    if (!pressing) continue;
    const label =
      r.status === "RETURNED" ? `修改并重新提交第 ${r.sequence} 期进度报告` : `提交第 ${r.sequence} 期进度报告`;
    items.push(item({ key: `report:${r.id}`, party: "ORG", label, tab: "reports", dueAt: r.dueAt }, now));
  }
  for (const r of reports.filter((r) => r.status === "SUBMITTED")) {
    items.push(
      item(
        {
          key: `review:${r.id}`,
          party: "STAFF",
          label: `审核第 ${r.sequence} 期进度报告`,
          tab: "reports",
          dueAt: null,
        },
        now,
      ),
    );
  }
  return items;
}

function visitItems(f: ProjectDueFacts, now: Date): DueItem[] {
  return (f.visits ?? []).flatMap((v) => {
    // A planned visit: staff record what they found once the day has come (overdue after it).
    if (v.status === "PLANNED") {
      return [
        item(
          {
            key: `visit-record:${v.id}`,
            party: "STAFF",
            label: "记录督导走访结果",
            tab: "monitoring",
            dueAt: v.visitedOn,
          },
          now,
        ),
      ];
    }
    if (v.status === "OPEN") {
      return [
        item(
          { key: `visit:${v.id}`, party: "ORG", label: "回复督导意见", tab: "monitoring", dueAt: v.replyDueAt },
          now,
        ),
      ];
    }
    if (v.status === "REPLIED") {
      return [
        item(
          { key: `visit-close:${v.id}`, party: "STAFF", label: "查看督导回复", tab: "monitoring", dueAt: null },
          now,
        ),
      ];
    }
    return [];
  });
}

function budgetItems(f: ProjectDueFacts, now: Date): DueItem[] {
  return (f.pendingBudgetChanges ?? []).map((c) =>
    item({ key: `budget:${c.id}`, party: "STAFF", label: "审批预算调整", tab: "budget", dueAt: null }, now),
  );
}

function evaluationItems(f: ProjectDueFacts, now: Date): DueItem[] {
  return (f.evaluations ?? [])
    .filter((e) => e.status === "AWAITING_REPORT")
    .map((e) =>
      item(
        {
          key: `evaluation:${e.id}`,
          party: "ORG",
          label: e.kind === "FINAL" ? "提交终期报告与自评" : "提交中期报告与自评",
          tab: "evaluations",
          dueAt: e.dueAt,
        },
        now,
      ),
    );
}

/** Overdue first (longest overdue first), then the soonest due, then undated items in rule order. */
export function orderDue(items: DueItem[]): DueItem[] {
  const time = (i: DueItem) => (i.dueAt ? i.dueAt.getTime() : Number.POSITIVE_INFINITY);
  return items
    .map((i, index) => ({ i, index }))
    .sort((a, b) => Number(b.i.overdue) - Number(a.i.overdue) || time(a.i) - time(b.i) || a.index - b.index)
    .map(({ i }) => i);
}

/** Everything due on a project, for one party or both, in the order it should be done. */
export function dueItems(facts: ProjectDueFacts, now: Date, party?: DueParty): DueItem[] {
  if (ENDED.has(facts.status)) return [];
  const all = [
    ...signingItems(facts, now),
    ...trancheItems(facts, now),
    ...reportItems(facts, now),
    ...visitItems(facts, now),
    ...budgetItems(facts, now),
    ...evaluationItems(facts, now),
  ];
  return orderDue(party ? all.filter((i) => i.party === party) : all);
}

/** The one item to show in a list's "下一步" column, or null when nothing is due. */
export function nextDue(facts: ProjectDueFacts, now: Date, party?: DueParty): DueItem | null {
  return dueItems(facts, now, party)[0] ?? null;
}
