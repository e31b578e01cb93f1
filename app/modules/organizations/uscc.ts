// 统一社会信用代码 (USCC) per GB 32100-2015, and the organization code inside it
// (positions 9–17) per GB 11714. Pure functions, shared by the seed, validation
// of typed-in codes and (later) registration approval.
//
// Layout: [1] registering authority (5 = 民政), [2] type, [3–8] administrative
// division code, [9–17] organization code (its last char is its own GB 11714
// check), [18] USCC check character.

/** The 31 characters a USCC may contain: digits and capitals without I, O, Z, S, V. */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Weight of each of positions 1..17: 3^(i-1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 weights for the 8 body characters of an organization code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Registering authority code of the civil-affairs department. */
export const CIVIL_AFFAIRS_AUTHORITY = "5";

/** Position 2 for codes issued by 民政: 1 社会团体, 2 民办非企业单位, 3 基金会, 9 other. */
export const USCC_TYPE_DIGITS = {
  SOCIAL_GROUP: "1",
  SOCIAL_SERVICE: "2",
  FOUNDATION: "3",
  COMMUNITY: "9",
} as const;

export type UsccTypeDigit = (typeof USCC_TYPE_DIGITS)[keyof typeof USCC_TYPE_DIGITS];

/** The check character (position 18) for the first 17 characters. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error("USCC body must be 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`Character "${first17[i]}" is not allowed in a USCC`);
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character (9th) of an organization code from its first 8. */
export function computeOrgCodeCheck(first8: string): string {
  if (first8.length !== 8) throw new Error("Organization code body must be 8 characters");
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = ORG_CODE_ALPHABET.indexOf(first8[i]!);
    if (value < 0) throw new Error(`Character "${first8[i]}" is not allowed in an organization code`);
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return "X";
  if (check === 11) return "0";
  return String(check);
}

const USCC_SHAPE = new RegExp(`^[${USCC_ALPHABET}]{18}$`);

/**
 * GB 32100 table 1 (with its amendments): each registering authority (position 1)
 * and the type codes (position 2) it may issue. A code from any other authority,
 * or a type its authority does not define, was never issued.
 */
export const USCC_AUTHORITY_TYPES: Readonly<Record<string, string>> = {
  "1": "1239", // 机构编制: 机关, 事业单位, 中央编办直管的群众团体, 其他
  "2": "19", // 外交
  "3": "1234569", // 司法行政: 律师事务所, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, …
  "4": "19", // 文化
  "5": "1239", // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  "6": "129", // 旅游
  "7": "129", // 宗教
  "8": "19", // 工会
  "9": "123", // 工商: 企业, 个体工商户, 农民专业合作社
  A: "19", // 中央军委改革和编制办公室
  N: "1239", // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: "1", // 其他
};

/**
 * Province-level prefixes of GB/T 2260 division codes (positions 3–4), and
 * "100000", which national registrations (民政部, 国家市场监管总局) carry.
 */
const PROVINCE_PREFIXES = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split(" "),
);

/** True when positions 3–8 are a GB/T 2260 administrative division code (or the national 100000). */
export function isDivisionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return code === "100000" || PROVINCE_PREFIXES.has(code.slice(0, 2));
}

/**
 * True when the code is 18 characters from the USCC alphabet; position 1 is a
 * defined registering authority and position 2 a type that authority defines;
 * positions 3–8 are a division code; its organization code (positions 9–17)
 * carries a correct GB 11714 check; and position 18 is the correct GB 32100
 * check character. Expects upper case; normalize input first.
 */
export function isValidUscc(code: string): boolean {
  if (!USCC_SHAPE.test(code)) return false;
  if (!USCC_AUTHORITY_TYPES[code[0]!]?.includes(code[1]!)) return false;
  if (!isDivisionCode(code.slice(2, 8))) return false;
  if (computeOrgCodeCheck(code.slice(8, 16)) !== code[16]) return false;
  return computeUsccCheckChar(code.slice(0, 17)) === code[17];
}

/** Trims, removes inner spaces and upper-cases what a user typed. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

/**
 * A valid 民政 USCC: authority 5, the type digit, the 6-digit division code,
 * the 8-character organization code body plus its check, and the USCC check.
 */
export function generateUscc({
  typeDigit,
  areaCode,
  orgCodeBase8,
}: {
  typeDigit: string;
  areaCode: string;
  orgCodeBase8: string;
}): string {
  if (typeDigit.length !== 1 || !USCC_AUTHORITY_TYPES[CIVIL_AFFAIRS_AUTHORITY]!.includes(typeDigit)) {
    throw new Error("Invalid USCC type character");
  }
  if (!isDivisionCode(areaCode)) throw new Error("Area code must be a 6-digit division code");
  if (!new RegExp(`^[${USCC_ALPHABET}]{8}$`).test(orgCodeBase8)) {
    throw new Error("Organization code body must be 8 characters from the USCC alphabet");
  }
  const first17 = `${CIVIL_AFFAIRS_AUTHORITY}${typeDigit}${areaCode}${orgCodeBase8}${computeOrgCodeCheck(orgCodeBase8)}`;
  return first17 + computeUsccCheckChar(first17);
}
