import { describe, expect, test } from "vitest";
import { dueItems, nextDue, type ProjectDueFacts } from "./next-due";

const now = new Date("2026-12-05T02:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const base: ProjectDueFacts = { status: "IN_DELIVERY", signingDueAt: null };

describe("nextDue", () => {
  test("nothing due on a project with no open records, or one that has ended", () => {
    expect(nextDue(base, now)).toBeNull();
    expect(
      nextDue(
        { ...base, status: "CLOSED", reports: [{ id: "r", sequence: 1, status: "SCHEDULED", dueAt: days(-3) }] },
        now,
      ),
    ).toBeNull();
  });

  test("signing: the organization signs, then staff countersign, by the signing deadline", () => {
    const facts = { status: "AWAITING_SIGNATURE", signingDueAt: days(4), agreementStatus: "AWAITING_ORG" };
    expect(nextDue(facts, now, "ORG")).toMatchObject({ label: "签署资助协议", dueAt: days(4), overdue: false });
    expect(nextDue(facts, now, "STAFF")).toBeNull();
    expect(nextDue({ ...facts, agreementStatus: "AWAITING_BUREAU" }, now, "STAFF")?.label).toBe("会签资助协议");
    expect(nextDue({ ...facts, signingDueAt: days(-1) }, now, "ORG")?.overdue).toBe(true);
  });

  test("the organization sees overdue and returned reports and the next one, not the whole schedule", () => {
    const facts: ProjectDueFacts = {
      ...base,
      reports: [
        { id: "r1", sequence: 1, status: "ACCEPTED", dueAt: days(-100) },
        { id: "r2", sequence: 2, status: "RETURNED", dueAt: days(-10) },
        { id: "r3", sequence: 3, status: "SCHEDULED", dueAt: days(-2) },
        { id: "r4", sequence: 4, status: "SCHEDULED", dueAt: days(20) },
        { id: "r5", sequence: 5, status: "SCHEDULED", dueAt: days(110) },
      ],
    };
    expect(dueItems(facts, now, "ORG").map((i) => [i.label, i.overdue])).toEqual([
      ["修改并重新提交第 2 期进度报告", true],
      ["提交第 3 期进度报告", true],
      ["提交第 4 期进度报告", false],
    ]);
  });

  test("overdue first (the longest overdue first), then the soonest due, then undated items", () => {
    const facts: ProjectDueFacts = {
      ...base,
      reports: [
        { id: "r1", sequence: 1, status: "SUBMITTED", dueAt: days(-30) },
        { id: "r2", sequence: 2, status: "SCHEDULED", dueAt: days(12) },
      ],
      visits: [
        { id: "v1", visitedOn: days(-20), status: "OPEN", replyDueAt: days(-1) },
        { id: "v2", visitedOn: days(-5), status: "OPEN", replyDueAt: days(3) },
        { id: "v3", visitedOn: days(-40), status: "REPLIED", replyDueAt: days(-30) },
      ],
      tranches: [{ position: 1, status: "PAYABLE", dueAt: days(-4) }],
      pendingBudgetChanges: [{ id: "b1", createdAt: days(-2) }],
      evaluations: [{ id: "e1", kind: "MIDTERM", status: "AWAITING_REPORT", dueAt: days(30) }],
    };
    expect(dueItems(facts, now).map((i) => i.key)).toEqual([
      "tranche:1",
      "visit:v1",
      "visit:v2",
      "report:r2",
      "evaluation:e1",
      "review:r1",
      "visit-close:v3",
      "budget:b1",
    ]);
    expect(nextDue(facts, now, "ORG")?.label).toBe("回复督导意见");
    expect(nextDue(facts, now, "STAFF")?.label).toBe("拨付第 1 笔资金");
  });

  test("monitoring: staff record a planned visit once its day has passed; closed and cancelled visits ask nothing", () => {
    const facts: ProjectDueFacts = {
      ...base,
      visits: [
        { id: "p1", visitedOn: days(6), status: "PLANNED", replyDueAt: null },
        { id: "p2", visitedOn: days(-2), status: "PLANNED", replyDueAt: null },
        { id: "c1", visitedOn: days(-30), status: "CLOSED", replyDueAt: days(-20) },
        { id: "x1", visitedOn: days(-9), status: "CANCELLED", replyDueAt: null },
      ],
    };
    expect(dueItems(facts, now, "STAFF").map((i) => [i.key, i.label, i.overdue])).toEqual([
      ["visit-record:p2", "记录督导走访结果", true],
      ["visit-record:p1", "记录督导走访结果", false],
    ]);
    expect(dueItems(facts, now, "ORG")).toEqual([]);
  });
});
