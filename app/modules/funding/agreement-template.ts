// The 资助协议 text: a template with {{merge fields}} (the call's GrantCall.agreementTemplate,
// or the standard one below), the values merged into it and the variable parts staff may
// edit before issuing. Pure: the same inputs always give the same text, whose SHA-256 is
// what both parties sign (agreement-text.server.ts).
import { formatDate, formatFen } from "~/utils/format";
import { fenToCapitals } from "~/utils/rmb-capitals";
import { INDICATOR_KIND_LABELS } from "../grants/applications/application-form";
import { BUDGET_CATEGORY_LABELS, type BudgetCategory } from "../grants/applications/budget-checks";
import { agreementKindLabel } from "./agreement-workflow";
import { TRIGGER_LABELS, type TrancheTrigger } from "./tranches";

/** The funder, 甲方 of every agreement (as the rating certificates' authority). */
export const FUNDER_NAME = "区民政局";

/** Every merge field a template may use, with what it holds (shown to staff editing a template). */
export const MERGE_FIELDS = {
  agreementNo: "协议编号",
  funder: "甲方名称",
  orgName: "乙方（机构）名称",
  uscc: "乙方统一社会信用代码",
  orgAddress: "乙方住所",
  legalRepresentative: "乙方法定代表人",
  callTitle: "公益创投活动名称",
  projectNo: "项目编号",
  projectTitle: "项目名称",
  category: "项目类别",
  serviceArea: "服务街道/社区",
  projectLead: "项目负责人",
  amount: "资助金额（小写）",
  amountCapitals: "资助金额（大写）",
  startsOn: "执行期起始日",
  endsOn: "执行期截止日",
  kpis: "绩效指标",
  budgetLines: "预算科目",
  tranches: "拨付计划",
  obligations: "双方权利义务",
  reportEveryMonths: "进度报告间隔（月）",
  reportingDuties: "报告义务",
  sanctions: "违约责任",
  specialTerms: "其他约定",
  amendment: "补充协议说明（首版为空）",
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;

/** What issue #13 requires every agreement to state: a call's template must use these. */
export const REQUIRED_MERGE_FIELDS: MergeField[] = [
  "orgName",
  "uscc",
  "projectTitle",
  "amount",
  "amountCapitals",
  "startsOn",
  "endsOn",
  "kpis",
  "budgetLines",
  "tranches",
  "obligations",
  "reportingDuties",
  "sanctions",
];

export const STANDARD_TEMPLATE = `公益创投项目资助协议

协议编号：{{agreementNo}}

甲方（资助方）：{{funder}}
乙方（项目承接方）：{{orgName}}
统一社会信用代码：{{uscc}}
住所：{{orgAddress}}
法定代表人：{{legalRepresentative}}

{{amendment}}

根据{{callTitle}}的评审结果及立项名单公示情况，为保障项目顺利实施、规范资助资金使用，甲乙双方本着平等自愿、诚实信用的原则，经协商一致，订立本协议。

第一条　项目基本情况
项目编号：{{projectNo}}
项目名称：{{projectTitle}}
项目类别：{{category}}
服务区域：{{serviceArea}}
项目负责人：{{projectLead}}

第二条　资助金额
甲方资助乙方项目资金人民币（小写）{{amount}}，人民币（大写）{{amountCapitals}}。资助资金专款专用，不得挪作他用。

第三条　执行期限
项目执行期自{{startsOn}}起至{{endsOn}}止。

第四条　绩效目标
乙方应在执行期内完成下列绩效指标：
{{kpis}}

第五条　预算安排
资助资金按下列预算科目使用：
{{budgetLines}}
预算调整应按甲方规定报告或报批，未经批准不得擅自调整。

第六条　资金拨付
资助资金分期拨付，拨付计划如下：
{{tranches}}
各期资金在相应拨付条件达成后拨付，首期资金自本协议生效之日起十五个工作日内拨付。资金拨付至乙方在登记管理机关备案的银行账户。

第七条　双方权利义务
{{obligations}}

第八条　报告义务
{{reportingDuties}}

第九条　违约责任
{{sanctions}}

第十条　其他约定
{{specialTerms}}

第十一条　协议生效
本协议以电子方式签署：乙方签署、甲方会签后生效。签署页记载本协议文本的 SHA-256 摘要，双方以该摘要所对应的文本为准。`;

/** The parts of an agreement staff may edit before issuing it (GrantAgreement.variables). */
export type AgreementVariables = {
  projectLead: string;
  obligations: string;
  reportingDuties: string;
  sanctions: string;
  specialTerms: string;
};

export function defaultVariables(input: { projectLead: string; reportEveryMonths: number }): AgreementVariables {
  return {
    projectLead: input.projectLead,
    obligations: [
      "（一）甲方按本协议约定拨付资助资金，对项目实施进行指导、督导和评估。",
      "（二）乙方应按照申报书和本协议确定的内容、进度和标准实施项目，不得转包或分包。",
      "（三）乙方应对资助资金单独核算、专款专用，妥善保存原始凭证备查。",
      "（四）乙方应配合甲方及其委托的第三方开展督导、中期评估、终期评估和审计。",
      "（五）项目负责人、执行期限或预算需要变更的，乙方应提出申请，经甲方同意后签订补充协议。",
    ].join("\n"),
    reportingDuties: [
      `（一）乙方应自本协议生效之日起每 ${input.reportEveryMonths} 个月通过平台提交一次项目进度报告，载明项目进展、绩效指标完成情况、开展的活动及服务人数。`,
      "（二）乙方应按要求提交中期报告及自评材料、终期报告及财务决算报告。",
      "（三）项目结束后三个月内，乙方应公开项目完成情况及结余资金情况。",
    ].join("\n"),
    sanctions: [
      "（一）乙方未按约定实施项目、提交报告或使用资金的，甲方有权责令整改，暂缓或停止拨付资金。",
      "（二）中期评估不合格的，甲方可责令整改、停止拨付或终止本协议；报告逾期未交的，按评估不合格处理。",
      "（三）本协议终止的，乙方应退还已拨付但尚未使用的资金；虚报冒领、挤占挪用资助资金的，甲方追回已拨付资金，并依法依规处理。",
      "（四）因乙方违约导致项目终止或终期评估不合格的，乙方三年内不得申报甲方组织的公益创投项目。",
    ].join("\n"),
    specialTerms: "无。",
  };
}

/** Stored variables, filled from the defaults where a key is missing or not text. */
export function parseVariables(json: string, defaults: AgreementVariables): AgreementVariables {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === "object") raw = parsed as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const pick = (key: keyof AgreementVariables) => (typeof raw[key] === "string" ? (raw[key] as string) : defaults[key]);
  return {
    projectLead: pick("projectLead"),
    obligations: pick("obligations"),
    reportingDuties: pick("reportingDuties"),
    sanctions: pick("sanctions"),
    specialTerms: pick("specialTerms"),
  };
}

/** Everything an agreement's text is made from. */
export type AgreementFacts = {
  version: number;
  kind: string;
  amendmentReason: string | null;
  endsOn: Date;
  project: {
    projectNo: string;
    title: string;
    category: string | null;
    serviceArea: string | null;
    awardFen: number;
    startsOn: Date;
    reportEveryMonths: number;
  };
  callTitle: string;
  organization: { name: string; uscc: string | null; address: string | null; legalRepresentative: string | null };
  kpis: { kind: string; name: string; target: string }[];
  budgetLines: { category: string; description: string; plannedFen: number; revisedFen: number }[];
  tranches: { position: number; percent: number; amountFen: number; trigger: string }[];
  variables: AgreementVariables;
};

const numbered = (lines: string[]) => (lines.length ? lines.map((l, i) => `${i + 1}. ${l}`).join("\n") : "无。");

export function mergeValues(facts: AgreementFacts): Record<MergeField, string> {
  const { project, variables } = facts;
  const budgetTotal = facts.budgetLines.reduce((sum, l) => sum + l.revisedFen, 0);
  return {
    agreementNo: `${project.projectNo}-V${facts.version}`,
    funder: FUNDER_NAME,
    orgName: facts.organization.name,
    uscc: facts.organization.uscc ?? "—",
    orgAddress: facts.organization.address ?? "—",
    legalRepresentative: facts.organization.legalRepresentative ?? "—",
    callTitle: facts.callTitle,
    projectNo: project.projectNo,
    projectTitle: project.title,
    category: project.category ?? "—",
    serviceArea: project.serviceArea ?? "—",
    projectLead: variables.projectLead.trim() || "—",
    amount: formatFen(project.awardFen),
    amountCapitals: fenToCapitals(project.awardFen),
    startsOn: formatDate(project.startsOn),
    endsOn: formatDate(facts.endsOn),
    kpis: numbered(
      facts.kpis.map((k) => `${k.name}：${k.target}（${INDICATOR_KIND_LABELS[k.kind as "OUTPUT"] ?? k.kind}）`),
    ),
    budgetLines: [
      numbered(
        facts.budgetLines.map((l) => {
          const label = BUDGET_CATEGORY_LABELS[l.category as BudgetCategory] ?? l.category;
          const revised = l.revisedFen !== l.plannedFen ? `（调整后 ${formatFen(l.revisedFen)}）` : "";
          return `${label}（${l.description}）：${formatFen(l.plannedFen)}${revised}`;
        }),
      ),
      `合计：${formatFen(budgetTotal)}`,
    ].join("\n"),
    tranches: facts.tranches
      .map(
        (t) =>
          `第 ${t.position} 期：${TRIGGER_LABELS[t.trigger as TrancheTrigger] ?? t.trigger}拨付 ${t.percent}%，计 ${formatFen(t.amountFen)}（人民币${fenToCapitals(t.amountFen)}）`,
      )
      .join("\n"),
    obligations: variables.obligations.trim(),
    reportEveryMonths: String(project.reportEveryMonths),
    reportingDuties: variables.reportingDuties.trim(),
    sanctions: variables.sanctions.trim(),
    specialTerms: variables.specialTerms.trim() || "无。",
    amendment:
      facts.kind === "ORIGINAL"
        ? ""
        : `本协议为第 ${facts.version} 版，系对原协议的${agreementKindLabel(facts.kind)}。变更事由：${facts.amendmentReason ?? "—"}。除本版载明的内容外，原协议其他条款继续有效；本版生效后，此前各版本不再执行。`,
  };
}

const FIELD = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The template with every known field replaced (an unknown one stays as written). */
export function mergeTemplate(template: string, values: Record<MergeField, string>) {
  return template
    .replace(/\r\n?/g, "\n")
    .replace(FIELD, (whole, key: string) => (key in values ? values[key as MergeField] : whole))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The exact text of an agreement version from its template and facts. */
export function renderAgreement(template: string | null, facts: AgreementFacts) {
  return mergeTemplate(template?.trim() ? template : STANDARD_TEMPLATE, mergeValues(facts));
}

/** What is wrong with a call's template, in Chinese (empty when it is usable). */
export function templateProblems(template: string): string[] {
  const used = new Set([...template.matchAll(FIELD)].map((m) => m[1]!));
  const unknown = [...used].filter((key) => !(key in MERGE_FIELDS));
  const missing = REQUIRED_MERGE_FIELDS.filter((key) => !used.has(key));
  return [
    ...(unknown.length ? [`模板中有未知的合并字段：${unknown.map((k) => `{{${k}}}`).join("、")}`] : []),
    ...(missing.length
      ? [`模板缺少必备的合并字段：${missing.map((k) => `{{${k}}}（${MERGE_FIELDS[k]}）`).join("、")}`]
      : []),
  ];
}
