// An amount in 分 written in Chinese capitals (人民币大写), as contracts and vouchers
// require: 1234567 分 → 壹万贰仟叁佰肆拾伍元陆角柒分; 10000000 分 → 壹拾万元整. Pure.

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const PLACES = ["", "拾", "佰", "仟"];
const SECTIONS = ["", "万", "亿", "万亿"];

/** 0–9999 without a leading zero: 1010 → 壹仟零壹拾. */
function sectionCapitals(section: number) {
  let out = "";
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(section / 10 ** place) % 10;
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    out += DIGITS[digit]! + PLACES[place]!;
  }
  return out;
}

/** Whole yuan: sections of four digits (万, 亿), one 零 for any run of zeros between them. */
function yuanCapitals(yuan: number) {
  if (yuan === 0) return "零";
  const sections: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  let out = "";
  let pendingZero = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    if (section === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (out && (pendingZero || section < 1000)) out += "零";
    pendingZero = false;
    out += sectionCapitals(section) + SECTIONS[i]!;
  }
  return out;
}

/** 分 → 人民币大写 (without the 人民币 prefix). "整" follows a whole-yuan amount. */
export function fenToCapitals(fen: number) {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`Not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${yuanCapitals(yuan)}元整`;
  let out = yuan > 0 ? `${yuanCapitals(yuan)}元` : "";
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += "零";
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}
