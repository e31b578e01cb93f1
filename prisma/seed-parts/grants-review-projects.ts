// The projects, reviewers' habits and comments of the demo expert-review rounds
// (grants-review.ts). Each round retitles the same organizations' projects.
export type ProjectSeed = {
  org: string;
  title: string;
  category: string;
  /** 元 */
  requested: number;
  own: number;
  matched: number;
  area: string;
  beneficiaries: string;
  count: number;
  needs: string;
  goals: string;
  /** how strong the project is, 0–100, drives the demo scores */
  quality: number;
};

export const PROJECTS: ProjectSeed[] = [
  {
    org: "江宁区乐龄社区服务中心",
    title: "楼道互助“老伙伴”计划",
    category: "为老",
    requested: 60_000,
    own: 15_000,
    matched: 12_000,
    area: "江宁区东山街道",
    beneficiaries: "高龄独居老人及低龄志愿老人",
    count: 120,
    needs: "试点社区 80 岁以上独居老人 96 人，日常缺少照应；低龄老人有意愿参与互助但缺少组织。",
    goals: "组建 30 个楼道“老伙伴”互助小组，每周探访不少于 1 次，建立紧急联络机制。",
    quality: 88,
  },
  {
    org: "江宁区星语儿童康复中心",
    title: "孤独症儿童社区融合小组",
    category: "助残",
    requested: 75_000,
    own: 20_000,
    matched: 15_000,
    area: "江宁区秣陵街道",
    beneficiaries: "3—12 岁孤独症儿童及其家庭",
    count: 40,
    needs: "秣陵街道登记在册的孤独症儿童 52 名，康复机构训练之外缺少社区融合机会，家长照护压力大。",
    goals: "开展 24 次社区融合小组活动和 12 次家长喘息服务，培训 30 名社区志愿者。",
    quality: 84,
  },
  {
    org: "江宁区青禾青少年发展中心",
    title: "困境青少年“成长合伙人”陪伴",
    category: "青少年",
    requested: 70_000,
    own: 18_000,
    matched: 12_000,
    area: "江宁区淳化街道",
    beneficiaries: "留守、单亲及困境家庭青少年",
    count: 60,
    needs: "淳化街道困境青少年 140 余名，课后无人看护、学业和情绪支持不足。",
    goals: "一对一结对 60 名青少年，开展课业辅导、情绪支持和生涯探索，每月家访 1 次。",
    quality: 79,
  },
  {
    org: "江宁区百家湖社区发展服务中心",
    title: "小区议事会能力建设",
    category: "社区治理",
    requested: 50_000,
    own: 12_000,
    matched: 8_000,
    area: "江宁区百家湖街道",
    beneficiaries: "小区居民议事会成员和楼栋长",
    count: 200,
    needs: "辖区 18 个小区已成立议事会，但议事规则不清、居民参与低，停车和加装电梯等问题久拖不决。",
    goals: "为 18 个议事会提供议事规则培训和现场督导，推动解决不少于 10 项居民关心的问题。",
    quality: 73,
  },
  {
    org: "江宁区心晴心理咨询服务中心",
    title: "社区心理健康“守门人”培训",
    category: "其他",
    requested: 55_000,
    own: 10_000,
    matched: 10_000,
    area: "江宁区全区",
    beneficiaries: "社区工作者、网格员和志愿者",
    count: 150,
    needs: "社区工作者常遇到情绪危机居民，但缺少识别和转介能力。",
    goals: "培训 150 名心理健康“守门人”，建立社区—专业机构转介流程。",
    quality: 70,
  },
  {
    org: "江宁区禄口街道乐龄日间照料中心",
    title: "失能老人家庭照护者支持",
    category: "为老",
    requested: 65_000,
    own: 16_000,
    matched: 10_000,
    area: "江宁区禄口街道",
    beneficiaries: "居家失能、半失能老人的家庭照护者",
    count: 80,
    needs: "禄口街道居家失能老人约 300 名，家庭照护者普遍缺乏护理技能且身心疲惫。",
    goals: "开展照护技能培训 16 场，提供喘息服务 400 小时，组建照护者互助小组。",
    quality: 81,
  },
  {
    org: "江宁区同心社会工作服务中心",
    title: "新市民子女“四点半课堂”",
    category: "青少年",
    requested: 45_000,
    own: 10_000,
    matched: 6_000,
    area: "江宁区秣陵街道",
    beneficiaries: "外来务工人员子女",
    count: 90,
    needs: "辖区新市民子女放学后无人接送、作业辅导缺失。",
    goals: "每周 4 天提供课后托管和作业辅导，每学期开展 2 次亲子活动。",
    quality: 66,
  },
  {
    org: "江宁区阳光助残服务中心",
    title: "残疾人居家就业技能培训",
    category: "助残",
    requested: 68_000,
    own: 15_000,
    matched: 15_000,
    area: "江宁区全区",
    beneficiaries: "有就业意愿的持证残疾人",
    count: 50,
    needs: "全区有就业意愿的残疾人中，约六成因出行不便难以到岗就业。",
    goals: "开展电商客服和手工制作培训，帮助不少于 20 人实现居家就业。",
    quality: 76,
  },
  {
    org: "江宁区和谐人民调解服务中心",
    title: "社区矛盾纠纷“早调解”志愿服务",
    category: "社区治理",
    requested: 58_000,
    own: 12_000,
    matched: 9_000,
    area: "江宁区汤山街道",
    beneficiaries: "社区居民和楼栋调解志愿者",
    count: 300,
    needs: "汤山街道邻里纠纷逐年增多，小矛盾常因调解不及时而升级。",
    goals: "培训 40 名楼栋调解志愿者，全年化解邻里纠纷不少于 60 件。",
    quality: 62,
  },
  {
    org: "江宁区阳光社会工作服务中心",
    title: "“邻里帮”社区互助积分",
    category: "社区治理",
    requested: 52_000,
    own: 14_000,
    matched: 8_000,
    area: "江宁区东山街道",
    beneficiaries: "社区居民和志愿者",
    count: 500,
    needs: "社区志愿服务参与率低，居民间互助缺少激励和记录。",
    goals: "建立志愿服务积分和兑换机制，发展 300 名活跃志愿者，开展互助服务 2,000 小时。",
    quality: 74,
  },
];

/**
 * The organizations whose project in the funded round ends badly: a final 不合格 (evaluation.ts)
 * and a termination (closing.ts). Both are barred from venture calls from then on, so the rounds
 * opened after that (ROUNDS_AFTER_BANS) and this year's open call (grants-applications.ts) take
 * their places with organizations in good standing (BARRED_STAND_INS).
 */
export const FINAL_FAIL_ORG = "江宁区青禾青少年发展中心";
export const TERMINATED_ORG = "江宁区阳光助残服务中心";
export const BARRED_STAND_INS: Record<string, string> = {
  [FINAL_FAIL_ORG]: "江宁区志愿者协会",
  [TERMINATED_ORG]: "江宁区肢残人协会",
};
/** The rounds whose applications were filed after the funded round's projects ended (and the bans). */
export const ROUNDS_AFTER_BANS = ["publicity", "signing", "review"];

/** Each reviewer's habit: a lenient or harsh scorer, so z-score normalisation has something to correct. */
export const LENIENCY: Record<string, number> = { expert: 2, zhanghf: 5, liuzq: -8, zhoum: 0 };
export const REVIEWER_EMAILS: Record<string, string> = {
  expert: "expert@yimiao.demo",
  zhanghf: "zhanghuifang@yimiao.demo",
  liuzq: "liuzhiqiang@yimiao.demo",
  zhoum: "zhoumin@yimiao.demo",
};

export const COMMENTS = [
  "需求调研扎实，服务对象明确；建议细化志愿者培训安排，并补充过程评估方法。",
  "项目设计与目标衔接较好，预算基本合理；人员投入偏少，执行中注意服务质量的稳定。",
  "机构有相关服务经验，方案可行；创新性一般，建议加强与社区现有资源的联动。",
  "受益人群和指标清楚，但部分活动频次偏高，实施压力较大，建议调整进度安排。",
];

export function scoreFor(quality: number, leniency: number, criterionIndex: number, salt: number) {
  // A deterministic wobble per reviewer and criterion keeps the demo scores varied but stable.
  const wobble = ((salt * 31 + criterionIndex * 17) % 11) - 5;
  return Math.max(40, Math.min(100, Math.round(quality + leniency + wobble)));
}

/** The titles of the same organizations' projects in earlier rounds, by round key. */
export const EARLIER_TITLES: Record<string, string[]> = {
  publicity: [
    "高龄老人“暖心午餐”配送",
    "特殊儿童家长喘息服务",
    "青少年“周末成长营”",
    "楼栋长议事技能培训",
    "社区情绪支持小站",
    "日间照料中心康复活动",
    "外来务工家庭亲子阅读",
    "助残“庇护工场”手工坊",
    "婚姻家庭纠纷调解工作室",
    "社区志愿者骨干培育",
  ],
  delivery: [
    "高龄老人“助餐到家”服务",
    "特殊儿童社区融合乐园",
    "困境少年“护苗”陪伴",
    "小区议事厅协商共治",
    "社区心理援助热线",
    "日间照料“健脑”活动",
    "新市民家庭融入计划",
    "残障青年就业辅导",
    "邻里纠纷“和事佬”调解",
    "社区“时间银行”互助",
  ],
  signing: [
    "失能老人家庭照护支持",
    "孤独症儿童家庭支持",
    "农村留守老人探访",
    "社区议事员培育",
    "青少年情绪管理小组",
    "认知症友好社区建设",
    "社区志愿服务站",
    "残疾人康复陪伴",
    "家事调解进社区",
    "社区微更新共建",
  ],
  funded: [
    "独居老人“一键通”关爱行动",
    "融合运动会与亲子游戏",
    "流动儿童暑期课堂",
    "老旧小区加装电梯协商",
    "中学生心理健康讲座",
    "认知症家庭照护培训",
    "社区“四点半”托管",
    "残疾人辅具适配服务",
    "物业纠纷调解进小区",
    "邻里节与社区互助市集",
  ],
};
