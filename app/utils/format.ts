// Display helpers. Money is integer 分; dates are shown in Asia/Shanghai.

const TZ = "Asia/Shanghai";

const dateFormatter = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ,
  year: "numeric",
  month: "long",
  day: "numeric",
});

const dateTimeFormatter = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ,
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

const timeFormatter = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ,
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

function toDate(value: Date | string | number) {
  return value instanceof Date ? value : new Date(value);
}

/** 2026年5月31日 */
export function formatDate(value: Date | string | number | null | undefined) {
  if (value == null) return "—";
  return dateFormatter.format(toDate(value));
}

/** 2026年5月31日 14:05 */
export function formatDateTime(value: Date | string | number | null | undefined) {
  if (value == null) return "—";
  return dateTimeFormatter.format(toDate(value));
}

/** 14:05 */
export function formatTime(value: Date | string | number) {
  return timeFormatter.format(toDate(value));
}

/** 123450 分 → ¥1,234.50 (bigint for large sums such as a foundation's fund) */
export function formatFen(fen: number | bigint | null | undefined) {
  if (fen == null) return "—";
  const value = BigInt(fen);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const yuan = abs / 100n;
  const cents = String(abs % 100n).padStart(2, "0");
  return `${sign}¥${yuan.toLocaleString("en-US")}.${cents}`;
}

/** "1,234.5" or "1234.50" 元 → 123450 分; null when not a valid amount. */
export function yuanToFen(input: string): number | null {
  const cleaned = input.replace(/[,，\s¥￥]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, frac = ""] = cleaned.split(".");
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 123450 分 → "1234.5"-style input value "1234.50"; 300000 → "3000"; null → "" (for a form's default value). */
export function fenToYuanInput(fen: number | bigint | null | undefined) {
  if (fen == null) return "";
  const value = BigInt(fen);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const yuan = abs / 100n;
  const cents = abs % 100n;
  return sign + (cents === 0n ? String(yuan) : `${yuan}.${String(cents).padStart(2, "0")}`);
}

export function formatCount(n: number) {
  return n.toLocaleString("en-US");
}
