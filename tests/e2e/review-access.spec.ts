// #6 expert review — access boundaries. A reviewer reaches only the assignments
// (and the application files) given to them; staff pages answer 403 to reviewers
// and organizations; an organization sees only its own application and anonymous
// feedback; the public sees only a published list. Every refusal is checked for
// what the body would have leaked and, for writes, that nothing was stored.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { grantObjectionRefs, grantObjectionsOf } from "~/modules/grants/publicity/publicity";
import { signFormStamp } from "~/modules/publicity/form-stamp.server";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound, submitReview } from "./review-helpers";

const DAY = 86_400_000;

/** A browser context of its own, logged in as the user (or anonymous). */
async function openAs(browser: Browser, userId?: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  if (userId) await loginAs(page, userId);
  return page;
}

function expectNoLeak(body: string, secrets: string[], where: string) {
  for (const secret of secrets) expect(body, `${where} leaks “${secret}”`).not.toContain(secret);
}

/** Puts the bytes of a stored attachment on disk so /files/:id can serve it (length = sizeBytes). */
async function storeFile(attachmentId: string, content: string) {
  const row = await prisma.attachment.update({
    where: { id: attachmentId },
    data: { sizeBytes: Buffer.byteLength(content) },
    select: { storageKey: true },
  });
  const file = path.resolve(process.env.UPLOAD_DIR!, row.storageKey);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

async function planOf(applicationId: string) {
  return prisma.attachment.findFirstOrThrow({
    where: { subjectType: "GrantApplication", subjectId: applicationId, purpose: "grant.plan" },
    select: { id: true },
  });
}

async function orgName(organizationId: string) {
  return (await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } })).name;
}

/** GET as a document; returns status and the full server HTML (loader data included). */
async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  return { status: response!.status(), body: await response!.text() };
}

test("a reviewer opens, scores and downloads only what is assigned to them", async ({ page, browser }) => {
  const admin = await createUser({ role: "ADMIN" });
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 2,
    reviewers: 2,
    blindReview: true,
    reviewersPerApplication: 1,
  });
  const [app1, app2] = round.applications;
  const [reviewerA, reviewerB] = round.reviewers;
  const taskA = await assign(round.call.id, app1!.id, reviewerA!.id);
  const taskB = await assign(round.call.id, app2!.id, reviewerB!.id);
  const secretComment = `甲专家草稿意见${crypto.randomBytes(3).toString("hex")}，尚未提交`;
  await prisma.reviewAssignment.update({
    where: { id: taskA.id },
    data: {
      status: "DRAFTED",
      comment: secretComment,
      scores: { create: [{ criterionId: round.criteria[0]!.id, score: 17 }] },
    },
  });
  const org1Name = await orgName(app1!.organizationId);
  const org2Name = await orgName(app2!.organizationId);

  const plan1 = await planOf(app1!.id);
  const plan2 = await planOf(app2!.id);
  await storeFile(plan1.id, "%PDF-1.4 plan-one");
  await storeFile(plan2.id, "%PDF-1.4 plan-two");
  const charter1 = await prisma.attachment.create({
    data: {
      organizationId: app1!.organizationId,
      purpose: "org.charter",
      originalName: "机构章程.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1,
      storageKey: `test/${crypto.randomUUID()}.pdf`,
      subjectType: "GrantApplication",
      subjectId: app1!.id,
    },
    select: { id: true },
  });
  await storeFile(charter1.id, `%PDF-1.4 charter ${org1Name}`);

  // Reviewer B: their own task opens (blind: no organization) …
  await loginAs(page, reviewerB!.id);
  const list = await visit(page, "/reviewer/reviews");
  expect(list.status).toBe(200);
  expect(list.body).toContain(app2!.title);
  expectNoLeak(list.body, [app1!.title, org1Name, org2Name], "B's task list");
  const own = await visit(page, `/reviewer/reviews/${taskB.id}`);
  expect(own.status).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: app2!.title })).toBeVisible();

  // … reviewer A's does not, neither as a page nor as client-side navigation data.
  const other = await visit(page, `/reviewer/reviews/${taskA.id}`);
  expect(other.status).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: app1!.title })).toHaveCount(0);
  expectNoLeak(other.body, [secretComment, app1!.title, org1Name, "需求分析"], "A's task page seen by B");
  const data = await page.request.get(`/reviewer/reviews/${taskA.id}.data`);
  expect(data.status()).toBe(404);
  expectNoLeak(await data.text(), [secretComment, app1!.title, org1Name], "A's task data seen by B");

  // B cannot score, submit or recuse on A's assignment; nothing is written.
  const scoreFields = Object.fromEntries(
    round.criteria.map((c) => [`score.${c.id}`, String(Math.min(10, c.maxScore))]),
  );
  for (const intent of ["draft", "submit"]) {
    const post = await page.request.post(`/reviewer/reviews/${taskA.id}`, {
      form: { intent, ...scoreFields, comment: "越权评分：这条意见不应被保存下来。", recommendation: "DO_NOT_FUND" },
    });
    expect(post.status(), `B posting ${intent} to A's task`).toBe(404);
    expectNoLeak(await post.text(), [secretComment, app1!.title], `B's ${intent} post`);
  }
  const recuse = await page.request.post(`/reviewer/reviews/${taskA.id}`, {
    form: { intent: "recuse", recuseReason: "越权回避" },
  });
  expect(recuse.status()).toBe(404);
  const stored = await prisma.reviewAssignment.findUniqueOrThrow({
    where: { id: taskA.id },
    select: {
      status: true,
      comment: true,
      recommendation: true,
      recuseReason: true,
      scores: { select: { criterionId: true, score: true } },
    },
  });
  expect(stored).toEqual({
    status: "DRAFTED",
    comment: secretComment,
    recommendation: null,
    recuseReason: null,
    scores: [{ criterionId: round.criteria[0]!.id, score: 17 }],
  });
  expect(await prisma.auditEvent.count({ where: { entityId: taskA.id, actorId: reviewerB!.id } })).toBe(0);

  // Files: B gets the plan of the application assigned to them, not the other one.
  const ownPlan = await page.request.get(`/files/${plan2.id}`);
  expect(ownPlan.status()).toBe(200);
  expect(await ownPlan.text()).toBe("%PDF-1.4 plan-two");
  for (const id of [plan1.id, charter1.id]) {
    const refused = await page.request.get(`/files/${id}`);
    expect(refused.status(), `B downloading ${id}`).toBe(403);
    expectNoLeak(await refused.text(), ["%PDF", org1Name], "refused download");
  }

  // Reviewer A gets their application's plan, but never the organization's own papers in a blind call.
  const pageA = await openAs(browser, reviewerA!.id);
  const planForA = await pageA.request.get(`/files/${plan1.id}`);
  expect(planForA.status()).toBe(200);
  expect(await planForA.text()).toBe("%PDF-1.4 plan-one");
  const charterForA = await pageA.request.get(`/files/${charter1.id}`);
  expect(charterForA.status()).toBe(403);
  expectNoLeak(await charterForA.text(), ["%PDF", org1Name], "blind charter download");
  expect((await pageA.request.get(`/files/${plan2.id}`)).status()).toBe(403);
  // The draft B was refused is one A can save (so the refusal was not just a bad form).
  const saved = await pageA.request.post(`/reviewer/reviews/${taskA.id}`, {
    form: { intent: "draft", ...scoreFields, comment: "甲专家更新后的草稿意见，仍在修改。", recommendation: "FUND" },
    maxRedirects: 0,
  });
  expect(saved.status()).toBe(302);
  expect(await prisma.reviewScore.count({ where: { assignmentId: taskA.id } })).toBe(round.criteria.length);
  // Once A has recused, the plan is closed to them too.
  await prisma.reviewAssignment.update({
    where: { id: taskA.id },
    data: { status: "RECUSED", recuseReason: "测试回避" },
  });
  expect((await pageA.request.get(`/files/${plan1.id}`)).status()).toBe(403);
  await pageA.context().close();
});

test("staff review, ranking, export and publicity refuse reviewers and organizations and change nothing", async ({
  page,
  browser,
}) => {
  const admin = await createUser({ role: "ADMIN" });
  // Two reviewers per application, one assigned: staff could still add reviewer C.
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 2,
    reviewers: 3,
    reviewersPerApplication: 2,
  });
  const callId = round.call.id;
  const [app1, app2] = round.applications;
  const [reviewerA, reviewerB, reviewerC] = round.reviewers;
  const secretComment = `甲专家保密意见${crypto.randomBytes(3).toString("hex")}：预算测算依据不足。`;
  const taskA = await assign(callId, app1!.id, reviewerA!.id);
  const taskB = await assign(callId, app2!.id, reviewerB!.id);
  await submitReview(taskA.id, round.criteria, [18, 27, 18, 13, 13], secretComment);
  await submitReview(taskB.id, round.criteria, [12, 20, 12, 9, 9]);
  const org1Name = await orgName(app1!.organizationId);

  const urls = [
    `/admin/grants/${callId}/review`,
    `/admin/grants/${callId}/review/${app1!.id}`,
    `/admin/grants/${callId}/ranking`,
    `/admin/grants/${callId}/ranking-export`,
    `/admin/grants/${callId}/publicity`,
  ];

  // Staff see the secrets on these pages, so their absence below means something.
  const adminPage = await openAs(browser, admin.id);
  for (const url of urls) expect((await adminPage.request.get(url)).status(), `admin ${url}`).toBe(200);
  const detail = await (await adminPage.request.get(`/admin/grants/${callId}/review/${app1!.id}`)).text();
  expect(detail).toContain(secretComment);
  expect(detail).toContain(reviewerA!.name);
  await adminPage.context().close();

  const before = await prisma.grantCall.findUniqueOrThrow({
    where: { id: callId },
    select: {
      reviewStage: true,
      aggregation: true,
      disagreementThreshold: true,
      reviewersPerApplication: true,
      blindReview: true,
    },
  });
  const secrets = [secretComment, reviewerA!.name, org1Name, app1!.title, round.call.title];
  const intruders = [
    { label: "reviewer", userId: reviewerC!.id },
    { label: "organization", userId: app2!.owner.id },
  ];
  for (const intruder of intruders) {
    await page.context().clearCookies();
    await loginAs(page, intruder.userId);
    for (const url of urls.filter((u) => !u.endsWith("-export"))) {
      const seen = await visit(page, url);
      expect(seen.status, `${intruder.label} GET ${url}`).toBe(403);
      await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
      expectNoLeak(seen.body, secrets, `${intruder.label} GET ${url}`);
      const data = await page.request.get(`${url}.data`);
      expect(data.status(), `${intruder.label} GET ${url}.data`).toBe(403);
      expectNoLeak(await data.text(), secrets, `${intruder.label} GET ${url}.data`);
    }
    const exported = await page.request.get(`/admin/grants/${callId}/ranking-export`);
    expect(exported.status(), `${intruder.label} export`).toBe(403);
    expect(exported.headers()["content-type"]).not.toContain("spreadsheet");
    expectNoLeak(await exported.text(), secrets, `${intruder.label} export`);

    // Writes are refused and store nothing (a layout's 403 alone would not prove that).
    const posts: Array<[string, Record<string, string>]> = [
      [
        `/admin/grants/${callId}/review`,
        { intent: "settings", reviewersPerApplication: "2", aggregation: "TRIMMED_MEAN", disagreementThreshold: "77" },
      ],
      [
        `/admin/grants/${callId}/review/${app1!.id}`,
        { intent: "add", reviewerId: reviewerC!.id, reason: "越权补派自己" },
      ],
      [
        `/admin/grants/${callId}/review/${app1!.id}`,
        { intent: "reopen", assignmentId: taskA.id, reason: "越权重新开放" },
      ],
      [`/admin/grants/${callId}/ranking`, { intent: "generate" }],
    ];
    for (const [url, form] of posts) {
      const response = await page.request.post(url, { form });
      expect(response.status(), `${intruder.label} POST ${form.intent} ${url}`).toBe(403);
      expectNoLeak(await response.text(), secrets, `${intruder.label} POST ${url}`);
    }
  }
  expect(
    await prisma.grantCall.findUniqueOrThrow({
      where: { id: callId },
      select: {
        reviewStage: true,
        aggregation: true,
        disagreementThreshold: true,
        reviewersPerApplication: true,
        blindReview: true,
      },
    }),
  ).toEqual(before);
  expect(await prisma.reviewAssignment.count({ where: { subjectId: app1!.id, reviewerId: reviewerC!.id } })).toBe(0);
  expect(
    await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: taskA.id }, select: { status: true } }),
  ).toEqual({ status: "SUBMITTED" });
  expect(await prisma.grantAward.count({ where: { callId } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { actorId: { in: [reviewerC!.id, app2!.owner.id] } } })).toBe(0);

  // The organization's own workspace: its application opens, another's is not found.
  await page.context().clearCookies();
  await loginAs(page, app2!.owner.id);
  expect((await visit(page, `/org/grants/${app2!.id}`)).status).toBe(200);
  const foreign = await visit(page, `/org/grants/${app1!.id}`);
  expect(foreign.status).toBe(404);
  expectNoLeak(foreign.body, [app1!.title, org1Name, secretComment], "another organization's application");
  const foreignData = await page.request.get(`/org/grants/${app1!.id}.data`);
  expect(foreignData.status()).toBe(404);
  expectNoLeak(await foreignData.text(), [app1!.title, org1Name], "another organization's application data");
  // Naming the other organization does not help.
  const named = await visit(page, `/org/grants/${app1!.id}?org=${app1!.organizationId}`);
  expect(named.status).toBe(403);
  expectNoLeak(named.body, [app1!.title, org1Name], "?org= of another organization");
  // Nor do its files.
  const plan1 = await planOf(app1!.id);
  expect((await page.request.get(`/files/${plan1.id}`)).status()).toBe(403);

  // The same writes from staff do take effect, so the refusals above were real.
  const staff = await openAs(browser, admin.id);
  const added = await staff.request.post(`/admin/grants/${callId}/review/${app1!.id}`, {
    form: { intent: "add", reviewerId: reviewerC!.id, reason: "员工补派" },
  });
  expect(added.status()).toBe(200);
  expect(await prisma.reviewAssignment.count({ where: { subjectId: app1!.id, reviewerId: reviewerC!.id } })).toBe(1);
  await prisma.reviewAssignment.deleteMany({ where: { subjectId: app1!.id, reviewerId: reviewerC!.id } });
  const generated = await staff.request.post(`/admin/grants/${callId}/ranking`, { form: { intent: "generate" } });
  expect(generated.status()).toBe(200);
  expect(await prisma.grantAward.count({ where: { callId } })).toBe(2);
  await staff.context().close();
});

test("the organization's feedback is anonymous and the public sees only a published list", async ({
  page,
  browser,
}) => {
  const admin = await createUser({ role: "ADMIN" });
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 2,
    reviewers: 2,
    reviewersPerApplication: 2,
  });
  const callId = round.call.id;
  const [app1, app2] = round.applications;
  const [reviewerA, reviewerB] = round.reviewers;
  const tag = crypto.randomBytes(3).toString("hex");
  const commentA = `甲专家意见${tag}：服务对象界定清楚，建议细化评估指标。`;
  const commentB = `乙专家意见${tag}：预算偏高，人员经费测算依据不足。`;
  const a1 = await assign(callId, app1!.id, reviewerA!.id);
  const b1 = await assign(callId, app1!.id, reviewerB!.id);
  await submitReview(a1.id, round.criteria, [18, 27, 18, 13, 13], commentA);
  await submitReview(b1.id, round.criteria, [16, 24, 16, 12, 12], commentB);
  const a2 = await assign(callId, app2!.id, reviewerA!.id);
  const app2Comment = `乙机构项目意见${tag}：不应被其他机构看到。`;
  await submitReview(a2.id, round.criteria, [10, 15, 10, 8, 8], app2Comment);
  await prisma.grantAward.createMany({
    data: [
      {
        callId,
        applicationId: app1!.id,
        rank: 1,
        finalScore: 89.5,
        reviewCount: 2,
        recommended: true,
        recommendedFen: 6_000_000,
        selected: true,
        amountFen: 6_000_000,
      },
      {
        callId,
        applicationId: app2!.id,
        rank: 2,
        finalScore: 51,
        reviewCount: 1,
        recommended: false,
        recommendedFen: 0,
        selected: false,
        amountFen: 0,
      },
    ],
  });
  const org1Name = await orgName(app1!.organizationId);
  const org2Name = await orgName(app2!.organizationId);
  const reviewerSecrets = [
    reviewerA!.name,
    reviewerB!.name,
    reviewerA!.email,
    reviewerB!.email,
    reviewerA!.id,
    reviewerB!.id,
  ];

  // Anonymous visitors: the reviewer and staff areas send them to log in, reading and writing alike.
  const anonymousUrls = [
    "/reviewer/reviews",
    `/reviewer/reviews/${a1.id}`,
    `/admin/grants/${callId}/review`,
    `/admin/grants/${callId}/review/${app1!.id}`,
    `/admin/grants/${callId}/ranking`,
    `/admin/grants/${callId}/ranking-export`,
    `/admin/grants/${callId}/publicity`,
  ];
  for (const url of anonymousUrls) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), `anonymous GET ${url}`).toBe(302);
    expect(response.headers()["location"]).toBe(`/login?${new URLSearchParams({ redirectTo: url })}`);
    expectNoLeak(await response.text(), [commentA, app1!.title, org1Name], `anonymous GET ${url}`);
  }
  const anonymousPost = await page.request.post(`/reviewer/reviews/${a1.id}`, {
    form: { intent: "recuse", recuseReason: "匿名越权" },
    maxRedirects: 0,
  });
  expect(anonymousPost.status()).toBe(302);
  expect(anonymousPost.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
  const anonymousRank = await page.request.post(`/admin/grants/${callId}/ranking`, {
    form: { intent: "publish" },
    maxRedirects: 0,
  });
  expect(anonymousRank.status()).toBe(302);
  expect(anonymousRank.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
  expect(await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: a1.id }, select: { status: true } })).toEqual({
    status: "SUBMITTED",
  });

  // Before publication the list does not exist for the public, and objections are refused.
  for (const stage of ["OPEN", "RANKED"]) {
    await prisma.grantCall.update({ where: { id: callId }, data: { reviewStage: stage } });
    for (const url of [`/grants/${callId}/publicity`, `/grants/${callId}/objection`]) {
      const seen = await visit(page, url);
      expect(seen.status, `${stage} ${url}`).toBe(404);
      expectNoLeak(seen.body, [app1!.title, org1Name, "89.50", commentA], `${stage} ${url}`);
    }
  }
  const early = await page.request.post(`/grants/${callId}/objection`, {
    multipart: {
      applicationId: app1!.id,
      name: "提前异议人",
      contact: "early-objector@example.com",
      content: "名单尚未公示，但我想提前对该项目提出异议，理由如下所述。",
      stamp: signFormStamp(Date.now() - 10_000),
    },
    maxRedirects: 0,
  });
  expect(early.status()).toBe(409);
  expect(await early.text()).toContain("该活动当前未在公示期，不受理异议");
  expect(await prisma.objection.count({ where: grantObjectionsOf(callId) })).toBe(0);

  // Publicized: the selected entry is public, with nothing of the reviewers and nothing unselected.
  await prisma.grantCall.update({
    where: { id: callId },
    data: {
      reviewStage: "PUBLICIZED",
      publicityStartsAt: new Date(Date.now() - DAY),
      publicityEndsAt: new Date(Date.now() + 5 * DAY),
    },
  });
  const published = await visit(page, `/grants/${callId}/publicity`);
  expect(published.status).toBe(200);
  await expect(page.getByRole("main").getByRole("row").filter({ hasText: app1!.title })).toContainText(org1Name);
  expectNoLeak(
    published.body,
    [...reviewerSecrets, commentA, commentB, app2!.title, org2Name],
    "public publicity page",
  );

  // An objection's page opens with its token only.
  const token = crypto.randomBytes(24).toString("base64url");
  const objectionContent = `异议内容${tag}：该项目服务人数与社区实际情况不符，请核实。`;
  const objection = await prisma.objection.create({
    data: {
      ...grantObjectionRefs(callId, app1!.id),
      name: "异议人甲",
      contact: `objector-${tag}@example.com`,
      content: objectionContent,
      accessToken: token,
    },
    select: { id: true },
  });
  const withToken = await visit(page, `/grants/objections/${token}`);
  expect(withToken.status).toBe(200);
  expect(withToken.body).toContain(objectionContent);
  for (const wrong of [`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "unknown-token", objection.id]) {
    const seen = await visit(page, `/grants/objections/${wrong}`);
    expect(seen.status, `objection token ${wrong}`).toBe(404);
    expectNoLeak(seen.body, [objectionContent, "异议人甲", app1!.title], "objection page with a wrong token");
  }

  // Staff's objection desk refuses a reviewer and an organization, reading and deciding.
  for (const userId of [reviewerA!.id, app2!.owner.id]) {
    const intruder = await openAs(browser, userId);
    const desk = await intruder.goto(`/admin/grants/${callId}/publicity`);
    expect(desk!.status()).toBe(403);
    expectNoLeak(await desk!.text(), [objectionContent, `objector-${tag}@example.com`, "异议人甲"], "objection desk");
    const decide = await intruder.request.post(`/admin/grants/${callId}/publicity`, {
      form: { intent: "decide", objectionId: objection.id, outcome: "DISMISSED", reply: "越权答复" },
    });
    expect(decide.status()).toBe(403);
    await intruder.context().close();
  }
  expect(
    await prisma.objection.findUniqueOrThrow({
      where: { id: objection.id },
      select: { status: true, reply: true },
    }),
  ).toEqual({
    status: "RECEIVED",
    reply: null,
  });
  // (Staff can decide it, so the refused form was a working one.)
  const staff = await openAs(browser, admin.id);
  const decided = await staff.request.post(`/admin/grants/${callId}/publicity`, {
    form: { intent: "decide", objectionId: objection.id, outcome: "DISMISSED", reply: "经核实，申报材料属实。" },
    maxRedirects: 0,
  });
  expect(decided.status()).toBe(302);
  expect(await prisma.objection.findUniqueOrThrow({ where: { id: objection.id }, select: { status: true } })).toEqual({
    status: "DISMISSED",
  });
  await staff.context().close();

  // Confirmed: the applicant reads scores and comments, never who wrote them.
  await prisma.grantCall.update({ where: { id: callId }, data: { reviewStage: "CONFIRMED", confirmedAt: new Date() } });
  await prisma.grantApplication.update({ where: { id: app1!.id }, data: { status: "FUNDED" } });
  await prisma.grantApplication.update({ where: { id: app2!.id }, data: { status: "NOT_FUNDED" } });
  await loginAs(page, app1!.owner.id);
  const own = await visit(page, `/org/grants/${app1!.id}`);
  expect(own.status).toBe(200);
  const feedback = page.getByRole("region", { name: "评审结果" });
  await expect(feedback).toContainText(commentA);
  await expect(feedback).toContainText(commentB);
  await expect(feedback).toContainText("专家 1");
  expectNoLeak(own.body, [...reviewerSecrets, app2Comment, a1.id, b1.id], "the applicant's feedback");
  const ownData = await page.request.get(`/org/grants/${app1!.id}.data`);
  expect(ownData.status()).toBe(200);
  expectNoLeak(await ownData.text(), [...reviewerSecrets, app2Comment, a1.id, b1.id], "the applicant's feedback data");
  const foreign = await visit(page, `/org/grants/${app2!.id}`);
  expect(foreign.status).toBe(404);
  expectNoLeak(foreign.body, [app2Comment, app2!.title, org2Name], "another organization's feedback");
});
