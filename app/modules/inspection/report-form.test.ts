import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import {
  auditReportRequired,
  checkFinance,
  fenToInput,
  parseYuan,
  reportDefaults,
  requiredFields,
  sectionProgress,
  submitSchema,
  toReportData,
  draftSchema,
  financeTotals,
  typedMoney,
  withFinanceTotals,
} from "./report-form";

const balanced = {
  incomeDonation: 50_000_00,
  incomeMembershipFee: 0,
  incomeService: 30_000_00,
  incomeGovernment: 20_000_00,
  incomeInvestment: 0,
  incomeOther: 0,
  incomeTotal: 100_000_00,
  expenseProgram: 70_000_00,
  expenseManagement: 20_000_00,
  expenseFundraising: 0,
  expenseOther: 5_000_00,
  expenseTotal: 95_000_00,
  assetsTotal: 200_000_00,
  liabilitiesTotal: 50_000_00,
  netAssetsTotal: 150_000_00,
};

describe("finance arithmetic", () => {
  it("accepts figures that add up", () => {
    expect(checkFinance(balanced)).toEqual({});
  });

  it("names the income total when it is not the sum of the income lines", () => {
    expect(
      checkFinance({
        ...balanced,
        incomeTotal: 1_000_00,
        incomeDonation: 900_00,
        incomeService: 0,
        incomeGovernment: 0,
      }),
    ).toEqual({
      incomeTotal: "收入合计 ¥1,000.00 不等于各项收入之和 ¥900.00",
    });
  });

  it("names the expense total when it is wrong", () => {
    expect(checkFinance({ ...balanced, expenseTotal: 90_000_00 })).toEqual({
      expenseTotal: "费用合计 ¥90,000.00 不等于各项费用之和 ¥95,000.00",
    });
  });

  it("requires assets to equal liabilities plus net assets, net assets may be negative", () => {
    expect(checkFinance({ ...balanced, liabilitiesTotal: 60_000_00 })).toEqual({
      assetsTotal: "资产合计 ¥200,000.00 不等于负债合计与净资产合计之和 ¥210,000.00",
    });
    expect(checkFinance({ ...balanced, assetsTotal: 10_00, liabilitiesTotal: 30_00, netAssetsTotal: -20_00 })).toEqual(
      {},
    );
  });

  it("is off by one 分 is still wrong", () => {
    expect(Object.keys(checkFinance({ ...balanced, incomeTotal: 100_000_01 }))).toEqual(["incomeTotal"]);
  });

  it("parses 元 to 分 and back", () => {
    expect(parseYuan("1,234.5")).toBe(123450);
    expect(parseYuan("-20")).toBeNull();
    expect(parseYuan("-20", true)).toBe(-2000);
    expect(parseYuan("1.234")).toBeNull();
    expect(fenToInput(-2000)).toBe("-20.00");
    expect(fenToInput(123450)).toBe("1234.50");
  });
});

function errorsOf(s: { status?: string; error?: unknown } | { status: "success" }) {
  return "error" in s ? s.error : undefined;
}

function form(entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
}

const fullText = {
  activitiesSummary: "开展社区为老服务 120 场。",
  charterCompliance: "是",
  personnelChanges: "无",
  structureChanges: "无",
  memberCount: "0",
  staffCount: "6",
  partyOrgStatus: "未建立党组织",
  partyMemberCount: "2",
};
const moneyInputs = Object.fromEntries(Object.entries(balanced).map(([k, v]) => [k, fenToInput(v)]));

describe("report schemas", () => {
  const options = { simplified: false, rectificationRequired: false };

  it("submits a complete report and stores money as 分", () => {
    const result = parseWithZod(form({ intent: "submit", ...fullText, ...moneyInputs }), {
      schema: submitSchema(options),
    });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    const data = toReportData(result.value);
    expect(data.incomeTotal).toBe(100_000_00);
    expect(data.staffCount).toBe(6);
    expect(data.intent).toBeUndefined();
    expect(reportDefaults(data).incomeTotal).toBe("100000.00");
  });

  it("computes 收入合计 and 费用合计 from the lines and ignores typed ones (#19 item 10)", () => {
    const result = parseWithZod(
      form({ intent: "submit", ...fullText, ...moneyInputs, incomeTotal: "99999", expenseTotal: "1" }),
      { schema: submitSchema(options) },
    );
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(toReportData(result.value)).toMatchObject({ incomeTotal: 100_000_00, expenseTotal: 95_000_00 });
  });

  it("shows the balance-sheet mismatch at the wrong line on submit", () => {
    const result = parseWithZod(form({ intent: "submit", ...fullText, ...moneyInputs, liabilitiesTotal: "60000" }), {
      schema: submitSchema(options),
    });
    expect(result.status).toBe("error");
    expect(errorsOf(result)).toEqual({
      assetsTotal: ["资产合计 ¥200,000.00 不等于负债合计与净资产合计之和 ¥210,000.00"],
    });
  });

  it("lets a draft be saved incomplete but not malformed", () => {
    expect(
      parseWithZod(form({ intent: "draft", activitiesSummary: "草稿" }), { schema: draftSchema(options) }).status,
    ).toBe("success");
    const bad = parseWithZod(form({ intent: "draft", incomeDonation: "一千" }), { schema: draftSchema(options) });
    expect(errorsOf(bad)).toEqual({ incomeDonation: ["捐赠收入请填写金额，如 1234.50"] });
  });

  it("requires fewer sections in the simplified report and the 整改 report when one is open", () => {
    const simplified = parseWithZod(
      form({ intent: "submit", activitiesSummary: "x", charterCompliance: "是", ...moneyInputs }),
      {
        schema: submitSchema({ simplified: true, rectificationRequired: false }),
      },
    );
    expect(simplified.status).toBe("success");
    const full = parseWithZod(
      form({ intent: "submit", activitiesSummary: "x", charterCompliance: "是", ...moneyInputs }),
      {
        schema: submitSchema(options),
      },
    );
    expect(Object.keys(errorsOf(full) ?? {}).sort()).toEqual(
      [
        "partyMemberCount",
        "partyOrgStatus",
        "personnelChanges",
        "staffCount",
        "memberCount",
        "structureChanges",
      ].sort(),
    );
    const withRect = parseWithZod(form({ intent: "submit", ...fullText, ...moneyInputs }), {
      schema: submitSchema({ simplified: false, rectificationRequired: true }),
    });
    expect(errorsOf(withRect)).toEqual({ rectificationReport: ["请填写整改情况报告"] });
    expect(requiredFields({ simplified: true, rectificationRequired: true }).has("rectificationReport")).toBe(true);
  });

  it("requires the audit report upload for foundations, except in the simplified report", () => {
    expect(auditReportRequired("FOUNDATION", false)).toBe(true);
    expect(auditReportRequired("FOUNDATION", true)).toBe(false);
    expect(auditReportRequired("SOCIAL_GROUP", false)).toBe(false);
  });

  it("counts progress per section", () => {
    const progress = sectionProgress({ activitiesSummary: "x", incomeTotal: 0 }, true);
    expect(progress.find((p) => p.key === "activities")).toMatchObject({ filled: 1, total: 2, optional: false });
    expect(progress.find((p) => p.key === "finance")).toMatchObject({ filled: 1, total: 15 });
    expect(progress.find((p) => p.key === "party")?.optional).toBe(true);
  });

  it("marks the finance section as not done while it holds a mismatch", () => {
    const stored = toReportData({ ...balanced, liabilitiesTotal: 60_000_00 });
    const finance = sectionProgress(stored, false).find((p) => p.key === "finance")!;
    expect(finance).toMatchObject({ filled: 15, total: 15 });
    expect(finance.problems).toEqual(["资产合计 ¥200,000.00 不等于负债合计与净资产合计之和 ¥210,000.00"]);
    expect(sectionProgress(toReportData(balanced), false).find((p) => p.key === "finance")!.problems).toEqual([]);
  });
});

describe("computed totals", () => {
  it("sums what is typed so far and is final only once every line is filled", () => {
    const typed = typedMoney({
      incomeDonation: "1,000",
      incomeService: "500.5",
      incomeOther: "一百",
      netAssetsTotal: "-20",
    });
    expect(typed).toEqual({ incomeDonation: 1_000_00, incomeService: 500_50, netAssetsTotal: -20_00 });
    expect(financeTotals(typed)).toEqual({
      incomeTotal: { fen: 1_500_50, complete: false },
      expenseTotal: { fen: 0, complete: false },
    });
    expect(withFinanceTotals({ ...typed, incomeTotal: 1 })).not.toHaveProperty("incomeTotal");
    expect(financeTotals(balanced).incomeTotal).toEqual({ fen: 100_000_00, complete: true });
  });
});
