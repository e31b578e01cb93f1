import { describe, expect, test } from "vitest";
import {
  defaultVariables,
  mergeTemplate,
  mergeValues,
  renderAgreement,
  STANDARD_TEMPLATE,
  templateProblems,
  type AgreementFacts,
} from "./agreement-template";
import { agreementHash } from "./agreement-text.server";

const facts: AgreementFacts = {
  version: 1,
  kind: "ORIGINAL",
  amendmentReason: null,
  endsOn: new Date("2027-06-29T16:00:00Z"),
  project: {
    projectNo: "GY2026-003",
    title: "银龄互助食堂",
    category: "为老",
    serviceArea: "东湖街道",
    awardFen: 10_500_000,
    startsOn: new Date("2026-06-30T16:00:00Z"),
    reportEveryMonths: 3,
  },
  callTitle: "2026年度公益创投",
  organization: {
    name: "东湖社工服务中心",
    uscc: "52330100MJ0000000X",
    address: "东湖路 1 号",
    legalRepresentative: "王芳",
  },
  kpis: [{ kind: "OUTPUT", name: "助餐服务", target: "服务 2000 人次" }],
  budgetLines: [
    { category: "ACTIVITY", description: "助餐活动", plannedFen: 6_000_000, revisedFen: 6_000_000 },
    { category: "PERSONNEL", description: "社工人员", plannedFen: 4_500_000, revisedFen: 4_000_000 },
  ],
  tranches: [
    { position: 1, percent: 50, amountFen: 5_250_000, trigger: "SIGNING" },
    { position: 2, percent: 50, amountFen: 5_250_000, trigger: "MIDTERM_PASS" },
  ],
  variables: defaultVariables({ projectLead: "李明", reportEveryMonths: 3 }),
};

describe("agreement text", () => {
  test("merges every field of the standard template: organization, USCC, amount in figures and capitals, term, KPIs, budget, tranches", () => {
    const text = renderAgreement(null, facts);
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain("乙方（项目承接方）：东湖社工服务中心");
    expect(text).toContain("统一社会信用代码：52330100MJ0000000X");
    expect(text).toContain("人民币（小写）¥105,000.00，人民币（大写）壹拾万伍仟元整");
    expect(text).toContain("项目执行期自2026年7月1日起至2027年6月30日止");
    expect(text).toContain("1. 助餐服务：服务 2000 人次（产出指标）");
    expect(text).toContain("2. 人员费（社工人员）：¥45,000.00（调整后 ¥40,000.00）");
    expect(text).toContain("第 1 期：协议签订后拨付 50%，计 ¥52,500.00（人民币伍万贰仟伍佰元整）");
    expect(text).toContain("每 3 个月通过平台提交一次项目进度报告");
    expect(text).toContain("项目负责人：李明");
    expect(text).not.toContain("本协议为第");
  });

  test("a call's own template is used, and an amendment says what it changes", () => {
    const text = renderAgreement("{{orgName}} {{amountCapitals}}\n\n\n\n{{amendment}}", {
      ...facts,
      version: 2,
      kind: "EXTENSION",
      amendmentReason: "场地改造推迟开工",
    });
    expect(text).toBe(
      "东湖社工服务中心 壹拾万伍仟元整\n\n本协议为第 2 版，系对原协议的补充协议（不增加资金延期）。变更事由：场地改造推迟开工。除本版载明的内容外，原协议其他条款继续有效；本版生效后，此前各版本不再执行。",
    );
  });

  test("unknown fields stay visible; templates missing required fields or using unknown ones are refused", () => {
    expect(mergeTemplate("{{nope}} {{ orgName }}", mergeValues(facts))).toBe("{{nope}} 东湖社工服务中心");
    expect(templateProblems(STANDARD_TEMPLATE)).toEqual([]);
    const problems = templateProblems("{{orgName}} {{nope}}");
    expect(problems[0]).toBe("模板中有未知的合并字段：{{nope}}");
    expect(problems[1]).toContain("{{uscc}}（乙方统一社会信用代码）");
  });

  test("the hash is the SHA-256 of the exact text and changes when the text changes", () => {
    const text = renderAgreement(null, facts);
    const hash = agreementHash(text);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(agreementHash(renderAgreement(null, facts))).toBe(hash);
    expect(agreementHash(`${text} `)).not.toBe(hash);
    const changed = renderAgreement(null, {
      ...facts,
      variables: { ...facts.variables, specialTerms: "另行约定场地。" },
    });
    expect(agreementHash(changed)).not.toBe(hash);
    expect(agreementHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
