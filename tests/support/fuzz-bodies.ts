// Generated request bodies for the action fuzz run (tests/unit/fuzz-actions.test.ts):
// missing, duplicated and unknown fields, huge strings, control characters,
// negative and huge numbers, bad dates, unknown intents, wrong content types
// and broken multipart. Everything comes from one seeded PRNG, so a failing
// run replays exactly with FUZZ_SEED=<seed>.

/** mulberry32: small, fast and good enough to pick test inputs. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

const CONTROL = "\u0000\u0001\u0007\b\u000b\u000c\u001b[31m\u007f\u0085\u200b\u202e\ufeff\u3000";
const DATES = ["2026-02-30", "0000-00-00", "9999-99-99", "2026-13-01", "1900-01-01", "2999-12-31", "昨天", "-1", ""];
const NUMBERS = [
  "-1",
  "0",
  "-0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "0x10",
  "1.5",
  "-2147483649",
  "１２",
];
const WORDS = ["", " ", "测试", "null", "undefined", "[]", "{}", "true", "<script>alert(1)</script>", "' OR 1=1 --"];

/** A string a careless or hostile client might send in any field. */
export function fieldValue(rng: Rng, literals: string[]): string {
  switch (rng.int(9)) {
    case 0:
      return rng.pick(literals.length ? literals : WORDS);
    case 1:
      return rng.pick(NUMBERS);
    case 2:
      return rng.pick(DATES);
    case 3:
      return rng.pick(WORDS) + rng.pick([...CONTROL]) + rng.pick(literals.length ? literals : WORDS);
    case 4:
      return "字".repeat(rng.pick([256, 5_000, 70_000]));
    case 5:
      return `fuzz${rng.int(1e6)}@test.yimiao.local`;
    case 6:
      return String(rng.int(1000));
    case 7:
      return "/\u3000/evil.example?" + rng.pick(literals.length ? literals : WORDS);
    default:
      return rng.pick(literals.length ? literals : WORDS);
  }
}

export type FuzzBody = { kind: string; headers: Record<string, string>; body: BodyInit | null };

/** Fields of one generated form: some names from the route, some unknown, some duplicated, some missing. */
function fields(rng: Rng, names: string[], literals: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const count = rng.int(Math.min(12, names.length + 3) + 1);
  for (let i = 0; i < count; i++) {
    const name =
      rng.chance(0.85) && names.length ? rng.pick(names) : rng.pick(["x", "intent[]", "__proto__", "a.b", ""]);
    out.push([name, fieldValue(rng, literals)]);
    if (rng.chance(0.1)) out.push([name, fieldValue(rng, literals)]); // duplicated
  }
  if (rng.chance(0.6)) out.push(["intent", rng.chance(0.8) && literals.length ? rng.pick(literals) : "no-such-intent"]);
  return out;
}

/** A tiny file part: PDF or PNG magic with junk after it, or junk alone. */
function filePart(rng: Rng) {
  const head = rng.pick(["%PDF-1.4\n", "\u0089PNG\r\n\u001a\n", "<html>", "MZ", ""]);
  const name = rng.pick(["报告.pdf", "a\u0000b.pdf", "../../etc/passwd", "x.png", "", "图.svg"]);
  return new File([head + "x".repeat(rng.int(2000))], name, { type: rng.pick(["application/pdf", "image/png", ""]) });
}

export function fuzzBody(rng: Rng, names: string[], literals: string[]): FuzzBody {
  const roll = rng.next();
  if (roll < 0.45) {
    const params = new URLSearchParams(fields(rng, names, literals));
    return {
      kind: "urlencoded",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: params.toString(),
    };
  }
  if (roll < 0.75) {
    const form = new FormData();
    for (const [name, value] of fields(rng, names, literals)) form.append(name, value);
    if (rng.chance(0.5)) form.append(rng.pick(names.length ? names : ["file"]), filePart(rng));
    return { kind: "multipart", headers: {}, body: form };
  }
  if (roll < 0.85) {
    const type = rng.pick(["text/plain", "application/json", "application/xml", "", "multipart/mixed", "garbage;;"]);
    return {
      kind: `content-type ${JSON.stringify(type)}`,
      headers: type ? { "Content-Type": type } : {},
      body: rng.chance(0.5) ? JSON.stringify(Object.fromEntries(fields(rng, names, literals))) : "a=1&intent=x",
    };
  }
  if (roll < 0.95) {
    const boundary = rng.pick(["b", "", "----x", '"q"']);
    const body = rng.pick([
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx`,
      `--${boundary}\r\n\r\n\r\n--${boundary}--`,
      "not multipart at all",
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF`,
      "",
    ]);
    return {
      kind: "broken multipart",
      headers: { "Content-Type": `multipart/form-data${rng.chance(0.8) ? `; boundary=${boundary}` : ""}` },
      body,
    };
  }
  if (roll < 0.97) {
    return {
      kind: "oversized",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=" + "x".repeat(1024 * 1024 + rng.int(1000)),
    };
  }
  return {
    kind: "empty",
    headers: rng.chance(0.5) ? { "Content-Type": "application/x-www-form-urlencoded" } : {},
    body: null,
  };
}
