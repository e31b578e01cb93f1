// Seeded generators for the benchmark dataset (npm run bench): realistic Chinese
// organization and product names, valid USCCs (the app's own check-digit code),
// areas of a province. Deterministic for a given seed, so two runs measure the same data.
import { generateUscc, USCC_ALPHABET, USCC_TYPE_DIGITS } from "~/modules/organizations/uscc";

/** mulberry32: small, fast and good enough for test data. */
export function makeRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = ReturnType<typeof makeRandom>;

export const DAY = 86_400_000;
/** A time as the app's SQLite adapter stores it. */
export const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Districts of a province (江苏省), with their division codes. */
export const AREAS = [
  ["320102", "南京市玄武区"],
  ["320104", "南京市秦淮区"],
  ["320105", "南京市建邺区"],
  ["320106", "南京市鼓楼区"],
  ["320111", "南京市浦口区"],
  ["320113", "南京市栖霞区"],
  ["320114", "南京市雨花台区"],
  ["320115", "南京市江宁区"],
  ["320116", "南京市六合区"],
  ["320117", "南京市溧水区"],
  ["320118", "南京市高淳区"],
  ["320205", "无锡市锡山区"],
  ["320206", "无锡市惠山区"],
  ["320211", "无锡市滨湖区"],
  ["320213", "无锡市梁溪区"],
  ["320214", "无锡市新吴区"],
  ["320302", "徐州市鼓楼区"],
  ["320303", "徐州市云龙区"],
  ["320311", "徐州市泉山区"],
  ["320402", "常州市天宁区"],
  ["320404", "常州市钟楼区"],
  ["320411", "常州市新北区"],
  ["320505", "苏州市虎丘区"],
  ["320506", "苏州市吴中区"],
  ["320507", "苏州市相城区"],
  ["320508", "苏州市姑苏区"],
  ["320509", "苏州市吴江区"],
  ["320582", "张家港市"],
  ["320583", "昆山市"],
  ["320602", "南通市崇川区"],
  ["320612", "南通市通州区"],
  ["320703", "连云港市连云区"],
  ["320803", "淮安市淮安区"],
  ["320902", "盐城市亭湖区"],
  ["321002", "扬州市广陵区"],
  ["321102", "镇江市京口区"],
  ["321202", "泰州市海陵区"],
  ["321302", "宿迁市宿城区"],
] as const;

const STREETS = [
  "东山",
  "秣陵",
  "汤山",
  "淳化",
  "禄口",
  "江宁",
  "谷里",
  "湖熟",
  "横溪",
  "麒麟",
  "新街口",
  "夫子庙",
  "锁金村",
  "玄武门",
  "孝陵卫",
  "迈皋桥",
  "燕子矶",
  "仙林",
  "尧化",
  "马群",
  "梅园",
  "中华门",
  "五老村",
  "宁海路",
  "华侨路",
  "湖南路",
  "挹江门",
  "凤凰",
  "朝天宫",
  "莫愁湖",
  "沙洲",
  "兴隆",
  "双闸",
  "江心洲",
  "赛虹桥",
  "西善桥",
  "板桥",
  "铁心桥",
  "梅山",
  "雨花",
  "平江",
  "观前",
  "金阊",
  "沧浪",
  "双塔",
  "虎丘",
  "枫桥",
  "横塘",
  "狮山",
  "甪直",
];
const CORES = [
  "阳光",
  "爱心",
  "夕阳红",
  "启明",
  "同心",
  "彩虹",
  "春晖",
  "暖阳",
  "向日葵",
  "绿洲",
  "益家",
  "乐龄",
  "和美",
  "善行",
  "守望",
  "心连心",
  "红梅",
  "馨园",
  "康乐",
  "星火",
  "晨曦",
  "青禾",
  "朝阳",
  "润泽",
  "安康",
  "德馨",
  "博爱",
  "致远",
  "明德",
  "惠民",
  "邻里",
  "金秋",
  "银龄",
  "童心",
  "书香",
  "翰墨",
  "健康",
  "平安",
  "幸福",
  "友邻",
  "乐活",
  "耕读",
  "弘毅",
  "正心",
  "厚德",
  "仁爱",
  "悦心",
  "和谐",
  "同行",
  "微光",
];
const FIELDS = [
  "社会工作",
  "养老",
  "助残",
  "青少年",
  "妇女儿童",
  "社区",
  "志愿",
  "文化",
  "体育",
  "环保",
  "法律援助",
  "心理健康",
  "教育",
  "扶贫济困",
  "家庭",
  "慈善",
  "医疗救助",
  "公益",
  "退役军人",
  "非遗传承",
];
const SUFFIXES = {
  SOCIAL_GROUP: ["协会", "促进会", "联合会", "研究会", "商会"],
  SOCIAL_SERVICE: ["服务中心", "发展中心", "服务社", "工作室", "学校"],
  FOUNDATION: ["基金会", "慈善基金会", "公益基金会"],
  COMMUNITY: ["服务队", "志愿者服务队", "互助会", "睦邻会"],
} as const;

export type BenchOrgType = keyof typeof SUFFIXES;
const TYPES: BenchOrgType[] = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "SOCIAL_SERVICE", "COMMUNITY", "FOUNDATION"];

/** A name such as 南京市江宁区东山阳光养老服务中心; unique against `taken`. */
export function orgName(random: Random, area: string, type: BenchOrgType, taken: Set<string>) {
  for (;;) {
    const street = random() < 0.6 ? pick(random, STREETS) + (random() < 0.5 ? "街道" : "") : "";
    const name = `${area}${street}${pick(random, CORES)}${pick(random, FIELDS)}${pick(random, SUFFIXES[type])}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export function orgType(random: Random): BenchOrgType {
  return pick(random, TYPES);
}

/** A valid USCC for a civil-affairs registration; unique against `taken`. */
export function uscc(random: Random, type: BenchOrgType, areaCode: string, taken: Set<string>) {
  for (;;) {
    let body = "";
    for (let i = 0; i < 8; i++) body += USCC_ALPHABET[Math.floor(random() * USCC_ALPHABET.length)];
    const code = generateUscc({ typeDigit: USCC_TYPE_DIGITS[type], areaCode, orgCodeBase8: body });
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const PRODUCT_WORDS = [
  "手工",
  "布艺",
  "竹编",
  "刺绣",
  "陶艺",
  "木作",
  "剪纸",
  "香囊",
  "围巾",
  "帆布包",
  "明信片",
  "书签",
  "茶叶",
  "蜂蜜",
  "米糕",
  "果酱",
  "绘本",
  "钥匙扣",
  "杯垫",
  "抱枕",
];
export const PRODUCT_CATEGORIES = ["手工艺品", "农产品", "文创", "食品", "日用品"];

export function productName(random: Random) {
  return `${pick(random, CORES)}${pick(random, PRODUCT_WORDS)}${pick(random, PRODUCT_WORDS)}`;
}

export const AUDIT_ACTIONS = [
  "registration.transition",
  "organization.update",
  "product.transition",
  "order.transition",
  "grant.application.transition",
  "inspection.transition",
  "user.login",
  "review.submit",
];
export const AUDIT_ENTITIES = ["Organization", "Product", "Order", "GrantApplication", "InspectionReport", "User"];

/**
 * Search terms for the uncached search run: 1–4 characters, most taken from the
 * name parts (so they match), some that match nothing.
 */
export function searchTerms(random: Random, count: number) {
  const parts = [...CORES, ...FIELDS, ...STREETS];
  const misses = ["龘", "齉", "爨麤", "鬱靐", "饕餮宴", "魑魅魍魉", "灪", "麣齾"];
  const terms = new Set<string>();
  while (terms.size < count) {
    const roll = random();
    if (roll < 0.1) terms.add(pick(random, misses) + (random() < 0.5 ? String(terms.size) : ""));
    else {
      const chars = Array.from(pick(random, parts));
      const len = Math.min(chars.length, 1 + Math.floor(random() * 4));
      const start = Math.floor(random() * (chars.length - len + 1));
      terms.add(chars.slice(start, start + len).join("") + (roll < 0.2 ? pick(random, ["区", "会", "心"]) : ""));
    }
  }
  return [...terms];
}
