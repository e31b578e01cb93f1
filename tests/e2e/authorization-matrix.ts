// The authorization matrix (issue #18): every route file in app/routes × role × ownership, with
// the answer its OWN loader (and action) must give. authorization-matrix.spec.ts asks each route
// in isolation (single fetch's `?_routes=`), so a child route cannot lean on its layout's guard,
// and fails when a route file has no row here. A new route needs its row: read its guard and
// write what each role must get.
import { prisma } from "~/utils/db.server";

export const ROLES = ["anon", "own", "other", "assigned", "unassigned", "staff"] as const;
export type Role = (typeof ROLES)[number];
/** What a role must get: a status, or "login" (a redirect to /login?redirectTo=…). */
export type Answer = "200" | "403" | "404" | "405" | "login" | "redirect";
export type Expectations = Record<Role, Answer>;

/**
 * The record a row is about. `orgId`: its organization (role "own" is one of its members,
 * "other" a member of another); `reviewerId`: the reviewer assigned to it ("assigned"; any
 * other reviewer is "unassigned"). Without them "own"/"other" are members of two organizations
 * and "assigned"/"unassigned" two reviewers.
 */
export type Target = { path: string; orgId?: string; reviewerId?: string; missing?: boolean };

export type Row = {
  /** The route file or folder in app/routes (without .tsx). */
  route: string;
  ownership:
    | "none"
    | "own"
    | "other org's"
    | "assigned"
    | "unassigned"
    | "published"
    | "draft"
    | "missing"
    /** a record of a person outside the roles (a buyer's order) */
    | "someone else's";
  target: () => Promise<Target>;
  get: Expectations;
  /** For routes with an action (only those are posted to): the roles refused before the body is read. */
  post?: Partial<Expectations>;
};

const all = (a: Answer): Expectations => ({ anon: a, own: a, other: a, assigned: a, unassigned: a, staff: a });
const PUBLIC = all("200");
/** Login and signup send a signed-in person on to their workspace. */
const SIGNED_OUT_ONLY: Expectations = { ...all("redirect"), anon: "200" };
const SIGNED_IN: Expectations = { ...all("200"), anon: "login" };
const STAFF: Expectations = { ...all("403"), anon: "login", staff: "200" };
const MEMBER: Expectations = { ...all("403"), anon: "login", own: "200", other: "200" };
const MEMBER_OWN: Expectations = { ...MEMBER, other: "404" };
const REVIEWER: Expectations = { ...all("403"), anon: "login", assigned: "200", unassigned: "200" };
const REVIEWER_ASSIGNED: Expectations = { ...REVIEWER, unassigned: "404" };
/** Refused before the body: everyone but the roles the page is for. */
const refused = (e: Expectations, allowed: Role[]): Partial<Expectations> =>
  Object.fromEntries(Object.entries(e).filter(([role]) => !allowed.includes(role as Role)));

const at = (path: string) => async (): Promise<Target> => ({ path });
const first = async <T>(p: Promise<T | null>, what: string) => {
  const row = await p;
  if (!row) throw new Error(`authorization matrix: the seed has no ${what}`);
  return row;
};

/** Records of an organization that has an active member to act as "own". */
const MEMBERED = { organization: { memberships: { some: { user: { status: "ACTIVE", role: "ORG_MEMBER" } } } } };
const call = (status: string) =>
  first(prisma.grantCall.findFirst({ where: { status }, select: { id: true } }), `${status} grant call`);
/**
 * A record a newer area's seed may not hold yet: then the row asks for an id that does not exist,
 * and every answer "200" becomes "404" (the guards before the lookup are checked all the same).
 */
const orMissing = async (p: Promise<{ id: string; organizationId?: string } | null>, path: (id: string) => string) => {
  const row = await p;
  return row ? { path: path(row.id), orgId: row.organizationId } : { path: path("no-such-record"), missing: true };
};
/** The seed publishes every call, so the matrix keeps one draft of its own. */
const draftCall = async () => {
  const existing = await prisma.grantCall.findFirst({ where: { status: "DRAFT" }, select: { id: true } });
  if (existing) return existing;
  const day = 86_400_000;
  const now = Date.now();
  return prisma.grantCall.create({
    data: {
      title: "权限矩阵草稿项目",
      year: 2099,
      description: "未发布",
      poolFen: 100_000_00n,
      perProjectCapFen: 10_000_00,
      maxGrantSharePct: 50,
      overheadCapPct: 10,
      applyOpensAt: new Date(now + 30 * day),
      applyClosesAt: new Date(now + 60 * day),
      screeningEndsAt: new Date(now + 70 * day),
      reviewEndsAt: new Date(now + 80 * day),
      signingEndsAt: new Date(now + 100 * day),
      createdById: (await first(prisma.user.findFirst({ where: { role: "ADMIN" }, select: { id: true } }), "admin")).id,
    },
    select: { id: true },
  });
};
const grantApp = () =>
  first(
    prisma.grantApplication.findFirst({
      where: { status: { not: "DRAFT" }, ...MEMBERED },
      select: { id: true, callId: true, organizationId: true },
    }),
    "submitted grant application",
  );
const assignment = () =>
  first(
    prisma.reviewAssignment.findFirst({
      where: { status: { in: ["ASSIGNED", "DRAFTED", "SUBMITTED"] } },
      select: { id: true, reviewerId: true },
    }),
    "review assignment",
  );
const registrationApp = () =>
  first(
    prisma.registrationApplication.findFirst({ where: MEMBERED, select: { id: true, organizationId: true } }),
    "registration application",
  );
const report = () =>
  first(
    prisma.inspectionReport.findFirst({ where: MEMBERED, select: { id: true, organizationId: true } }),
    "inspection report",
  );
const rectification = () =>
  first(
    prisma.rectification.findFirst({ where: MEMBERED, select: { id: true, organizationId: true } }),
    "rectification",
  );
const incubation = () =>
  first(prisma.incubationApplication.findFirst({ select: { id: true } }), "incubation application");
const product = (status: string) =>
  first(
    prisma.product.findFirst({ where: { status, ...MEMBERED }, select: { id: true, organizationId: true } }),
    `${status} product`,
  );
const order = () => first(prisma.order.findFirst({ select: { id: true, orderNo: true } }), "order");
const registeredOrg = () =>
  first(
    // A seeded organization with its registration: specs create REGISTERED rows without a USCC,
    // and an unordered pick follows whichever index SQLite chooses.
    prisma.organization.findFirst({
      where: { status: "REGISTERED", uscc: { not: null }, registeredAt: { not: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    }),
    "registered organization",
  );
const round = () =>
  first(prisma.inspectionRound.findFirst({ orderBy: { year: "asc" }, select: { year: true } }), "inspection round");
/** An image of a product in the given state, its organization having an active member. */
const productImage = (status: string) =>
  first(
    prisma.productImage.findFirst({
      where: { product: { status, ...MEMBERED } },
      select: { attachmentId: true, product: { select: { organizationId: true } } },
    }),
    `image of a ${status} product`,
  );
const privateFile = () =>
  first(
    prisma.attachment.findFirst({
      where: { isPublic: false, subjectType: "RegistrationApplication", ...MEMBERED },
      select: { id: true, organizationId: true },
    }),
    "private registration attachment",
  );

export const MATRIX: Row[] = [
  // Public site
  { route: "$", ownership: "missing", target: at("/no-such-page"), get: all("404") },
  { route: "_public", ownership: "none", target: at("/"), get: PUBLIC },
  { route: "_public._index", ownership: "none", target: at("/"), get: PUBLIC },
  { route: "_public.audit-chain", ownership: "none", target: at("/audit-chain"), get: PUBLIC },
  { route: "_public.cart", ownership: "none", target: at("/cart"), get: PUBLIC },
  { route: "_public.checkout", ownership: "none", target: at("/checkout"), get: PUBLIC },
  { route: "_public.forgot-password", ownership: "none", target: at("/forgot-password"), get: PUBLIC },
  { route: "_public.grants._index", ownership: "none", target: at("/grants"), get: PUBLIC },
  {
    route: "_public.grants.$callId",
    ownership: "published",
    target: async () => ({ path: `/grants/${(await call("PUBLISHED")).id}` }),
    get: PUBLIC,
  },
  {
    route: "_public.grants.$callId",
    ownership: "draft",
    target: async () => ({ path: `/grants/${(await draftCall()).id}` }),
    get: all("404"),
  },
  {
    route: "_public.grants.$callId_.objection",
    ownership: "draft",
    target: async () => ({ path: `/grants/${(await draftCall()).id}/objection` }),
    get: all("404"),
  },
  {
    route: "_public.grants.$callId_.publicity",
    ownership: "draft",
    target: async () => ({ path: `/grants/${(await draftCall()).id}/publicity` }),
    get: all("404"),
  },
  {
    route: "_public.grants.$callId_.evaluations",
    ownership: "published",
    target: async () => ({ path: `/grants/${(await call("PUBLISHED")).id}/evaluations` }),
    get: PUBLIC,
  },
  {
    route: "_public.grants.$callId_.evaluations",
    ownership: "draft",
    target: async () => ({ path: `/grants/${(await draftCall()).id}/evaluations` }),
    get: all("404"),
  },
  {
    route: "_public.grants.$callId_.evaluations_.objection",
    ownership: "draft",
    target: async () => ({ path: `/grants/${(await draftCall()).id}/evaluations/objection` }),
    get: all("404"),
  },
  {
    route: "_public.grants.evaluation-objections.$token",
    ownership: "missing",
    target: at("/grants/evaluation-objections/not-a-token"),
    get: all("404"),
  },
  {
    route: "_public.grants.objections.$token",
    ownership: "missing",
    target: at("/grants/objections/not-a-token"),
    get: all("404"),
  },
  // Recommended directory (#15): public; an edition never put in publicity is not found.
  { route: "_public.directory._index", ownership: "none", target: at("/directory"), get: PUBLIC },
  {
    route: "_public.directory.$editionId",
    ownership: "published",
    target: () =>
      orMissing(
        prisma.directoryEdition.findFirst({
          where: { status: { in: ["PUBLISHED", "SUPERSEDED"] } },
          select: { id: true },
        }),
        (id) => `/directory/${id}`,
      ),
    get: PUBLIC,
  },
  {
    route: "_public.directory.$editionId_.publicity",
    ownership: "draft",
    target: async () => ({ path: "/directory/no-such-edition/publicity" }),
    get: all("404"),
  },
  {
    route: "_public.directory.$editionId_.objection",
    ownership: "draft",
    target: async () => ({ path: "/directory/no-such-edition/objection" }),
    get: all("404"),
  },
  {
    route: "_public.directory.$editionId_.export",
    ownership: "published",
    target: () =>
      orMissing(
        prisma.directoryEdition.findFirst({
          where: { status: { in: ["PUBLISHED", "SUPERSEDED"] } },
          select: { id: true },
        }),
        (id) => `/directory/${id}/export`,
      ),
    get: PUBLIC,
  },
  {
    route: "_public.directory.objections.$token",
    ownership: "missing",
    target: at("/directory/objections/not-a-token"),
    get: all("404"),
  },
  { route: "_public.incubation", ownership: "none", target: at("/incubation"), get: PUBLIC },
  {
    route: "_public.inspection.$year",
    ownership: "missing",
    target: at("/inspection/2001"),
    get: all("404"),
  },
  { route: "_public.login", ownership: "none", target: at("/login"), get: SIGNED_OUT_ONLY },
  {
    route: "_public.notifications",
    ownership: "none",
    target: at("/notifications"),
    get: SIGNED_IN,
    post: { anon: "login" },
  },
  {
    route: "_public.orders.$orderNo.success",
    ownership: "missing",
    target: at("/orders/NO-SUCH-ORDER/success"),
    get: all("404"),
  },
  {
    // Only the browser that placed the order (or looked it up with the phone) sees its page.
    route: "_public.orders.$orderNo.success",
    ownership: "someone else's",
    target: async () => ({ path: `/orders/${(await order()).orderNo}/success` }),
    get: all("404"),
  },
  { route: "_public.orders.lookup", ownership: "none", target: at("/orders/lookup"), get: PUBLIC },
  { route: "_public.orgs._index", ownership: "none", target: at("/orgs"), get: PUBLIC },
  {
    route: "_public.orgs.$orgId",
    ownership: "published",
    target: async () => ({ path: `/orgs/${(await registeredOrg()).id}` }),
    get: PUBLIC,
  },
  { route: "_public.products._index", ownership: "none", target: at("/products"), get: PUBLIC },
  {
    route: "_public.products.$productId",
    ownership: "published",
    target: async () => ({ path: `/products/${(await product("LISTED")).id}` }),
    get: PUBLIC,
  },
  {
    route: "_public.products.$productId",
    ownership: "draft",
    target: async () => ({ path: `/products/${(await product("PENDING")).id}` }),
    get: all("404"),
  },
  {
    route: "_public.reset-password.$token",
    ownership: "missing",
    target: at("/reset-password/not-a-token"),
    get: PUBLIC,
  },
  { route: "_public.signup", ownership: "none", target: at("/signup"), get: SIGNED_OUT_ONLY },
  { route: "healthz", ownership: "none", target: at("/healthz"), get: PUBLIC },
  { route: "logout", ownership: "none", target: at("/logout"), get: all("redirect") },
  { route: "stripe.webhook", ownership: "none", target: at("/stripe/webhook"), get: all("405") },
  {
    route: "files.$attachmentId",
    ownership: "own",
    target: async () => {
      const f = await privateFile();
      return { path: `/files/${f.id}`, orgId: f.organizationId! };
    },
    get: { anon: "login", own: "200", other: "403", assigned: "403", unassigned: "403", staff: "200" },
  },
  {
    route: "files.$attachmentId",
    ownership: "published",
    target: async () => ({ path: `/files/${(await productImage("LISTED")).attachmentId}` }),
    get: PUBLIC,
  },
  {
    // A product out of the catalogue: its images are "not found" but to its organization and staff.
    route: "files.$attachmentId",
    ownership: "draft",
    target: async () => {
      const image = await productImage("PENDING");
      return { path: `/files/${image.attachmentId}`, orgId: image.product.organizationId };
    },
    get: { ...all("404"), own: "200", staff: "200" },
  },
];

// Staff workspace: every page is for staff only; ids of any organization.
const staffRows: [string, () => Promise<string>][] = [
  ["admin", async () => "/admin"],
  ["admin._index", async () => "/admin"],
  ["admin.audit", async () => "/admin/audit"],
  ["admin.grants._index", async () => "/admin/grants"],
  ["admin.grants.new", async () => "/admin/grants/new"],
  ["admin.grants.$callId._index", async () => `/admin/grants/${(await grantApp()).callId}`],
  ["admin.grants.$callId.applications", async () => `/admin/grants/${(await grantApp()).callId}/applications`],
  ["admin.grants.$callId.edit", async () => `/admin/grants/${(await draftCall()).id}/edit`],
  ["admin.grants.$callId.export", async () => `/admin/grants/${(await grantApp()).callId}/export`],
  ["admin.grants.$callId.publicity", async () => `/admin/grants/${(await grantApp()).callId}/publicity`],
  ["admin.grants.$callId.evaluations", async () => `/admin/grants/${(await grantApp()).callId}/evaluations`],
  ["admin.grants.$callId.ranking", async () => `/admin/grants/${(await grantApp()).callId}/ranking`],
  ["admin.grants.$callId.ranking-export", async () => `/admin/grants/${(await grantApp()).callId}/ranking-export`],
  ["admin.grants.$callId.review", async () => `/admin/grants/${(await grantApp()).callId}/review`],
  [
    "admin.grants.$callId.review_.$applicationId",
    async () => {
      const a = await grantApp();
      return `/admin/grants/${a.callId}/review/${a.id}`;
    },
  ],
  ["admin.grants.applications.$applicationId", async () => `/admin/grants/applications/${(await grantApp()).id}`],
  ["admin.incubation._index", async () => "/admin/incubation"],
  ["admin.incubation.$incubationId", async () => `/admin/incubation/${(await incubation()).id}`],
  ["admin.inspection._index", async () => "/admin/inspection"],
  ["admin.inspection.$year", async () => `/admin/inspection/${(await round()).year}`],
  ["admin.inspection.$year.export", async () => `/admin/inspection/${(await round()).year}/export`],
  ["admin.inspection.rectifications", async () => "/admin/inspection/rectifications"],
  ["admin.inspection.reports.$reportId", async () => `/admin/inspection/reports/${(await report()).id}`],
  ["admin.inspection.revocation", async () => "/admin/inspection/revocation"],
  ["admin.inspection.stats", async () => "/admin/inspection/stats"],
  ["admin.orders._index", async () => "/admin/orders"],
  ["admin.orders.$orderId", async () => `/admin/orders/${(await order()).id}`],
  ["admin.organizations._index", async () => "/admin/organizations"],
  ["admin.organizations.$orgId._index", async () => `/admin/organizations/${(await registeredOrg()).id}`],
  [
    "admin.organizations.$orgId.certificate",
    async () => `/admin/organizations/${(await registeredOrg()).id}/certificate`,
  ],
  ["admin.outbox", async () => "/admin/outbox"],
  ["admin.products", async () => "/admin/products"],
  ["admin.registrations._index", async () => "/admin/registrations"],
  ["admin.registrations.$applicationId", async () => `/admin/registrations/${(await registrationApp()).id}`],
  ["admin.rules", async () => "/admin/rules"],
  ["admin.sales", async () => "/admin/sales"],
  ["admin.stats", async () => "/admin/stats"],
  ["admin.sales.export", async () => "/admin/sales/export"],
  ["admin.users._index", async () => "/admin/users"],
  [
    "admin.users.$userId",
    async () => `/admin/users/${(await first(prisma.user.findFirst({ select: { id: true } }), "user")).id}`,
  ],
  ["admin.users.new-reviewer", async () => "/admin/users/new-reviewer"],
];
for (const [route, path] of staffRows) {
  MATRIX.push({
    route,
    ownership: "none",
    target: async () => ({ path: await path() }),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  });
}

// Organization workspace: members only; a record of another organization is not found.
const memberRows: [string, string][] = [
  ["org", "/org"],
  ["org._index", "/org"],
  ["org.certificate", "/org/certificate"],
  ["org.documents", "/org/documents"],
  ["org.grants._index", "/org/grants"],
  ["org.incubation", "/org/incubation"],
  ["org.inspection._index", "/org/inspection"],
  ["org.orders", "/org/orders"],
  ["org.products._index", "/org/products"],
  ["org.products.new", "/org/products/new"],
  ["org.profile", "/org/profile"],
  ["org.registration._index", "/org/registration"],
];
for (const [route, path] of memberRows) {
  MATRIX.push({ route, ownership: "none", target: at(path), get: MEMBER, post: refused(MEMBER, ["own", "other"]) });
}
const ownRows: [string, () => Promise<Target>][] = [
  [
    "org.grants.$applicationId",
    async () => grantApp().then((a) => ({ path: `/org/grants/${a.id}`, orgId: a.organizationId })),
  ],
  [
    "org.inspection.$reportId",
    async () => report().then((r) => ({ path: `/org/inspection/${r.id}`, orgId: r.organizationId })),
  ],
  [
    "org.products.$productId",
    async () => product("LISTED").then((p) => ({ path: `/org/products/${p.id}`, orgId: p.organizationId })),
  ],
  [
    "org.rectifications.$rectificationId",
    async () => rectification().then((r) => ({ path: `/org/rectifications/${r.id}`, orgId: r.organizationId })),
  ],
  [
    "org.registration.$applicationId",
    async () => registrationApp().then((r) => ({ path: `/org/registration/${r.id}`, orgId: r.organizationId })),
  ],
];
for (const [route, target] of ownRows) {
  MATRIX.push({ route, ownership: "own", target, get: MEMBER_OWN, post: refused(MEMBER_OWN, ["own"]) });
}

// Reviewer workspace: reviewers only; a task not assigned to them is not found.
MATRIX.push(
  { route: "reviewer", ownership: "none", target: at("/reviewer"), get: REVIEWER },
  { route: "reviewer._index", ownership: "none", target: at("/reviewer"), get: REVIEWER },
  { route: "reviewer.reviews._index", ownership: "none", target: at("/reviewer/reviews"), get: REVIEWER },
  {
    route: "reviewer.reviews.$assignmentId",
    ownership: "assigned",
    target: async () => assignment().then((a) => ({ path: `/reviewer/reviews/${a.id}`, reviewerId: a.reviewerId })),
    get: REVIEWER_ASSIGNED,
    post: refused(REVIEWER_ASSIGNED, ["assigned"]),
  },
);

// Rating (#12): staff pages, and an organization's own applications and certificates.
const ratingRound = () => prisma.ratingRound.findFirst({ select: { id: true } });
const ratingApp = () =>
  prisma.ratingApplication.findFirst({
    where: { status: { not: "DRAFT" }, ...MEMBERED },
    select: { id: true, organizationId: true },
  });
const announcedRatingApp = () =>
  prisma.ratingApplication.findFirst({
    where: { status: "ANNOUNCED", ...MEMBERED },
    select: { id: true, organizationId: true },
  });
const certificate = () =>
  prisma.ratingCertificate.findFirst({ where: MEMBERED, select: { id: true, organizationId: true } });
const ratingStaff: [string, () => Promise<Target>][] = [
  ["admin.rating._index", at("/admin/rating")],
  ["admin.rating.new", at("/admin/rating/new")],
  ["admin.rating.checks", at("/admin/rating/checks")],
  ["admin.rating.grades", at("/admin/rating/grades")],
  ["admin.rating.stats", at("/admin/rating/stats")],
  ["admin.rating.$roundId.export", () => orMissing(ratingRound(), (id) => `/admin/rating/${id}/export`)],
  ["admin.rating.$roundId._index", () => orMissing(ratingRound(), (id) => `/admin/rating/${id}`)],
  ["admin.rating.$roundId.panel", () => orMissing(ratingRound(), (id) => `/admin/rating/${id}/panel`)],
  [
    "admin.rating.applications.$applicationId",
    () => orMissing(ratingApp(), (id) => `/admin/rating/applications/${id}`),
  ],
  [
    "admin.rating.certificates.$certificateId",
    () => orMissing(certificate(), (id) => `/admin/rating/certificates/${id}`),
  ],
];
for (const [route, target] of ratingStaff) {
  MATRIX.push({
    route,
    ownership: "none",
    target: async () => ({ ...(await target()), orgId: undefined }),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  });
}
// Settings can only be edited while the round is a draft (409 after); the guard comes first.
MATRIX.push(
  {
    route: "admin.rating.$roundId.edit",
    ownership: "draft",
    target: () =>
      orMissing(
        prisma.ratingRound.findFirst({ where: { status: "DRAFT" }, select: { id: true } }),
        (id) => `/admin/rating/${id}/edit`,
      ),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  {
    route: "org.rating._index",
    ownership: "none",
    target: at("/org/rating"),
    get: MEMBER,
    post: refused(MEMBER, ["own", "other"]),
  },
  { route: "org.rating.certificates._index", ownership: "none", target: at("/org/rating/certificates"), get: MEMBER },
  {
    route: "org.rating.$applicationId",
    ownership: "own",
    target: () => orMissing(ratingApp(), (id) => `/org/rating/${id}`),
    get: MEMBER_OWN,
    post: refused(MEMBER_OWN, ["own"]),
  },
  {
    route: "org.rating.$applicationId_.blocks.$blockCode",
    ownership: "own",
    target: async () => {
      const app = await prisma.ratingApplication.findFirst({
        where: { status: { not: "DRAFT" }, ...MEMBERED },
        select: { id: true, organizationId: true, schemeId: true },
      });
      const root = app
        ? await prisma.indicatorNode.findFirst({
            where: { schemeId: app.schemeId, parentId: null },
            select: { code: true },
          })
        : null;
      if (!app || !root) return { path: "/org/rating/no-such-record/blocks/none", missing: true };
      return { path: `/org/rating/${app.id}/blocks/${encodeURIComponent(root.code)}`, orgId: app.organizationId };
    },
    get: MEMBER_OWN,
    post: refused(MEMBER_OWN, ["own"]),
  },
  {
    route: "org.rating.$applicationId_.sheet",
    ownership: "published",
    target: () => orMissing(announcedRatingApp(), (id) => `/org/rating/${id}/sheet`),
    get: MEMBER_OWN,
  },
  {
    route: "org.rating.certificates.$certificateId",
    ownership: "own",
    target: () => orMissing(certificate(), (id) => `/org/rating/certificates/${id}`),
    get: MEMBER_OWN,
  },
  { route: "_public.inspection._index", ownership: "none", target: at("/inspection"), get: PUBLIC },
);

// Indicator schemes (#12): staff only; a scheme id that does not exist is not found.
const scheme = () => prisma.indicatorScheme.findFirst({ select: { id: true } });
MATRIX.push(
  {
    route: "admin.indicators._index",
    ownership: "none",
    target: at("/admin/indicators"),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  {
    route: "admin.indicators.$schemeId",
    ownership: "none",
    target: () => orMissing(scheme(), (id) => `/admin/indicators/${id}`),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  {
    route: "admin.indicators.$schemeId.export",
    ownership: "none",
    target: () => orMissing(scheme(), (id) => `/admin/indicators/${id}/export`),
    get: STAFF,
  },
  // Rating results (#12): the staff results desk, the organization's 复核 request, the public announcements.
  {
    route: "admin.rating.$roundId.results",
    ownership: "none",
    target: () => orMissing(ratingRound(), (id) => `/admin/rating/${id}/results`),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  {
    route: "org.rating.review",
    ownership: "none",
    target: at("/org/rating/review"),
    get: MEMBER,
    post: refused(MEMBER, ["own", "other"]),
  },
  {
    route: "org.directory",
    ownership: "none",
    target: at("/org/directory"),
    get: MEMBER,
    post: refused(MEMBER, ["own", "other"]),
  },
  // Recommended directory (#15): the staff's editions and one edition's desk.
  {
    route: "admin.directory._index",
    ownership: "none",
    target: at("/admin/directory"),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  {
    route: "admin.directory.$editionId",
    ownership: "none",
    target: () =>
      orMissing(prisma.directoryEdition.findFirst({ select: { id: true } }), (id) => `/admin/directory/${id}`),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  { route: "_public.rating._index", ownership: "none", target: at("/rating"), get: PUBLIC },
  {
    route: "_public.rating.$roundId",
    ownership: "published",
    target: () =>
      orMissing(
        prisma.ratingRound.findFirst({ where: { status: "ANNOUNCED" }, select: { id: true } }),
        (id) => `/rating/${id}`,
      ),
    get: PUBLIC,
  },
);

// Funded projects (#13, #14): staff hub pages answer staff only; the organization's hub pages answer
// a member of the organization holding the project (404 to another organization's member).
/** A funded project of an organization with an active member (for the project hub routes). */
export const fundedProject = () =>
  prisma.grantProject.findFirst({
    where: MEMBERED,
    orderBy: { projectNo: "asc" },
    select: { id: true, organizationId: true },
  });
const projectStaff = (route: string, path: (id: string) => string, withAction = false): Row => ({
  route,
  ownership: "none",
  target: async () => ({ ...(await orMissing(fundedProject(), path)), orgId: undefined }),
  get: STAFF,
  ...(withAction ? { post: refused(STAFF, ["staff"]) } : {}),
});
const projectOrg = (route: string, path: (id: string) => string, withAction = false): Row => ({
  route,
  ownership: "own",
  target: () => orMissing(fundedProject(), path),
  get: MEMBER_OWN,
  ...(withAction ? { post: refused(MEMBER_OWN, ["own"]) } : {}),
});
MATRIX.push(
  projectStaff("admin.projects.$projectId", (id) => `/admin/projects/${id}`),
  projectStaff("admin.projects.$projectId._index", (id) => `/admin/projects/${id}`),
  projectOrg("org.projects.$projectId", (id) => `/org/projects/${id}`),
  projectOrg("org.projects.$projectId._index", (id) => `/org/projects/${id}`),
  projectStaff("admin.projects.$projectId.evaluations", (id) => `/admin/projects/${id}/evaluations`, true),
  projectOrg("org.projects.$projectId.evaluations", (id) => `/org/projects/${id}/evaluations`, true),
);

// Money (#13 items 4, 5, 10): the tranches tab on both sides (staff act, the organization reads),
// and the staff's call pages: its funded projects and the disbursement register.
const fundedCall = () => prisma.grantCall.findFirst({ where: { projects: { some: {} } }, select: { id: true } });
const callStaff = (route: string, path: (id: string) => string): Row => ({
  route,
  ownership: "none",
  target: () => orMissing(fundedCall(), path),
  get: STAFF,
});
MATRIX.push(
  projectStaff("admin.projects.$projectId.tranches", (id) => `/admin/projects/${id}/tranches`, true),
  projectOrg("org.projects.$projectId.tranches", (id) => `/org/projects/${id}/tranches`),
  callStaff("admin.grants.$callId.projects", (id) => `/admin/grants/${id}/projects`),
  callStaff("admin.grants.$callId.disbursements", (id) => `/admin/grants/${id}/disbursements`),
);

// Closing (#14 items 8-12): the 结项 tab of both hubs; the 结项证书 only of a closed project.
const closedProject = () =>
  prisma.grantProject.findFirst({
    where: { ...MEMBERED, status: "CLOSED" },
    orderBy: { projectNo: "asc" },
    select: { id: true, organizationId: true },
  });
MATRIX.push(
  projectStaff("admin.projects.$projectId.closing", (id) => `/admin/projects/${id}/closing`, true),
  projectOrg("org.projects.$projectId.closing", (id) => `/org/projects/${id}/closing`),
  {
    ...projectStaff("admin.projects.$projectId.certificate", (id) => `/admin/projects/${id}/certificate`),
    target: async () => ({
      ...(await orMissing(closedProject(), (id) => `/admin/projects/${id}/certificate`)),
      orgId: undefined,
    }),
  },
  {
    ...projectOrg("org.projects.$projectId.certificate", (id) => `/org/projects/${id}/certificate`),
    target: () => orMissing(closedProject(), (id) => `/org/projects/${id}/certificate`),
  },
);

// Budget against actual (#13 item 7): the budget tab of each hub.
MATRIX.push(
  projectStaff("admin.projects.$projectId.budget", (id) => `/admin/projects/${id}/budget`, true),
  projectOrg("org.projects.$projectId.budget", (id) => `/org/projects/${id}/budget`, true),
);
/** An issued agreement version of a membered organization's project (the organization may read it). */
const issuedAgreement = async () => {
  const row = await prisma.grantAgreement.findFirst({
    where: { issuedAt: { not: null }, project: MEMBERED },
    orderBy: { version: "asc" },
    select: { version: true, project: { select: { id: true, organizationId: true } } },
  });
  return row ? { id: `${row.project.id}/agreement/${row.version}`, organizationId: row.project.organizationId } : null;
};
/** "<projectId>/agreement/<version>", or a version of a project that does not exist. */
const versionPath = (id: string) => (id.includes("/") ? id : `${id}/agreement/1`);
MATRIX.push(
  projectStaff("admin.projects.$projectId.agreement._index", (id) => `/admin/projects/${id}/agreement`, true),
  projectOrg("org.projects.$projectId.agreement._index", (id) => `/org/projects/${id}/agreement`, true),
  {
    route: "admin.projects.$projectId.agreement.$version",
    ownership: "none",
    target: async () => ({
      ...(await orMissing(issuedAgreement(), (id) => `/admin/projects/${versionPath(id)}`)),
      orgId: undefined,
    }),
    get: STAFF,
  },
  {
    route: "org.projects.$projectId.agreement.$version",
    ownership: "own",
    target: () => orMissing(issuedAgreement(), (id) => `/org/projects/${versionPath(id)}`),
    get: MEMBER_OWN,
  },
);

// Delivery (#13 items 6, 8, 9): progress reports and monitoring visits on both hubs (staff review,
// the organization files and replies), the staff's cross-project lists and the organization's projects.
const fundedReport = async (side: "admin" | "org") => {
  const report = await prisma.grantProgressReport.findFirst({
    where: { project: MEMBERED },
    orderBy: { id: "asc" },
    select: { id: true, projectId: true, project: { select: { organizationId: true } } },
  });
  if (!report) return { path: `/${side}/projects/no-such-record/reports/no-such-record`, missing: true };
  const path = `/${side}/projects/${report.projectId}/reports/${report.id}`;
  return side === "admin" ? { path } : { path, orgId: report.project.organizationId };
};
MATRIX.push(
  projectStaff("admin.projects.$projectId.reports._index", (id) => `/admin/projects/${id}/reports`),
  projectOrg("org.projects.$projectId.reports._index", (id) => `/org/projects/${id}/reports`),
  {
    route: "admin.projects.$projectId.reports.$reportId",
    ownership: "none",
    target: () => fundedReport("admin"),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  {
    route: "org.projects.$projectId.reports.$reportId",
    ownership: "own",
    target: () => fundedReport("org"),
    get: MEMBER_OWN,
    post: refused(MEMBER_OWN, ["own"]),
  },
  {
    route: "admin.projects.reports",
    ownership: "none",
    target: async () => ({ path: "/admin/projects/reports" }),
    get: STAFF,
    post: refused(STAFF, ["staff"]),
  },
  projectStaff("admin.projects.$projectId.monitoring", (id) => `/admin/projects/${id}/monitoring`, true),
  projectOrg("org.projects.$projectId.monitoring", (id) => `/org/projects/${id}/monitoring`, true),
  {
    route: "admin.projects.visits",
    ownership: "none",
    target: async () => ({ path: "/admin/projects/visits" }),
    get: STAFF,
  },
  { route: "org.projects._index", ownership: "none", target: at("/org/projects"), get: MEMBER },
);

// The public record of funded projects (#13 item 11, #14 items 9-12): open to everyone; an award
// withdrawn before signing is not part of it.
const publicProject = () =>
  prisma.grantProject.findFirst({ where: { status: { not: "WITHDRAWN" } }, select: { id: true } });
MATRIX.push(
  { route: "_public.projects._index", ownership: "none", target: at("/projects"), get: PUBLIC },
  {
    route: "_public.projects.$projectId",
    ownership: "published",
    target: async () => ({ ...(await orMissing(publicProject(), (id) => `/projects/${id}`)), orgId: undefined }),
    get: PUBLIC,
  },
  {
    route: "_public.projects.$projectId",
    ownership: "missing",
    target: at("/projects/no-such-project"),
    get: all("404"),
  },
);
// Public statistics and open data (#14 items 11-12): figures and downloads open to everyone; a call
// that funded nothing public has no open data.
const callWithProjects = () =>
  prisma.grantCall.findFirst({ where: { projects: { some: { status: { not: "WITHDRAWN" } } } }, select: { id: true } });
MATRIX.push(
  { route: "_public.projects.statistics", ownership: "none", target: at("/projects/statistics"), get: PUBLIC },
  { route: "projects.statistics[.xlsx]", ownership: "none", target: at("/projects/statistics.xlsx"), get: PUBLIC },
  { route: "_public.open-data", ownership: "none", target: at("/open-data"), get: PUBLIC },
  {
    route: "open-data.$callId.projects[.json]",
    ownership: "published",
    target: () => orMissing(callWithProjects(), (id) => `/open-data/${id}/projects.json`),
    get: PUBLIC,
  },
  {
    route: "open-data.$callId.projects[.csv]",
    ownership: "published",
    target: () => orMissing(callWithProjects(), (id) => `/open-data/${id}/projects.csv`),
    get: PUBLIC,
  },
  {
    route: "open-data.$callId.projects[.csv]",
    ownership: "draft",
    target: async () => ({ path: `/open-data/${(await draftCall()).id}/projects.csv` }),
    get: all("404"),
  },
);
