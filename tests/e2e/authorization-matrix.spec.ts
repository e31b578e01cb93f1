// Runs the authorization matrix (authorization-matrix.ts) against the built app: each route's own
// loader is asked alone through single fetch (`/path.data?_routes=routes/<id>`), so a page whose
// guard was removed fails here even when its layout still refuses; resource routes are asked
// directly. Actions are posted by the roles that must be refused. A route file without a row fails.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { serializeSessionCookie, SESSION_DAYS } from "~/modules/auth/auth.server";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { MATRIX, ROLES, type Answer, type Role, type Row, type Target } from "./authorization-matrix";

const ROUTES_DIR = path.resolve("app/routes");

/** Route ids as Remix names them: files without extension, folder routes by folder name. */
function routeFiles() {
  return fs
    .readdirSync(ROUTES_DIR, { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".") && !/\.test\.tsx?$/.test(e.name))
    .map((e) => ({
      id: e.isDirectory() ? e.name : e.name.replace(/\.tsx?$/, ""),
      file: e.isDirectory() ? path.join(e.name, "route.tsx") : e.name,
    }));
}

function source(routeId: string) {
  const entry = routeFiles().find((r) => r.id === routeId)!;
  return fs.readFileSync(path.join(ROUTES_DIR, entry.file), "utf8");
}
const isResource = (routeId: string) => !/export default/.test(source(routeId));
const hasAction = (routeId: string) => /export (async function|const) action\b/.test(source(routeId));

test("every route file has its rows in the authorization matrix, and every guarded action its refusals", () => {
  const files = routeFiles().map((r) => r.id);
  const covered = new Set(MATRIX.map((row) => row.route));
  expect(
    files.filter((id) => !covered.has(id)),
    "route files without a row in authorization-matrix.ts",
  ).toEqual([]);
  expect(
    [...covered].filter((id) => !files.includes(id)),
    "rows naming no route file",
  ).toEqual([]);
  const unrefused = MATRIX.filter(
    (row) => hasAction(row.route) && Object.values(row.get).some((a) => a === "login" || a === "403") && !row.post,
  ).map((row) => row.route);
  expect(unrefused, "guarded routes with an action but no post refusals").toEqual([]);
});

/** A member of the organization (or of any), outside `notOrg` when given. */
async function memberOf(orgId: string | undefined, notOrg?: string) {
  const m = await prisma.membership.findFirst({
    where: {
      ...(orgId ? { organizationId: orgId } : {}),
      ...(notOrg ? { organizationId: { not: notOrg } } : {}),
      user: { status: "ACTIVE", role: "ORG_MEMBER" },
    },
    orderBy: { createdAt: "asc" },
    select: { userId: true, organizationId: true },
  });
  if (!m) throw new Error(`no member for ${orgId ?? "any organization"}`);
  return m;
}

async function userWithRole(role: string, not?: string) {
  const u = await prisma.user.findFirst({
    where: { role, status: "ACTIVE", ...(not ? { id: { not } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!u) throw new Error(`no active ${role}`);
  return u.id;
}

async function usersFor(target: Target): Promise<Record<Role, string | null>> {
  const own = await memberOf(target.orgId);
  const other = await memberOf(undefined, own.organizationId);
  const assigned = target.reviewerId ?? (await userWithRole("REVIEWER"));
  return {
    anon: null,
    own: own.userId,
    other: other.userId,
    assigned,
    unassigned: await userWithRole("REVIEWER", assigned),
    staff: await userWithRole("ADMIN"),
  };
}

const cookies = new Map<string, string>();
async function cookieFor(userId: string) {
  const cached = cookies.get(userId);
  if (cached) return cached;
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const session = await prisma.session.create({ data: { userId, expiresAt }, select: { id: true } });
  const pair = (await serializeSessionCookie(session.id, expiresAt)).split(";")[0]!;
  cookies.set(userId, pair);
  return pair;
}

async function classify(response: APIResponse): Promise<Answer | string> {
  const status = response.status();
  let location: string | undefined = response.headers()["location"];
  if (status === 202) location = /"redirect","([^"]+)"/.exec(await response.text())?.[1];
  if (location !== undefined && [202, 301, 302, 303].includes(status)) {
    return location.startsWith("/login") || (location.includes("//localhost") && location.includes("/login"))
      ? "login"
      : "redirect";
  }
  return String(status);
}

function dataUrl(row: Row, target: Target) {
  if (isResource(row.route)) return target.path;
  const base = target.path === "/" ? "/_root" : target.path;
  return `${base}.data?_routes=${encodeURIComponent(`routes/${row.route}`)}`;
}

async function ask(
  request: APIRequestContext,
  method: "GET" | "POST",
  row: Row,
  target: Target,
  userId: string | null,
) {
  const headers: Record<string, string> = userId ? { cookie: await cookieFor(userId) } : {};
  if (method === "GET") return classify(await request.get(dataUrl(row, target), { headers, maxRedirects: 0 }));
  const index = row.route.endsWith("._index") ? "?index" : "";
  const url = isResource(row.route) ? target.path : `${target.path === "/" ? "/_root" : target.path}.data${index}`;
  const origin = test.info().project.use.baseURL!;
  return classify(
    await request.post(url, {
      headers: { ...headers, origin },
      form: { intent: "authorization-matrix" },
      maxRedirects: 0,
    }),
  );
}

test("every route answers each role as the matrix says", async ({ request }) => {
  test.setTimeout(240_000);
  const wrong: string[] = [];
  for (const row of MATRIX) {
    const { target, users } = await row
      .target()
      .then(async (target) => ({ target, users: await usersFor(target) }))
      .catch((error: Error) => {
        throw new Error(`${row.route} (${row.ownership}): ${error.message}`);
      });
    // A record the seed does not hold (orMissing): what would be shown is not found instead.
    const get = (role: Role) => (target.missing && row.get[role] === "200" ? "404" : row.get[role]);
    for (const role of ROLES) {
      const got = await ask(request, "GET", row, target, users[role]);
      if (got !== get(role))
        wrong.push(`GET ${row.route} (${row.ownership}) ${target.path} as ${role}: ${got}, expected ${get(role)}`);
    }
    for (const [role, expected] of Object.entries(hasAction(row.route) ? (row.post ?? {}) : {}) as [Role, Answer][]) {
      // Without the record, a member's post may be refused for its body first: only role refusals count.
      if (target.missing && expected === "404") continue;
      const got = await ask(request, "POST", row, target, users[role]);
      if (got !== expected)
        wrong.push(`POST ${row.route} (${row.ownership}) ${target.path} as ${role}: ${got}, expected ${expected}`);
    }
  }
  expect(wrong).toEqual([]);
});
