import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isEditable, submissionBlock } from "../screening/screening";
import { grantFormDefaults, type StoredApplication } from "./application-form";
import { sectionProgress } from "./application-progress";
import {
  budgetLinesOf,
  buildGrantApplicationSchema,
  toStoredValues,
  GrantApplicationFields,
} from "./application-schema";
import { sumLines } from "./budget-checks";

const d = (s: string) => new Date(`${s}T00:00:00+08:00`);
const RULES = { perProjectCapFen: 10_000_000, maxGrantSharePct: 80, minMatchRatioPct: 20, overheadCapPct: 10 };

function complete(): StoredApplication {
  return {
    title: "银龄助餐",
    category: "为老",
    projectStart: d("2026-07-01"),
    projectEnd: d("2027-06-30"),
    requestedFen: 8_000_000,
    ownFen: 1_000_000,
    matchedFen: 1_000_000,
    data: {
      serviceArea: "东山街道",
      community: "竹山社区",
      beneficiaries: "独居老人",
      beneficiaryCount: 120,
      needs: "需求",
      goals: "目标",
      team: [{ name: "王芳", role: "项目主管", socialWorker: true, certificate: "SOCIAL_WORKER" }],
      declared: { requestedFen: 8_000_000, ownFen: 1_000_000, matchedFen: 1_000_000 },
    },
    milestones: [{ title: "启动", description: null, dueDate: d("2026-07-10") }],
    indicators: [{ kind: "OUTPUT", name: "助餐人次", target: "5000" }],
    budgetLines: [
      {
        category: "ACTIVITY",
        description: "餐费补贴",
        requestedFen: 8_000_000,
        ownFen: 1_000_000,
        matchedFen: 1_000_000,
      },
    ],
  };
}

describe("sectionProgress", () => {
  it("marks every section of a complete application", () => {
    const p = sectionProgress(complete(), ["plan"], RULES);
    expect(p.completed).toBe(10);
    expect(p.sections.every((s) => s.complete)).toBe(true);
  });

  it("finds each incomplete section", () => {
    const empty: StoredApplication = {
      title: "",
      category: null,
      projectStart: null,
      projectEnd: null,
      requestedFen: 0,
      ownFen: 0,
      matchedFen: 0,
      data: { team: [] },
      milestones: [],
      indicators: [],
      budgetLines: [],
    };
    expect(sectionProgress(empty, [], RULES).completed).toBe(0);
    const app = complete();
    app.data.team = [{ name: "王芳", role: "主管", socialWorker: true }];
    app.data.community = undefined;
    const p = sectionProgress(app, [], RULES);
    expect(p.sections.filter((s) => !s.complete).map((s) => s.label)).toEqual(["服务区域与社区", "项目团队", "附件"]);
    const noDeclared = complete();
    noDeclared.data.declared = { requestedFen: 8_000_000, ownFen: null, matchedFen: 1_000_000 };
    expect(sectionProgress(noDeclared, ["plan"], RULES).sections.find((s) => s.key === "budget")!.complete).toBe(false);
  });
});

describe("computed budget totals (#19 item 10)", () => {
  it("does not mark a filled budget done while it breaks the call's rules, and names the break", () => {
    const over = complete();
    over.budgetLines[0]!.requestedFen = 12_000_000;
    over.data.declared = { requestedFen: 12_000_000, ownFen: 1_000_000, matchedFen: 1_000_000 };
    const budget = sectionProgress(over, ["plan"], RULES).sections.find((s) => s.key === "budget")!;
    expect(budget.complete).toBe(false);
    expect(budget.problems).toContain("申请资助金额 ¥120,000.00 超过单个项目上限 ¥100,000.00");
    expect(sectionProgress(complete(), ["plan"], RULES).sections.every((s) => s.problems.length === 0)).toBe(true);
  });

  it("sums the lines as typed, counting an amount that is not one yet as 0", () => {
    const lines = budgetLinesOf([
      { category: "ACTIVITY", requested: "1,000.5", own: "200", matched: "" },
      { description: "物资", requested: "12万", own: "0", matched: "300" },
      { category: "", requested: "", own: "", matched: "" },
      undefined,
    ]);
    expect(lines).toHaveLength(2);
    expect(sumLines(lines)).toEqual({ requestedFen: 100_050, ownFen: 20_000, matchedFen: 30_000 });
  });
});

describe("form schemas", () => {
  const call = {
    perProjectCapFen: 10_000_000,
    maxGrantSharePct: 80,
    minMatchRatioPct: 20,
    overheadCapPct: 10,
    categories: ["为老", "助残"],
  };
  const schema = (existing: Array<"plan">) =>
    buildGrantApplicationSchema({ call, existingDocuments: existing, fileSchema: z.instanceof(File) });
  const form = (values: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) fd.set(k, v);
    return fd;
  };
  const defaults = grantFormDefaults(complete());
  const flat: Record<string, string> = {
    title: defaults.title,
    category: defaults.category,
    projectStart: defaults.projectStart,
    projectEnd: defaults.projectEnd,
    serviceArea: defaults.serviceArea,
    community: defaults.community,
    beneficiaries: defaults.beneficiaries,
    beneficiaryCount: defaults.beneficiaryCount,
    needs: defaults.needs,
    goals: defaults.goals,
    "milestones[0].title": "启动",
    "milestones[0].date": "2026-07-10",
    "indicators[0].kind": "OUTPUT",
    "indicators[0].name": "助餐人次",
    "indicators[0].target": "5000",
    "team[0].name": "王芳",
    "team[0].role": "主管",
    "team[0].socialWorker": "yes",
    "team[0].certificate": "SOCIAL_WORKER",
    "budget[0].category": "ACTIVITY",
    "budget[0].description": "餐费补贴",
    "budget[0].requested": "80000",
    "budget[0].own": "10000",
    "budget[0].matched": "10000",
    requestedTotal: "80000",
    ownTotal: "10000",
    matchedTotal: "10000",
  };

  it("saves a nearly empty draft but checks formats", () => {
    expect(parseWithZod(form({ intent: "save", title: "半成品" }), { schema: schema([]) }).status).toBe("success");
    const bad = parseWithZod(form({ intent: "save", "budget[0].requested": "12万", projectStart: "2026-13-01" }), {
      schema: schema([]),
    });
    expect(bad.status).toBe("error");
    expect(bad.reply().error?.["budget[0].requested"]?.[0]).toContain("请输入金额");
    expect(bad.reply().error?.projectStart).toEqual(["开始日期格式不正确"]);
    const noDate = parseWithZod(form({ intent: "save", "milestones[0].title": "启动" }), { schema: schema([]) });
    expect(noDate.reply().error?.["milestones[0].date"]).toEqual(["请填写日期"]);
  });

  it("submits a complete application and converts 元 to 分", () => {
    const ok = parseWithZod(form({ ...flat, intent: "submit" }), { schema: schema(["plan"]) });
    expect(ok.status).toBe("success");
    if (ok.status !== "success") return;
    expect(ok.value.values.budgetLines).toEqual([
      {
        category: "ACTIVITY",
        description: "餐费补贴",
        requestedFen: 8_000_000,
        ownFen: 1_000_000,
        matchedFen: 1_000_000,
      },
    ]);
    expect(ok.value.values.data.team).toEqual([
      { name: "王芳", role: "主管", socialWorker: true, certificate: "SOCIAL_WORKER" },
    ]);
  });

  it("ignores totals typed into a crafted request: the totals are the sums of the lines", () => {
    const ok = parseWithZod(form({ ...flat, intent: "submit", requestedTotal: "1", ownTotal: "99999" }), {
      schema: schema(["plan"]),
    });
    expect(ok.status).toBe("success");
    if (ok.status !== "success") return;
    expect(ok.value.values.data.declared).toEqual({
      requestedFen: 8_000_000,
      ownFen: 1_000_000,
      matchedFen: 1_000_000,
    });
  });

  it("refuses an incomplete or over-cap submission at the fields", () => {
    const missing = parseWithZod(form({ intent: "submit", title: "x" }), { schema: schema([]) });
    const errors = missing.reply().error ?? {};
    expect(errors.category).toEqual(["请选择项目类别"]);
    expect(errors.planFile).toEqual(["请上传项目计划书"]);
    expect(errors.milestones).toEqual(["请至少填写一项活动或里程碑"]);
    const over = parseWithZod(
      form({
        ...flat,
        intent: "submit",
        "budget[0].requested": "120000",
        "budget[0].own": "30000",
        requestedTotal: "120000",
        ownTotal: "30000",
      }),
      { schema: schema(["plan"]) },
    );
    expect(over.reply().error?.requestedTotal).toEqual(["申请资助金额 ¥120,000.00 超过单个项目上限 ¥100,000.00"]);
  });

  it("drops blank rows and round-trips through the defaults", () => {
    const parsed = GrantApplicationFields.parse({
      budget: [{ category: undefined }, undefined],
      team: [{ socialWorker: "no" }],
    });
    const stored = toStoredValues(parsed);
    expect(stored.budgetLines).toEqual([]);
    expect(stored.data.team).toEqual([]);
    expect(grantFormDefaults(complete()).budget[0]).toEqual({
      category: "ACTIVITY",
      description: "餐费补贴",
      requested: "80000",
      own: "10000",
      matched: "10000",
    });
  });
});

describe("submission window", () => {
  const call = {
    status: "PUBLISHED",
    applyOpensAt: d("2026-05-01"),
    applyClosesAt: new Date("2026-06-30T15:59:59.999Z"),
  };
  it("accepts a draft until the closing instant, then refuses with the deadline", () => {
    expect(submissionBlock("DRAFT", call, null, new Date("2026-06-30T15:59:59.999Z"))).toBeNull();
    expect(submissionBlock("DRAFT", call, null, new Date("2026-06-30T16:00:00Z"))).toBe(
      "申报已截止（截止时间：2026年6月30日 23:59）",
    );
    expect(submissionBlock("DRAFT", call, null, d("2026-04-30"))).toContain("申报尚未开始");
    expect(submissionBlock("DRAFT", { ...call, status: "CLOSED" }, null, d("2026-06-01"))).not.toBeNull();
  });
  it("lets a returned application be resubmitted until its due date, even after the call closed", () => {
    const due = new Date("2026-07-10T15:59:59.999Z");
    expect(submissionBlock("CORRECTION", call, due, due)).toBeNull();
    expect(submissionBlock("CORRECTION", call, due, new Date(due.getTime() + 1))).toContain("补正已截止");
    expect(isEditable("CORRECTION", due, due)).toBe(true);
    expect(isEditable("CORRECTION", due, new Date(due.getTime() + 1))).toBe(false);
    expect(isEditable("SUBMITTED", null, due)).toBe(false);
    expect(submissionBlock("SUBMITTED", call, null, d("2026-06-01"))).not.toBeNull();
  });
});
