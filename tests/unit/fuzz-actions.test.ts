// Issue #18: every action, as every role, with generated bodies, in-process
// through the route modules. No answer may be a 5xx, the database must stay
// intact (integrity_check, foreign_key_check) and no write may be half done
// (every order has lines, every state change has its audit event).
// Replay a failure with FUZZ_SEED=<the printed seed>; FUZZ_REQUESTS changes the count.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { serializeSessionCookie, SESSION_DAYS } from "~/modules/auth/auth.server";
import { createOrder } from "~/modules/showroom/orders.server";
import { prisma } from "~/utils/db.server";
import { fuzzBody, prng, type FuzzBody } from "../support/fuzz-bodies";
import { createListedProduct, createShowroomOrg } from "../support/showroom-fixtures";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";
import { createTestUser } from "./helpers/users";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5200);
const ROUTES = path.resolve(__dirname, "../../app/routes");

// Online payment on, against the local Stripe stand-in, so checkout and the webhook run their real paths.
const STRIPE_ENV = [
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_HOST",
  "STRIPE_API_PORT",
  "STRIPE_API_PROTOCOL",
];
let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_fuzz",
    STRIPE_WEBHOOK_SECRET: "whsec_fuzz",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(standIn.port),
    STRIPE_API_PROTOCOL: "http",
  });
});
afterAll(async () => {
  await standIn.close();
  for (const name of STRIPE_ENV) delete process.env[name];
});

type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type FuzzRoute = { id: string; file: string; params: string[]; names: string[]; literals: string[]; action?: Action };

/** Every route module that exports an action, with the words its source uses (field names, intents). */
function actionRoutes(): FuzzRoute[] {
  return fs
    .readdirSync(ROUTES, { withFileTypes: true })
    .map((entry) => ({
      id: entry.name.replace(/\.tsx?$/, ""),
      file: entry.isDirectory() ? `${entry.name}/route` : entry.name.replace(/\.tsx?$/, ""),
    }))
    .filter(({ file }) => /export (async )?function action|export const action/.test(read(file)))
    .map(({ id, file }) => {
      const source = read(file);
      const words = [...new Set([...source.matchAll(/["'`]([A-Za-z_][\w.-]{0,40})["'`]/g)].map((m) => m[1]!))];
      const names = [
        ...new Set(
          [...source.matchAll(/\b([a-z][A-Za-z0-9]{1,30})\s*:\s*(?:z\.|[A-Z]\w*Schema|\w+Field)/g)].map((m) => m[1]!),
        ),
      ];
      return { id, file, params: [...id.matchAll(/\$(\w+)/g)].map((m) => m[1]!), names, literals: words };
    });
}

function read(file: string) {
  for (const ext of [".tsx", ".ts"]) {
    const full = path.join(ROUTES, file + ext);
    if (fs.existsSync(full)) return fs.readFileSync(full, "utf8");
  }
  return "";
}

/** The route's URL with its parameters filled in. */
function urlOf(id: string, params: Record<string, string>) {
  const segments = id
    .split(".")
    .filter((s) => s !== "_index" && !(s.startsWith("_") && s !== "_"))
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? encodeURIComponent(params[s.slice(1)] ?? "x") : s));
  return `http://localhost/${segments.join("/")}`;
}

async function statusOf(run: () => Promise<unknown>): Promise<{ status: number; error?: unknown }> {
  try {
    return { status: statusOfValue(await run()) };
  } catch (error) {
    if (error instanceof Response) return { status: error.status };
    const s = statusOfValue(error);
    return s === 200 ? { status: 500, error } : { status: s };
  }
}

function statusOfValue(value: unknown): number {
  if (value instanceof Response) return value.status;
  const init = (value as { init?: { status?: number } | null } | null)?.init;
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit")
    return init?.status ?? 200;
  return 200;
}

async function sessionCookie(userId: string) {
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const session = await prisma.session.create({ data: { userId, expiresAt }, select: { id: true } });
  return (await serializeSessionCookie(session.id, expiresAt)).split(";")[0]!;
}

/** Rows with a status, so changes made during the run can be checked against the audit trail. */
async function statusRows() {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'status'`,
  );
  const rows = new Map<string, { table: string; status: string }>();
  for (const { name } of tables) {
    for (const row of await prisma.$queryRawUnsafe<{ id: string; status: string }[]>(
      `SELECT id, status FROM "${name}"`,
    ))
      rows.set(row.id, { table: name, status: row.status });
  }
  return rows;
}

/** Real ids for a parameter (from tables whose name contains its stem), or junk. */
async function paramPools(routes: FuzzRoute[]) {
  const tables = (
    await prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
  ).map((t) => t.name);
  const pools: Record<string, string[]> = {};
  for (const param of new Set(routes.flatMap((r) => r.params))) {
    const stem = param.replace(/(Id|No)$/, "").toLowerCase();
    const column = param.endsWith("No") ? param : "id";
    const values: string[] = [
      "x",
      "",
      "0",
      "../../etc",
      "字".repeat(300),
      "c".repeat(25),
      String(new Date().getFullYear()),
    ];
    for (const table of tables.filter((t) => t.toLowerCase().includes(stem))) {
      try {
        const rows = await prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT "${column}" AS v FROM "${table}" LIMIT 20`);
        values.push(...rows.map((r) => String(r.v)));
      } catch {
        // no such column in this table
      }
    }
    pools[param] = values;
  }
  return pools;
}

async function arrange() {
  const a = await createShowroomOrg(prisma);
  const b = await createShowroomOrg(prisma);
  for (const { org, member } of [a, b]) {
    const product = await createListedProduct(prisma, { organizationId: org.id, createdById: member.id, stock: 50 });
    await createOrder({
      items: [{ productId: product.id, quantity: 1 }],
      buyerName: "张敏",
      buyerPhone: "13912345678",
      delivery: "PICKUP",
      address: null,
      paymentMethod: "COUNTER",
    });
  }
  const reviewer = await createTestUser({ role: "REVIEWER" });
  const staff = await createTestUser({ role: "ADMIN" });
  return {
    anonymous: null,
    member: await sessionCookie(a.member.id),
    otherOrg: await sessionCookie(b.member.id),
    reviewer: await sessionCookie(reviewer.id),
    staff: await sessionCookie(staff.id),
  };
}

function describeBody(body: FuzzBody) {
  if (typeof body.body === "string") return `${body.kind}: ${JSON.stringify(body.body.slice(0, 300))}`;
  if (body.body instanceof FormData)
    return `${body.kind}: ${JSON.stringify([...body.body].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 80) : `file ${v.name}`]))}`;
  return body.kind;
}

test(
  `${REQUESTS} generated requests to every action as every role: no 5xx, nothing half-written`,
  { timeout: 240_000 },
  async () => {
    console.info(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run tests/unit/fuzz-actions.test.ts)`);
    const rng = prng(SEED);
    const routes = actionRoutes();
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const file = [".tsx", ".ts"].map((ext) => path.join(ROUTES, route.file + ext)).find((f) => fs.existsSync(f))!;
      route.action = ((await import(/* @vite-ignore */ file)) as { action: Action }).action;
    }
    const roles = await arrange();
    const pools = await paramPools(routes);
    const before = await statusRows();
    const started = new Date(Date.now() - 1000);
    const silence = ["info", "warn", "error", "log"].map((level) => {
      const c = console as unknown as Record<string, (...args: unknown[]) => void>;
      const original = c[level]!;
      c[level] = () => {};
      return () => (c[level] = original);
    });
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    try {
      for (let i = 0; i < REQUESTS && failures.length < 5; i++) {
        const route = rng.pick(routes);
        const roleName = rng.pick(Object.keys(roles) as Array<keyof typeof roles>);
        const params = Object.fromEntries(route.params.map((p) => [p, rng.pick(pools[p]!)]));
        const body = fuzzBody(rng, route.names, route.literals);
        const cookie = roles[roleName];
        const request = new Request(urlOf(route.id, params), {
          method: "POST",
          headers: { ...body.headers, ...(cookie ? { Cookie: cookie } : {}), "x-yimiao-client-ip": "198.51.100.7" },
          body: body.body,
        });
        const { status, error } = await statusOf(() => route.action!({ request, params, context: {} }));
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        if (status >= 500)
          failures.push(
            `#${i} ${route.id} as ${roleName} ${JSON.stringify(params)} → ${status}\n  ${describeBody(body)}\n  ${error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 4).join("\n  ") : String(error ?? "")}`,
          );
      }
    } finally {
      silence.forEach((restore) => restore());
    }
    console.info(`fuzz seed ${SEED}: statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
    expect(failures, `seed ${SEED}: 5xx answers`).toEqual([]);

    expect(await prisma.$queryRawUnsafe(`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
    expect(await prisma.$queryRawUnsafe(`PRAGMA foreign_key_check`)).toEqual([]);
    const ordersWithoutLines = await prisma.order.findMany({
      where: { lines: { none: {} } },
      select: { orderNo: true },
    });
    expect(ordersWithoutLines, `seed ${SEED}: orders without lines`).toEqual([]);

    // Every row whose status changed during the run has an audit event for the change.
    const after = await statusRows();
    const audited = new Set(
      (
        await prisma.auditEvent.findMany({
          where: { createdAt: { gte: started } },
          select: { entityId: true, toState: true },
        })
      ).map((e) => `${e.entityId}→${e.toState}`),
    );
    const unaudited = [...after]
      .filter(([id, row]) => before.has(id) && before.get(id)!.status !== row.status)
      .filter(([id, row]) => !audited.has(`${id}→${row.status}`))
      .map(([id, row]) => `${row.table} ${id}: ${before.get(id)!.status} → ${row.status}`);
    expect(unaudited, `seed ${SEED}: state changes without an audit event`).toEqual([]);
  },
);
