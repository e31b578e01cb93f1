// Builds the benchmark database (npm run bench): the demo seed, then at province
// scale 100,000 organizations, 20,000 products, a review round of 5,000 applications
// × 5 reviewers × 7 criteria with scores, a second round of 5,000 applications to
// assign automatically, an inspection year of 100,000 reports, 1,000,000 audit
// events chained like the app chains them and 100,000 showroom orders. Bulk SQL inserts
// in transactions; the file is kept and reused while BENCH_DATA_VERSION is unchanged, and
// a copy of an older version gets what it lacks added in place (TOP_UPS).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { hashAuditContent } from "~/modules/audit/chain";
import * as gen from "./data";
import { insertOrders, ORDER_SIZES, renewPendingOrders } from "./orders";

export const BENCH_DATA_VERSION = "2";
export const SIZES = {
  organizations: 100_000,
  products: 20_000,
  applications: 5_000,
  reviewers: 60,
  reviewersPerApplication: 5,
  criteria: 7,
  auditEvents: 1_000_000,
} as const;

const { iso, DAY } = gen;

function seedDemo(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  execFileSync("npx", ["tsx", "scripts/setup-db.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  });
}

function insertOrganizations(db: Database.Database, random: gen.Random, now: number) {
  const names = new Set<string>(db.prepare(`SELECT name FROM Organization`).pluck().all() as string[]);
  const codes = new Set<string>(
    db.prepare(`SELECT uscc FROM Organization WHERE uscc IS NOT NULL`).pluck().all() as string[],
  );
  const insert = db.prepare(`INSERT INTO Organization (id, type, name, uscc, address, areaCode, area, purpose, scope,
    legalRepresentative, capitalFen, category, status, registeredAt, createdAt, updatedAt, currentGrade)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < SIZES.organizations; i++) {
      const id = `bench-org-${String(i).padStart(6, "0")}`;
      const type = gen.orgType(random);
      const [areaCode, areaName] = gen.pick(random, gen.AREAS);
      const roll = random();
      const status = roll < 0.9 ? "REGISTERED" : roll < 0.95 ? "DEREGISTERED" : roll < 0.98 ? "REVOKED" : "PREPARING";
      const registeredAt = status === "PREPARING" ? null : iso(now - Math.floor(random() * 20 * 365) * DAY);
      const grade = status === "REGISTERED" && random() < 0.2 ? 1 + Math.floor(random() * 5) : null;
      insert.run(
        id,
        type,
        gen.orgName(random, areaName, type, names),
        status === "PREPARING" ? null : gen.uscc(random, type, areaCode, codes),
        `${areaName}某街道${1 + Math.floor(random() * 300)}号`,
        areaCode,
        areaName,
        "服务社区居民，开展公益活动。",
        "公益服务",
        "张某",
        300_000 + Math.floor(random() * 10_000_000),
        "社会服务",
        status,
        registeredAt,
        iso(now),
        iso(now),
        grade,
      );
      ids.push(id);
    }
  })();
  return ids;
}

function insertProducts(db: Database.Database, random: gen.Random, orgIds: string[], adminId: string, now: number) {
  const insert = db.prepare(`INSERT INTO Product (id, organizationId, name, category, description, makerStory, priceFen,
    stock, soldCount, makerSharePct, fundSharePct, status, listedAt, createdById, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, '手工制作，义卖所得用于社区公益。', '由社区居民手工制作。', ?, ?, ?, 70, 30, ?, ?, ?, ?, ?)`);
  // Products come from a few thousand organizations, as in a real showroom.
  const makers = orgIds.slice(0, 3_000);
  db.transaction(() => {
    for (let i = 0; i < SIZES.products; i++) {
      const status = random() < 0.7 ? "LISTED" : gen.pick(random, ["PENDING", "RETURNED", "UNLISTED", "DRAFT"]);
      const at = now - Math.floor(random() * 700) * DAY;
      insert.run(
        `bench-product-${i}`,
        gen.pick(random, makers),
        gen.productName(random),
        gen.pick(random, gen.PRODUCT_CATEGORIES),
        500 + Math.floor(random() * 20_000),
        Math.floor(random() * 200),
        Math.floor(random() * 500),
        status,
        status === "LISTED" ? iso(at) : null,
        adminId,
        iso(at),
        iso(at),
      );
    }
  })();
}

function insertReviewers(db: Database.Database, now: number) {
  const user = db.prepare(`INSERT INTO User (id, email, name, role, status, createdAt, updatedAt)
    VALUES (?, ?, ?, 'REVIEWER', 'ACTIVE', ?, ?)`);
  const profile = db.prepare(`INSERT INTO ReviewerProfile (userId, expertiseTags) VALUES (?, '["为老","助残"]')`);
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < SIZES.reviewers; i++) {
      const id = `bench-reviewer-${i}`;
      user.run(id, `reviewer${i}@bench.yimiao`, `基准专家${i}`, iso(now), iso(now));
      profile.run(id);
      ids.push(id);
    }
  })();
  return ids;
}

/** A grant call with its criteria; `reviewed` rounds get 5 submitted reviews per application. */
function insertCall(
  db: Database.Database,
  random: gen.Random,
  o: {
    key: string;
    title: string;
    reviewed: boolean;
    orgIds: string[];
    reviewerIds: string[];
    adminId: string;
    now: number;
  },
) {
  const callId = `bench-call-${o.key}`;
  const t = (days: number) => iso(o.now + days * DAY);
  db.prepare(
    `INSERT INTO GrantCall (id, title, year, description, status, categories, poolFen, perProjectCapFen,
    maxGrantSharePct, overheadCapPct, applyOpensAt, applyClosesAt, screeningEndsAt, reviewEndsAt, signingEndsAt,
    reviewersPerApplication, reviewStage, createdById, publishedAt, createdAt, updatedAt)
    VALUES (?, ?, 2026, '省级公益创投基准测试', 'PUBLISHED', '["为老","助残","青少年"]', ?, 20000000, 80, 15,
      ?, ?, ?, ?, ?, 5, 'OPEN', ?, ?, ?, ?)`,
  ).run(callId, o.title, 5_000_000_000, t(-60), t(-30), t(-10), t(30), t(60), o.adminId, t(-60), t(-60), t(-60));
  const criterion = db.prepare(`INSERT INTO GrantCriterion (id, callId, name, maxScore, weightPct, position)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const weights = [20, 20, 15, 15, 10, 10, 10];
  const criteria = weights.map((w, i) => `${callId}-c${i}`);
  const app = db.prepare(`INSERT INTO GrantApplication (id, callId, organizationId, status, title, category,
    requestedFen, ownFundsFen, matchedFen, totalBudgetFen, submittedAt, createdById, createdAt, updatedAt)
    VALUES (?, ?, ?, 'SCREEN_PASSED', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`);
  const assignment = db.prepare(`INSERT INTO ReviewAssignment (id, subjectType, subjectId, roundId, reviewerId,
    status, recommendation, dueAt, submittedAt, createdAt, updatedAt)
    VALUES (?, 'GrantApplication', ?, ?, ?, 'SUBMITTED', 'FUND', ?, ?, ?, ?)`);
  const score = db.prepare(`INSERT INTO ReviewScore (assignmentId, criterionId, score) VALUES (?, ?, ?)`);
  db.transaction(() => {
    weights.forEach((w, i) => criterion.run(criteria[i], callId, `评审维度${i + 1}`, w, w, i));
    for (let a = 0; a < SIZES.applications; a++) {
      const id = `${callId}-app-${a}`;
      const requested = 50_000_00 + Math.floor(random() * 150_000_00);
      app.run(
        id,
        callId,
        o.orgIds[(a * 17) % o.orgIds.length],
        `社区公益项目${a + 1}号`,
        gen.pick(random, ["为老", "助残", "青少年"]),
        requested,
        Math.floor(requested / 4),
        requested * 2,
        t(-31),
        o.adminId,
        t(-40),
        t(-31),
      );
      if (!o.reviewed) continue;
      for (let r = 0; r < SIZES.reviewersPerApplication; r++) {
        const reviewer = o.reviewerIds[(a * SIZES.reviewersPerApplication + r) % o.reviewerIds.length]!;
        const assignmentId = `${id}-r${r}`;
        assignment.run(assignmentId, id, callId, reviewer, t(30), t(-5), t(-9), t(-5));
        weights.forEach((w, i) => score.run(assignmentId, criteria[i], Math.round(w * (0.5 + random() * 0.5))));
      }
    }
  })();
  return callId;
}

function insertAuditEvents(db: Database.Database, random: gen.Random, orgIds: string[], now: number) {
  const head = db.prepare(`SELECT seq, hash FROM AuditEvent WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`).get() as
    { seq: number; hash: string } | undefined;
  const chain = { seq: head?.seq ?? 0, prevHash: head?.hash ?? "0".repeat(64) };
  const actors = db.prepare(`SELECT id FROM User LIMIT 20`).pluck().all() as string[];
  const insert = db.prepare(`INSERT INTO AuditEvent (id, actorId, action, entityType, entityId, fromState, toState,
    reason, ip, createdAt, seq, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`);
  // Three years of history, oldest first, chained after the demo seed's own events.
  const first = now - 3 * 365 * DAY;
  const step = (3 * 365 * DAY - DAY) / SIZES.auditEvents;
  const batch = 100_000;
  for (let start = 0; start < SIZES.auditEvents; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + batch, SIZES.auditEvents); i++) {
        const seq = ++chain.seq;
        const prevHash = chain.prevHash;
        const event = {
          seq,
          prevHash,
          actorId: gen.pick(random, actors),
          action: gen.pick(random, gen.AUDIT_ACTIONS),
          entityType: gen.pick(random, gen.AUDIT_ENTITIES),
          entityId: gen.pick(random, orgIds),
          fromState: "SUBMITTED",
          toState: "APPROVED",
          reason: null,
          ip: "10.0.0.1",
          createdAt: new Date(Math.floor(first + i * step)),
        };
        const hash = hashAuditContent(event);
        insert.run(
          `bench-audit-${i}`,
          event.actorId,
          event.action,
          event.entityType,
          event.entityId,
          event.fromState,
          event.toState,
          event.ip,
          iso(event.createdAt.getTime()),
          seq,
          prevHash,
          hash,
        );
        chain.prevHash = hash;
      }
    })();
  }
}

/** Last year's inspection round gets a report from every bench organization. */
function insertInspection(db: Database.Database, random: gen.Random, orgIds: string[], now: number) {
  const round = db.prepare(`SELECT id, year FROM InspectionRound ORDER BY year DESC LIMIT 1 OFFSET 1`).get() as
    { id: string; year: number } | undefined;
  if (!round) return;
  const insert = db.prepare(`INSERT INTO InspectionReport (id, roundId, organizationId, year, status, submittedAt,
    conclusion, concludedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    orgIds.forEach((orgId, i) => {
      const roll = random();
      const [status, conclusion] =
        roll < 0.8
          ? ["CONCLUDED", gen.pick(random, ["QUALIFIED", "QUALIFIED", "BASIC", "UNQUALIFIED"])]
          : roll < 0.9
            ? ["MISSED", "MISSED"]
            : ["SUBMITTED", null];
      const at = iso(now - (200 + Math.floor(random() * 100)) * DAY);
      insert.run(
        `bench-report-${i}`,
        round.id,
        orgId,
        round.year,
        status,
        status === "MISSED" ? null : at,
        conclusion,
        conclusion ? at : null,
        at,
        at,
      );
    });
  })();
}

const timed = (label: string, run: () => void) => {
  const t = Date.now();
  run();
  console.log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

function addOrders(db: Database.Database, now: number) {
  let lines = 0;
  timed(`${ORDER_SIZES.orders} orders`, () => {
    lines = insertOrders(db, now);
  });
  console.log(`    (${lines} order lines)`);
  timed("ANALYZE orders", () => db.exec(`ANALYZE "Order"; ANALYZE "OrderLine"`));
}

/**
 * What a database built at an older version lacks, added in place (a full build takes
 * minutes and the file is about 1 GB): the step that takes version N to N + 1.
 */
const TOP_UPS: Record<string, (db: Database.Database, now: number) => void> = {
  // Version 1 had no orders beyond the demo's four.
  "1": addOrders,
};

function migrate(file: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  });
}

/** Brings a kept copy up to BENCH_DATA_VERSION, or answers false when it cannot be (then it is rebuilt). */
function topUp(file: string, marker: string) {
  let version = fs.existsSync(file) && fs.existsSync(marker) ? fs.readFileSync(marker, "utf8").trim() : "";
  if (version !== BENCH_DATA_VERSION && !TOP_UPS[version]) return false;
  // Migrations added since it was built apply to the kept copy too.
  migrate(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  try {
    while (version !== BENCH_DATA_VERSION) {
      console.log(`› Topping up the benchmark database from version ${version}…`);
      TOP_UPS[version]!(db, Date.now());
      version = String(Number(version) + 1);
      fs.writeFileSync(marker, version);
    }
    renewPendingOrders(db, Date.now());
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return true;
}

export type BenchDb = { file: string; reviewCallId: string; assignCallId: string; reviewerIds: string[] };

/** The benchmark database at `file`, built unless an up-to-date copy is there. */
export function buildBenchDb(file: string, { rebuild = false } = {}): BenchDb {
  const marker = `${file}.version`;
  const info = {
    file,
    reviewCallId: "bench-call-reviewed",
    assignCallId: "bench-call-assign",
    reviewerIds: Array.from({ length: SIZES.reviewers }, (_, i) => `bench-reviewer-${i}`),
  };
  if (!rebuild && topUp(file, marker)) return info;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(marker, { force: true });
  const started = Date.now();
  console.log("› Building the benchmark database (demo seed, then bulk inserts)…");
  seedDemo(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const random = gen.makeRandom(20261205);
  const now = Date.now();
  const adminId = db.prepare(`SELECT id FROM User WHERE email = 'admin@yimiao.demo'`).pluck().get() as string;
  const step = timed;
  let orgIds: string[] = [];
  step(`${SIZES.organizations} organizations (with their name grams)`, () => {
    orgIds = insertOrganizations(db, random, now);
  });
  step(`${SIZES.products} products`, () => insertProducts(db, random, orgIds, adminId, now));
  let reviewerIds: string[] = [];
  step(`${SIZES.reviewers} reviewers`, () => {
    reviewerIds = insertReviewers(db, now);
  });
  const callArgs = { orgIds, reviewerIds, adminId, now };
  step(`${SIZES.applications} applications × ${SIZES.reviewersPerApplication} reviews × ${SIZES.criteria} scores`, () =>
    insertCall(db, random, {
      ...callArgs,
      key: "reviewed",
      title: "2026年省级公益创投（基准·已评审）",
      reviewed: true,
    }),
  );
  step(`${SIZES.applications} applications to assign`, () =>
    insertCall(db, random, { ...callArgs, key: "assign", title: "2026年省级公益创投（基准·待分配）", reviewed: false }),
  );
  step(`${orgIds.length} inspection reports`, () => insertInspection(db, random, orgIds, now));
  step(`${SIZES.auditEvents} audit events (hash-chained)`, () => insertAuditEvents(db, random, orgIds, now));
  step(`${ORDER_SIZES.orders} orders`, () => insertOrders(db, now));
  step("ANALYZE", () => db.exec("ANALYZE"));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  fs.writeFileSync(marker, BENCH_DATA_VERSION);
  console.log(`› Benchmark database ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${file}`);
  return info;
}
